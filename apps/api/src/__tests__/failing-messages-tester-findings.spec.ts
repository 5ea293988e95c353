import { TERMS } from '@gongji/domain';
import { ENTITY_DIALECT, KinRelationEntity, TransactionEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { CHAOYANG, HOSPITALS_SET, type HospitalsSetData, XIEHE } from './hospital-selection-helpers';
import { KIN_REGISTER, KIN_REORDER, KIN_REVOKE, type KinUserError, demoIds } from './kin-helpers';
import { ENGLISH, NO_HEADER, expectChinese, expectEnglish } from './language.helpers';
import { CANCEL, QUOTE_FIELDS, REFUND, institutionId } from './settlement-helpers';
import { USER_ERRORS, type UserErrorOut, key } from './wallet.helpers';

const QUOTE = `query($input: SettlementInput!) { settlementQuote(input: $input) {
  ${QUOTE_FIELDS} skippedProviders { providerId relation rule reason } } }`;
type Quote = {
  providers: { providerId: string }[];
  explanation: { rule: string; message: string }[];
  skippedProviders: { providerId: string; rule: string; reason: string }[];
};
const CREDIT = `mutation($i: ContributionsCreditInput!) { contributionsCredit(input: $i) { credited ${USER_ERRORS} } }`;
type Credit = { contributionsCredit: { userErrors: UserErrorOut[] } };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/;

/**
 * Findings of a black-box tester: messages a person reads named ids, English fragments or the wrong thing. Each is
 * asked in Chinese (no Accept-Language) and in English.
 */
describe(`messages name things in words, tester findings (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let counter: string;
  let admin: string;
  let id: Record<string, string>;

  beforeAll(async () => {
    app = await createTestApp();
    counter = await app.login('counter');
    admin = await app.login('admin');
    id = await demoIds(app);
  });
  afterAll(async () => app?.close());

  const quote = async (input: Record<string, unknown>, headers: Record<string, string>) => {
    const res = await app.gql<{ settlementQuote: Quote }>(QUOTE, { input }, counter, headers);
    expect(res.errors).toBeUndefined();
    return res.data!.settlementQuote;
  };

  it('R-USE-1: a hospital not chosen is named by its name and code, not its id', async () => {
    const chaoyang = await institutionId(app, CHAOYANG);
    const set = await app.gql<HospitalsSetData>(
      HOSPITALS_SET,
      { input: { personId: id['王丽'], institutionIds: [await institutionId(app, XIEHE)] } },
      counter,
    );
    expect(set.data!.personHospitalsSet.userErrors).toEqual([]);
    const bill = {
      patientId: id['王丽'],
      institutionId: chaoyang,
      visitType: 'OUTPATIENT',
      serviceDate: '2025-03-10',
      covered: '500.00',
      channel: 'CARD',
    };
    const zh = (await quote(bill, NO_HEADER)).explanation.find((l) => l.rule === 'R-USE-1')!;
    expect(zh.message).toMatch(
      /^朝阳区社区卫生服务中心 \(demo\)（机构编码H11010500002）不是参保人选定的定点医院/,
    );
    expect(zh.message).not.toContain(chaoyang);
    const en = (await quote(bill, ENGLISH)).explanation.find((l) => l.rule === 'R-USE-1')!;
    expect(en.message).toMatch(
      /^institution 朝阳区社区卫生服务中心 \(demo\) \(H11010500002\) is not one of the patient's chosen hospitals/,
    );
  });

  it('R-ACC-1: a resident paid by relatives has no personal account (not "used up")', async () => {
    const bill = {
      patientId: id['王小明'],
      institutionId: await institutionId(app, XIEHE),
      visitType: 'OUTPATIENT',
      serviceDate: '2025-03-10',
      covered: '3000.00',
      channel: 'CARD',
    };
    const zhQuote = await quote(bill, NO_HEADER);
    // The relatives still pay (R-KIN-4); only the wording changes.
    expect(zhQuote.providers.map((p) => p.providerId)).toEqual([id['王丽']]);
    const zh = zhQuote.explanation.map((l) => l.message);
    expect(zh.join('\n')).not.toContain('个人账户已用完');
    expect(zh).toContainEqual(expect.stringMatching(/^本人无个人账户；.+按备案顺序由亲属个人账户支付$/));
    const en = (await quote(bill, ENGLISH)).explanation.map((l) => l.message);
    expect(en).toContainEqual(
      expect.stringMatching(/^no own account; relatives' accounts in registered order/),
    );
  });

  it('R-ACC-4: CONFLICTING_CREDIT in Chinese names the person and month in Chinese; English stays English', async () => {
    const first = await app.gql<Credit>(
      CREDIT,
      { i: { month: '2025-10', rows: [{ personId: id['王丽'], amount: '200.00' }] } },
      admin,
    );
    expect(first.data!.contributionsCredit.userErrors).toEqual([]);
    const conflict = { i: { month: '2025-10', rows: [{ personId: id['王丽'], amount: '300.00' }] } };
    const zh = (await app.gql<Credit>(CREDIT, conflict, admin, NO_HEADER)).data!.contributionsCredit
      .userErrors[0];
    expect(zh.code).toBe('CONFLICTING_CREDIT');
    expect(zh.message).toBe(
      '以下人员月份已按不同金额划入（或重复列出且金额不同）：王丽 2025年10月已划入200.00 元，本次为300.00 元（R-ACC-4）',
    );
    expectChinese(zh.message);
    const en = (await app.gql<Credit>(CREDIT, conflict, admin, ENGLISH)).data!.contributionsCredit
      .userErrors[0];
    expect(en.message).toBe(
      `Already credited (or listed twice) with a different amount: ${id['王丽']} 2025-10 (credited 200.00, now 300.00) (R-ACC-4)`,
    );
  });

  it('API.md: IDEMPOTENCY_KEY_REUSED names the operation in Chinese words; English keeps its name', async () => {
    const k = key('credit-reuse');
    const first = await app.gql<Credit>(
      CREDIT,
      { i: { month: '2025-11', rows: [{ personId: id['王强'], amount: '10.00' }], idempotencyKey: k } },
      admin,
    );
    expect(first.data!.contributionsCredit.userErrors).toEqual([]);
    const other = {
      i: { month: '2025-11', rows: [{ personId: id['王强'], amount: '11.00' }], idempotencyKey: k },
    };
    const zh = (await app.gql<Credit>(CREDIT, other, admin, NO_HEADER)).data!.contributionsCredit
      .userErrors[0];
    expect(zh.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(zh.message).toContain('该幂等键已用于另一笔不同的个人账户划入请求');
    expectChinese(zh.message);
    const en = (await app.gql<Credit>(CREDIT, other, admin, ENGLISH)).data!.contributionsCredit.userErrors[0];
    expect(en.message).toContain('already used for a different contributionsCredit request');
  });

  it('R-USE-5: refundIssue / settlementCancel given a transaction of another kind say so (still NOT_FOUND)', async () => {
    const other = await app.db
      .getRepository(TransactionEntity)
      .createQueryBuilder('t')
      .where('t.kind <> :kind', { kind: 'SETTLEMENT' })
      .getOneOrFail();
    const kindZh = TERMS.transactionKind[other.kind]!.zh;
    for (const [query, field, input] of [
      [REFUND, 'refundIssue', { transactionId: other.id, amount: '1.00', idempotencyKey: key('r') }],
      [CANCEL, 'settlementCancel', { transactionId: other.id, idempotencyKey: key('c') }],
    ] as const) {
      const ask = async (headers: Record<string, string>) => {
        const res = await app.gql<Record<string, { userErrors: UserErrorOut[] }>>(
          query,
          { input },
          counter,
          headers,
        );
        expect(res.errors).toBeUndefined();
        return res.data![field].userErrors[0];
      };
      const zh = await ask(NO_HEADER);
      expect(zh.code).toBe('NOT_FOUND');
      expect(zh.message).toContain(`该编号是一笔${kindZh}交易，不是医疗费用结算`);
      const en = await ask(ENGLISH);
      expect(en.code).toBe('NOT_FOUND');
      expect(en.message).toContain(
        `this transaction is a ${TERMS.transactionKind[other.kind]!.en}, not a settlement`,
      );
    }
  });

  it('R-KIN-5: NOT_A_PERMUTATION names the providers, not their ids', async () => {
    const input = { beneficiaryId: id['王建国'], providerIds: [id['王丽'], id['王丽']] };
    const ask = async (headers: Record<string, string>) =>
      (
        await app.gql<{ kinRelationsReorder: { userErrors: KinUserError[] } }>(
          KIN_REORDER,
          { input },
          counter,
          headers,
        )
      ).data!.kinRelationsReorder.userErrors[0];
    const zh = await ask(NO_HEADER);
    expect(zh.code).toBe('NOT_A_PERMUTATION');
    expect(zh.message).toBe('新顺序必须恰好列出每位有效共济人一次（缺少王强；王丽重复列出）（R-KIN-5）');
    const en = await ask(ENGLISH);
    expect(en.message).toBe(
      'The new order must list each active provider exactly once (missing 王强; listed twice: 王丽) (R-KIN-5)',
    );
    expect(en.message).not.toMatch(UUID);
    expectEnglish(en.message.replace(/王强|王丽/g, 'x'));
  });

  it('R-KIN-5: a relation revoked and registered again lists its provider once in skippedProviders', async () => {
    const relation = await app.db
      .getRepository(KinRelationEntity)
      .findOneByOrFail({ providerId: id['王丽'], beneficiaryId: id['王小明'] });
    const revoked = await app.gql<{ kinRelationRevoke: { userErrors: unknown[] } }>(
      KIN_REVOKE,
      { input: { id: relation.id, reason: 'requested by the provider' } },
      counter,
    );
    expect(revoked.data!.kinRelationRevoke.userErrors).toEqual([]);
    const again = await app.gql<{ kinRelationRegister: { userErrors: unknown[] } }>(
      KIN_REGISTER,
      {
        input: {
          providerId: id['王丽'],
          beneficiaryId: id['王小明'],
          relation: 'CHILD',
          channel: 'COUNTER',
          reason: 'registered again',
        },
      },
      counter,
    );
    expect(again.data!.kinRelationRegister.userErrors).toEqual([]);
    const q = await quote(
      {
        patientId: id['王小明'],
        institutionId: await institutionId(app, XIEHE),
        visitType: 'OUTPATIENT',
        serviceDate: '2025-03-10',
        covered: '3000.00',
        channel: 'E_VOUCHER',
      },
      ENGLISH,
    );
    const hers = q.skippedProviders.filter((s) => s.providerId === id['王丽']);
    expect(hers).toHaveLength(1);
    // The row in force today (registered again) is the most recent: not in force on the service date.
    expect(hers[0]).toMatchObject({
      rule: 'R-KIN-3',
      reason: expect.stringMatching(/^not in force on 2025-03-10/),
    });
  });
});
