import { enMessages } from '../../i18n/en';
import { zhMessages } from '../../i18n/zh';
import {
  defaultInstitutionId,
  initialSettleValues,
  placeUserErrors,
  quoteKey,
  SETTLEMENT_CHANNELS,
  type SettlementQuoteView,
  settleValuesErrors,
  splitLines,
  toSettlementInput,
  VISIT_TYPES,
  visitTypeFor,
} from '../settlementForm';

const TODAY = '2026-12-02';
const lookup = (messages: unknown, key: string) =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

const bill = (patch: Partial<ReturnType<typeof initialSettleValues>> = {}) => ({
  ...initialSettleValues(TODAY, 'inst-1'),
  covered: '2000.00',
  ...patch,
});

describe('the settlement dialog values (办理结算)', () => {
  it('starts today (Beijing) at the given institution, outpatient, by card, amounts empty', () => {
    expect(initialSettleValues(TODAY, 'inst-1')).toEqual({
      institutionId: 'inst-1',
      visitType: 'OUTPATIENT',
      serviceDate: TODAY,
      covered: '',
      outOfCatalogue: '',
      excluded: '',
      channel: 'CARD',
      password: '',
    });
  });

  it('accepts a plain bill', () => {
    expect(settleValuesErrors(bill(), TODAY)).toEqual({});
    expect(settleValuesErrors(bill({ covered: '0', excluded: '12.5' }), TODAY)).toEqual({});
  });

  it('checks money like every money input: two decimals, not negative, no exponent', () => {
    expect(settleValuesErrors(bill({ covered: '' }), TODAY).covered).toBe('gongji.money_input.required');
    expect(settleValuesErrors(bill({ covered: '1.234' }), TODAY).covered).toBe('gongji.money_input.decimals');
    expect(settleValuesErrors(bill({ covered: '-5' }), TODAY).covered).toBe('gongji.money_input.negative');
    expect(settleValuesErrors(bill({ covered: '1e3' }), TODAY).covered).toBe('gongji.money_input.invalid');
    expect(settleValuesErrors(bill({ excluded: '1e3' }), TODAY).excluded).toBe('gongji.money_input.invalid');
    expect(settleValuesErrors(bill({ outOfCatalogue: '0.001' }), TODAY).outOfCatalogue).toBe(
      'gongji.money_input.decimals',
    );
  });

  it('refuses a bill of nothing', () => {
    expect(settleValuesErrors(bill({ covered: '0.00' }), TODAY).covered).toBe('gongji.settle.total_zero');
  });

  it('refuses a service date after today and a missing institution', () => {
    expect(settleValuesErrors(bill({ serviceDate: '2026-12-03' }), TODAY).serviceDate).toBe(
      'gongji.settle.date_future',
    );
    expect(settleValuesErrors(bill({ serviceDate: '' }), TODAY).serviceDate).toBe(
      'gongji.settle.date_required',
    );
    expect(settleValuesErrors(bill({ serviceDate: '2026-01-01' }), TODAY)).toEqual({});
    expect(settleValuesErrors(bill({ institutionId: '' }), TODAY).institutionId).toBe(
      'gongji.settle.institution_required',
    );
  });

  it('asks a card payment for a 6-digit password only on confirming when the quote needs it (R-ACC-7)', () => {
    expect(settleValuesErrors(bill({ password: '12345' }), TODAY).password).toBe(
      'gongji.settle.password_format',
    );
    expect(settleValuesErrors(bill(), TODAY, { forConfirm: true, passwordRequired: true }).password).toBe(
      'gongji.settle.password_required',
    );
    expect(settleValuesErrors(bill(), TODAY, { forConfirm: true, passwordRequired: false })).toEqual({});
    expect(
      settleValuesErrors(bill({ channel: 'E_VOUCHER' }), TODAY, { forConfirm: true, passwordRequired: true }),
    ).toEqual({});
  });
});

describe('the SettlementInput', () => {
  it('fills empty optional amounts with 0.00 and sends no password with a quote', () => {
    expect(toSettlementInput('p1', bill({ password: '147258' }))).toEqual({
      patientId: 'p1',
      institutionId: 'inst-1',
      visitType: 'OUTPATIENT',
      serviceDate: TODAY,
      covered: '2000.00',
      outOfCatalogue: '0.00',
      excluded: '0.00',
      channel: 'CARD',
    });
  });

  it('sends the password with a card confirmation only', () => {
    expect(toSettlementInput('p1', bill({ password: '147258' }), { withPassword: true }).password).toBe(
      '147258',
    );
    expect(
      toSettlementInput('p1', bill({ channel: 'E_VOUCHER', password: '147258' }), { withPassword: true }),
    ).not.toHaveProperty('password');
    expect(toSettlementInput('p1', bill(), { withPassword: true })).not.toHaveProperty('password');
  });

  it('keeps a quote valid while only the password changes', () => {
    expect(quoteKey('p1', bill({ password: '1' }))).toBe(quoteKey('p1', bill({ password: '147258' })));
    expect(quoteKey('p1', bill())).not.toBe(quoteKey('p1', bill({ covered: '2000.01' })));
  });
});

const QUOTE: SettlementQuoteView = {
  total: '2100.00',
  fundPay: '560.00',
  personalShare: '1540.00',
  accountPaid: '1440.00',
  ownEarmarked: '1000.00',
  ownWallet: '0.00',
  cash: '100.00',
  passwordRequired: true,
  providers: [
    { providerId: 'grandpa', relation: 'GRANDCHILD', amount: '300.00' },
    { providerId: 'stranger', relation: null, amount: '140.00' },
  ],
  skippedProviders: [],
  explanation: [{ rule: 'R-SET-1', message: '…' }],
  userErrors: [],
};

describe('the split of a quote', () => {
  it('lists fund, own account, wallet, each relative by name, cash, in payment order (R-SET-4)', () => {
    const lines = splitLines(QUOTE, (id) => (id === 'grandpa' ? '王建国' : undefined));
    expect(lines.map((l) => [l.label, l.name, l.relation, l.amount])).toEqual([
      ['gongji.settle.total', undefined, undefined, '2100.00'],
      ['gongji.settle.fund_pay', undefined, undefined, '560.00'],
      ['gongji.settle.personal_share', undefined, undefined, '1540.00'],
      ['gongji.settle.own_earmarked', undefined, undefined, '1000.00'],
      ['gongji.settle.own_wallet', undefined, undefined, '0.00'],
      ['gongji.settle.provider', '王建国', 'gongji.relation_one.GRANDCHILD', '300.00'],
      ['gongji.settle.provider', undefined, undefined, '140.00'],
      ['gongji.settle.cash', undefined, undefined, '100.00'],
    ]);
    expect(new Set(lines.map((l) => l.testId)).size).toBe(lines.length);
  });

  it('shows nothing of a refused quote', () => {
    const refused = {
      ...QUOTE,
      total: null,
      fundPay: null,
      personalShare: null,
      accountPaid: null,
      ownEarmarked: null,
      ownWallet: null,
      cash: null,
      providers: [],
    };
    expect(splitLines(refused, () => undefined)).toEqual([]);
  });
});

describe('refusals of a quote or a confirmation', () => {
  it('puts a refusal on the input it names, the rest above the buttons, without raw codes', () => {
    const placed = placeUserErrors([
      {
        code: 'PASSWORD_WRONG',
        message: '支付密码错误（PASSWORD_WRONG）',
        field: ['input', 'password'],
        rule: 'R-ACC-7',
      },
      { code: 'PASSWORD_LOCKED', message: '支付密码已锁定', field: null, rule: 'R-ACC-7' },
      { code: 'NOT_FOUND', message: '参保人不存在', field: ['patientId'], rule: null },
    ]);
    expect(placed.fields).toEqual({ password: '支付密码错误 (R-ACC-7)' });
    expect(placed.root).toBe('支付密码已锁定 (R-ACC-7)；参保人不存在');
  });
});

describe('defaults of the dialog', () => {
  it("starts at the person's first chosen designated hospital, else nothing", () => {
    expect(defaultInstitutionId([{ id: 'a', designated: false }, { id: 'b' }, { id: 'c' }])).toBe('b');
    expect(defaultInstitutionId([])).toBe('');
  });

  it('makes a pharmacy bill a pharmacy visit and a hospital bill not', () => {
    expect(visitTypeFor('PHARMACY', 'OUTPATIENT')).toBe('PHARMACY');
    expect(visitTypeFor('HOSPITAL', 'PHARMACY')).toBe('OUTPATIENT');
    expect(visitTypeFor('HOSPITAL', 'INPATIENT')).toBe('INPATIENT');
    expect(visitTypeFor(undefined, 'INPATIENT')).toBe('INPATIENT');
  });
});

describe('texts of the settlement dialog', () => {
  const keys = [
    ...VISIT_TYPES.map((v) => `gongji.settle.visit_${v}`),
    ...SETTLEMENT_CHANNELS.map((c) => `gongji.settle.channel_${c}`),
    'gongji.settle.fund_pay',
    'gongji.settle.own_earmarked',
    'gongji.settle.own_wallet',
    'gongji.settle.provider',
    'gongji.settle.cash',
    'gongji.settle.date_future',
    'gongji.settle.total_zero',
    'gongji.settle.password_required',
    'gongji.settle.key_reused',
  ];

  it.each(keys)('%s is in Chinese and in English', (key) => {
    const zh = lookup(zhMessages, key);
    const en = lookup(enMessages, key);
    expect(typeof zh).toBe('string');
    expect(zh as string).toMatch(/[\u4e00-\u9fff]/);
    expect(typeof en).toBe('string');
    expect(en as string).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
