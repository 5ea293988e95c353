import { ENTITY_DIALECT, TransactionEntity } from '@gongji/persistence';
import { DEMO_PAYMENT_PASSWORD } from '../seed/demo';
import { type TestApp, createTestApp } from '../testing/test-app';
import { KIN_REGISTER } from './kin-helpers';
import { CONFIRM, type ConfirmData, QUOTE, type Quote, institutionId, personId } from './settlement-helpers';

const XIEHE = 'H11010100001';
const CJK = /[\u4e00-\u9fff]/;
/** No Accept-Language at all: the API's default, Chinese. */
const NONE = { 'accept-language': '' };
const EN = { 'accept-language': 'en' };

const TRANSACTION = `query($id: ID!) { transaction(id: $id) { id explanation { rule message } } }`;
const POLICY = `query($r: ID!, $on: Date!) { effectivePolicy(regionCode: $r, on: $on) { explanation { rule message } } }`;

/** effectivePolicy('110000', '2025-01-01') in English, as the rules have always written it (issue #3). */
const BEIJING_POLICY_2025_EN: Line[] = [
  { rule: 'R-ACC-5', message: 'EARMARKED_ACCOUNT open on 2025-01-01: from 2022-09-01 (region 110000)' },
  { rule: 'R-KIN-3', message: 'KIN_REGISTRATION open on 2025-01-01: from 2022-10-15 (region 110000)' },
  { rule: 'R-KIN-3', message: 'KIN_USE open on 2025-01-01: from 2022-12-01 (region 110000)' },
  { rule: 'R-WAL-3', message: 'WALLET not open on 2025-01-01: no date set (national default)' },
  {
    rule: 'R-WAL-5',
    message: 'USAGE_LOCATION_CHANGE not open on 2025-01-01: no date set (national default)',
  },
  {
    rule: 'R-USE-3',
    message: 'SUPPLEMENTARY_PREMIUM_SELF open on 2025-01-01: from 2022-09-01 (region 110000)',
  },
  {
    rule: 'R-USE-3',
    message: 'SUPPLEMENTARY_PREMIUM_KIN open on 2025-01-01: from 2022-12-01 (region 110000)',
  },
  ...['MEDICAL', 'RESIDENT_CONTRIBUTION', 'LONG_TERM_CARE', 'SUPPLEMENTARY_PREMIUM'].map((purpose) => ({
    rule: 'R-KIN-1',
    message:
      `Kinship scope for ${purpose}: SPOUSE, PARENT, CHILD, SIBLING, GRANDPARENT, MATERNAL_GRANDPARENT, ` +
      'GRANDCHILD, MATERNAL_GRANDCHILD since 2024-07-01 (national default)',
  })),
  {
    rule: 'R-KIN-1',
    message:
      'Kinship scope for WALLET_TRANSFER: SPOUSE, PARENT, CHILD, SIBLING, GRANDPARENT, MATERNAL_GRANDPARENT, ' +
      'GRANDCHILD, MATERNAL_GRANDCHILD since 2024-12-02 (national default)',
  },
  { rule: 'R-SET-1', message: 'Benefit schedule since 2023-01-01 (national default)' },
  { rule: 'R-SET-1', message: 'Resident benefit schedule since 2020-01-01 (region 110000)' },
  { rule: 'R-USE-6', message: 'Spending caps since 1998-12-14 (national default)' },
  { rule: 'R-ACC-7', message: 'Password policy since 1998-12-14 (national default)' },
  { rule: 'R-CARD-1', message: 'Card rules since 1998-12-14 (national default)' },
  { rule: 'R-USE-1', message: 'Hospital selection since 1998-12-14 (national default)' },
  {
    rule: 'R-CARD-1',
    message:
      'Holiday calendar 2024: 28 holidays, 8 make-up working days, since 2023-01-01 (national default)',
  },
  {
    rule: 'R-CARD-1',
    message:
      'Holiday calendar 2025: 28 holidays, 5 make-up working days, since 2024-01-01 (national default)',
  },
  {
    rule: 'R-CARD-1',
    message:
      'Holiday calendar 2026: 33 holidays, 6 make-up working days, since 2025-01-01 (national default)',
  },
];

type Line = { rule: string; message: string };

/**
 * API.md: "Messages follow `Accept-Language` (Chinese by default)" — explanation lines included: a quote, a
 * confirmation, a transaction read back and a replayed reply each render in the language of the request that reads
 * them (effectivePolicy's lines too); English is the text the rules have always written; `rule` never changes.
 */
describe(`explanation lines follow Accept-Language (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let token: string;
  let xiehe: string;
  let wangli: string;

  beforeAll(async () => {
    app = await createTestApp();
    token = await app.login('counter');
    xiehe = await institutionId(app, XIEHE);
    wangli = await personId(app, '王丽');
  });
  afterAll(async () => app?.close());

  // DOMAIN.md R-SET-1 worked example: in service, first visit of the year, covered 2000.00 → fund 100.00.
  const bill = {
    patientId: '',
    institutionId: '',
    visitType: 'OUTPATIENT',
    serviceDate: '2025-03-10',
    covered: '2000.00',
    channel: 'CARD',
    password: DEMO_PAYMENT_PASSWORD,
  };
  const input = () => ({ ...bill, patientId: wangli, institutionId: xiehe });
  const englishWorkedExample =
    "in service: deductible 1800.00 per year, 0.00 covered cost earlier this year; 1800.00 of this bill's covered " +
    '2000.00 falls under the deductible; fund pays 50% of 200.00 = 100.00';

  const expectChinese = (lines: Line[]) => {
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.message).toMatch(CJK);
  };

  it('R-SET-1 quote: Chinese without Accept-Language, the English text exactly with `en`, same rules', async () => {
    const zh = await app.gql<{ settlementQuote: Quote }>(QUOTE, { input: input() }, token, NONE);
    const en = await app.gql<{ settlementQuote: Quote }>(QUOTE, { input: input() }, token, EN);
    expect(zh.errors).toBeUndefined();
    const zhLines = zh.data!.settlementQuote.explanation;
    const enLines = en.data!.settlementQuote.explanation;
    expectChinese(zhLines);
    expect(zhLines.map((l) => l.rule)).toEqual(enLines.map((l) => l.rule));
    expect(zhLines[0].rule).toBe('R-SET-1');
    expect(zhLines[0].message).toMatch(/^门诊：在职职工年度起付线1800\.00 元/);
    expect(zhLines[0].message).toMatch(/2000\.00 元/);
    expect(zhLines[0].message).toMatch(/统筹基金支付200\.00 元的50%，即100\.00 元$/);
    expect(enLines[0]).toEqual({ rule: 'R-SET-1', message: englishWorkedExample });
    expect(enLines.map((l) => l.message)).toContain(
      'total 2000.00 = fund 100.00 + accounts 1900.00 + cash 0.00',
    );
    expect(zhLines.map((l) => l.message)).toContain(
      '费用总额2000.00 元 = 统筹基金支付100.00 元 + 个人账户支付1900.00 元 + 现金支付0.00 元',
    );
    // Any Chinese tag is Chinese too.
    const zhCn = await app.gql<{ settlementQuote: Quote }>(QUOTE, { input: input() }, token, {
      'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5',
    });
    expect(zhCn.data!.settlementQuote.explanation).toEqual(zhLines);
  });

  it('confirmation, read back and replay each render in the language of the request reading them', async () => {
    const key = 'explanations-language-1';
    const confirmed = await app.gql<ConfirmData>(
      CONFIRM,
      { input: { ...input(), idempotencyKey: key } },
      token,
      NONE,
    );
    expect(confirmed.errors).toBeUndefined();
    const { transaction, settlement, userErrors } = confirmed.data!.settlementConfirm;
    expect(userErrors).toEqual([]);
    const txLines = (transaction as unknown as { explanation: Line[] }).explanation;
    expectChinese(txLines);
    expectChinese(settlement!.explanation);
    expect(txLines[0].message).toMatch(/即100\.00 元$/);

    // The row keeps today's English text (logs, old readers) next to the code and params.
    const stored = await app.db.getRepository(TransactionEntity).findOneByOrFail({ id: transaction!.id });
    const storedLines = stored.explanation as unknown as (Line & { code?: string })[];
    expect(storedLines[0]).toMatchObject({
      rule: 'R-SET-1',
      message: englishWorkedExample,
      code: 'FUND_OUTPATIENT',
    });
    const english = storedLines.map((l) => ({ rule: l.rule, message: l.message }));
    expect(txLines.map((l) => l.rule)).toEqual(english.map((l) => l.rule));

    // transaction(id) read back: in the reader's language.
    const readEn = await app.gql<{ transaction: { explanation: Line[] } }>(
      TRANSACTION,
      { id: transaction!.id },
      token,
      EN,
    );
    expect(readEn.data!.transaction.explanation).toEqual(english);
    const readZh = await app.gql<{ transaction: { explanation: Line[] } }>(
      TRANSACTION,
      { id: transaction!.id },
      token,
      NONE,
    );
    expect(readZh.data!.transaction.explanation).toEqual(txLines);

    // Replay of the same idempotency key in English: the stored reply, rendered in English (the text the rule wrote).
    const replayEn = await app.gql<ConfirmData>(
      CONFIRM,
      { input: { ...input(), idempotencyKey: key } },
      token,
      EN,
    );
    const replayed = replayEn.data!.settlementConfirm;
    expect(replayed.transaction!.id).toBe(transaction!.id);
    expect((replayed.transaction as unknown as { explanation: Line[] }).explanation).toEqual(english);
    expect(replayed.settlement!.explanation[0]).toEqual({ rule: 'R-SET-1', message: englishWorkedExample });
    // …and in Chinese again: identical to the first answer.
    const replayZh = await app.gql<ConfirmData>(
      CONFIRM,
      { input: { ...input(), idempotencyKey: key } },
      token,
      NONE,
    );
    expect(replayZh).toEqual(confirmed);
  });

  it('effectivePolicy lines (Beijing, 2025-01-01): Chinese by default, regions by name; English exactly as before', async () => {
    type PolicyData = { effectivePolicy: { explanation: Line[] } };
    const vars = { r: '110000', on: '2025-01-01' };
    const zh = await app.gql<PolicyData>(POLICY, vars, token, NONE);
    const en = await app.gql<PolicyData>(POLICY, vars, token, EN);
    expect(zh.errors).toBeUndefined();
    expect(en.errors).toBeUndefined();
    const zhLines = zh.data!.effectivePolicy.explanation;
    expect(en.data!.effectivePolicy.explanation).toEqual(BEIJING_POLICY_2025_EN);
    expect(zhLines.map((l) => l.rule)).toEqual(BEIJING_POLICY_2025_EN.map((l) => l.rule));
    for (const line of zhLines) {
      expect(line.message).toMatch(CJK);
      // No English word, enum value, ISO date or bare region code left.
      expect(line.message).not.toMatch(/[A-Za-z]|\d{4}-\d{2}-\d{2}|\d{6}/);
    }
    expect(zhLines[1].message).toBe(
      '家庭共济备案：2025年1月1日已开通（2022年10月15日起开通，依据北京市的设置）',
    );
    expect(zhLines[3].message).toBe('医保钱包：2025年1月1日尚未开通（未设定开通日期，依据全国默认值）');
    expect(zhLines[7].message).toBe(
      '用于医疗费用的家庭共济亲属范围：配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女，自2024年7月1日起施行（依据全国默认值）',
    );
    expect(zhLines[13].message).toBe('城乡居民医保待遇支付标准：自2020年1月1日起施行（依据北京市的设置）');
    expect(zhLines[19].message).toBe(
      '2025年节假日安排：节假日28天，调休上班日5天，自2024年1月1日起施行（依据全国默认值）',
    );
    // Any Chinese tag is Chinese too.
    const zhCn = await app.gql<PolicyData>(POLICY, vars, token, { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(zhCn.data!.effectivePolicy.explanation).toEqual(zhLines);
  });

  it('R-KIN-1/3/4 registration lines in Chinese (no Accept-Language) name the region by name', async () => {
    const register = (on: string, headers: Record<string, string>) =>
      app.gql<{ kinRelationRegister: { explanation: Line[]; userErrors: unknown[] } }>(
        KIN_REGISTER,
        {
          input: {
            providerId: wangli,
            beneficiaryId: wangqiang,
            relation: 'SIBLING',
            channel: 'COUNTER',
            on,
            reason: 'paper form',
          },
        },
        token,
        headers,
      );
    const wangqiang = await personId(app, '王强');
    const zh = (await register('2025-01-01', NONE)).data!.kinRelationRegister;
    expect(zh.userErrors).toEqual([]);
    expect(zh.explanation.map((l) => l.rule)).toEqual(['R-KIN-1', 'R-KIN-3', 'R-KIN-4']);
    expect(zh.explanation[0].message).toBe('兄弟姐妹在2025年1月1日属于北京市的家庭共济亲属范围');
    expect(zh.explanation[2].message).toMatch(/^排在被共济人使用顺序的最后，第\d+位$/);
  });
});
