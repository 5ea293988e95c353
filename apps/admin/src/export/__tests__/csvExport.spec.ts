import { PERSON_COLUMNS, type PersonRow } from '../../persons/personExport';
import { TRANSACTION_COLUMNS } from '../../transactions/transactionExport';
import { toCsv, UTF8_BOM, type Translate } from '../csvExport';
import { counterZh } from '../../i18n/counter.zh';

/** Looks keys up in the console's Chinese catalogue, like the i18nProvider does. */
const translate: Translate = (key, options) => {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], counterZh);
  if (typeof value === 'string')
    return value.replace(/%\{(\w+)\}/g, (_, name: string) => String(options?.[name] ?? ''));
  return typeof options?._ === 'string' ? options._ : key;
};

const person: PersonRow & { __typename: string; nodeId: string } = {
  __typename: 'Person',
  nodeId: 'internal',
  id: 'p1',
  name: '王建国',
  idNumber: '110105195203150179',
  phone: '13800000001',
  insuranceType: 'EMPLOYEE',
  employmentStatus: 'RETIRED',
  regionCode: '110000',
  region: { name: '北京市' },
  card: { state: 'PRE_REPORTED' },
};

describe('CSV export (Excel-ready)', () => {
  it('starts with a UTF-8 BOM, has Chinese headers and labels instead of codes, CRLF lines', () => {
    const csv = toCsv([person], PERSON_COLUMNS, translate);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header).toBe('姓名,身份证号,手机号,险种,人员状态,参保地代码,参保地,卡状态');
    expect(row).toBe('王建国,110105195203150179,13800000001,职工医保,退休,110000,北京市,预挂失');
    expect(csv).not.toMatch(/__typename|nodeId|EMPLOYEE|PRE_REPORTED/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes commas, quotes and line breaks, and leaves missing values empty', () => {
    const csv = toCsv(
      [{ ...person, name: '张,"伟"', phone: null, employmentStatus: null, card: null }],
      PERSON_COLUMNS,
      translate,
    );
    expect(csv.split('\r\n')[1]).toBe('"张,""伟""",110105195203150179,,职工医保,,110000,北京市,');
  });

  it('exports transactions with kinds and statuses as labels and explanation lines joined', () => {
    const csv = toCsv(
      [
        {
          id: 't1',
          kind: 'SETTLEMENT',
          status: 'PARTIALLY_REFUNDED',
          amount: '1900.00',
          personId: 'p1',
          counterpartyPersonId: null,
          institutionId: 'i1',
          serviceDate: '2026-11-30',
          originalTransactionId: null,
          createdAt: '2026-11-30T16:30:00.000Z',
          person: { id: 'p1', name: '王建国', idNumber: '110105195203150179' },
          institution: { id: 'i1', code: 'H11010100001', name: '北京协和医院' },
          explanation: [
            { rule: 'R-SET-1', message: 'fund pays 50%' },
            { rule: 'R-SET-4', message: 'own account first' },
          ],
        },
      ],
      TRANSACTION_COLUMNS,
      translate,
    );
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header.split(',').slice(0, 5)).toEqual(['交易编号', '记账时间', '交易类型', '状态', '金额']);
    expect(row).toContain('2026-12-01 00:30,医疗费用结算,部分退费,1900.00,2026-11-30');
    expect(row).toContain('R-SET-1 fund pays 50%；R-SET-4 own account first');
    // Who and where by name, not only by internal id.
    expect(header).toContain('参保人姓名,参保人身份证号,医药机构,机构代码,人员编号,机构编号');
    expect(row).toContain('王建国,110105195203150179,北京协和医院,H11010100001,p1,i1');
  });
});

describe('policy exports', () => {
  it('writes regions with Chinese headers and labels, never __typename or nodeId', async () => {
    const { zhMessages } = await import('../../i18n/zh');
    const { REGION_COLUMNS } = await import('../policyExports');
    const zh: Translate = (key, options) => {
      const value = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], zhMessages);
      return typeof value === 'string' ? value : typeof options?._ === 'string' ? options._ : key;
    };
    const csv = toCsv(
      [
        {
          __typename: 'Region',
          nodeId: 'internal',
          id: '130100',
          code: '130100',
          name: '石家庄市',
          level: 'CITY',
          provinceCode: '130000',
          province: { code: '130000', name: '河北省' },
          isPool: true,
          synthetic: false,
          walletFullCoverage: true,
          walletRegionsEnumerated: true,
          walletFromBasis: 'CONFIRMED_BY',
          effectiveWalletFrom: '2025-05-08',
          walletOpen: true,
          regionCount: 0,
          updatedAt: '2026-01-01T00:00:00Z',
          walletFrom: null,
        } as never,
      ],
      REGION_COLUMNS,
      zh,
    );
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header.startsWith('区划代码,名称,级别,所属省份,钱包状态')).toBe(true);
    expect(row.startsWith('130100,石家庄市,市级,河北省,已开通,,2025-05-08,不晚于,是')).toBe(true);
    expect(csv).not.toMatch(/__typename|nodeId|CITY|CONFIRMED_BY|true/);
  });
});
