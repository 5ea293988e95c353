import { ENTITY_DIALECT, auditLedger } from '@gongji/persistence';
import { issueEVoucherCode } from '../auth/presence';
import { todayInChina } from '../common/clock';
import { type TestApp, createTestApp } from '../testing/test-app';
import { servingPortal } from './payment-password.helpers';
import {
  CONFIRM,
  type ConfirmData,
  balances,
  personId,
  transactionCount,
  institutionId,
} from './settlement-helpers';
import { key } from './wallet.helpers';

const POLICY = `mutation($i: PasswordPolicySetInput!) { passwordPolicySet(input: $i) { userErrors { code message } } }`;
const ISSUE = `mutation($i: EVoucherCodeIssueInput!) { eVoucherCodeIssue(input: $i) { code userErrors { code } } }`;

/**
 * R-ACC-7 waives the password for payment by the electronic voucher; audit A #2: with no code in the bill, a portal's
 * E_VOUCHER was only its word, so a hospital that once served a patient could debit their account at any time without
 * the password. A code given is verified (bound to the patient, 5 minutes); where the password policy sets
 * `eVoucherCodeRequired`, a portal's E_VOUCHER bill without one is E_VOUCHER_CODE_REQUIRED. Staff are trusted, and
 * without the setting the contract's SettlementInput (no code) works as before.
 */
describe(`the e-voucher code of an E_VOUCHER bill (R-ACC-7, ${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let counter: string;
  let hospital: string;
  let wangli: string;
  let wangqiang: string;
  let xiehe: string;
  const today = todayInChina();
  const bill = (patientId: string, extra: Record<string, unknown> = {}) => ({
    patientId,
    institutionId: xiehe,
    visitType: 'OUTPATIENT',
    serviceDate: today,
    covered: '20.00',
    channel: 'E_VOUCHER',
    idempotencyKey: key('ev'),
    ...extra,
  });
  const confirm = (input: Record<string, unknown>, token = hospital) =>
    app.gql<ConfirmData>(CONFIRM, { input }, token, { 'accept-language': '' });
  const codeOf = async (personId: string) =>
    (await app.gql<{ eVoucherCodeIssue: { code: string } }>(ISSUE, { i: { personId } }, counter)).data!
      .eVoucherCodeIssue.code;

  beforeAll(async () => {
    app = await createTestApp();
    counter = await app.login('counter');
    wangli = await personId(app, '王丽');
    wangqiang = await personId(app, '王强');
    xiehe = await institutionId(app, 'H11010100001');
    hospital = await servingPortal(app, wangli, ['settlement:write']);
  });
  afterAll(async () => app?.close());

  it('without the setting a portal’s E_VOUCHER bill needs no code (the contract’s SettlementInput)', async () => {
    const res = await confirm(bill(wangli));
    expect(res.data!.settlementConfirm.userErrors).toEqual([]);
  });

  it('a code given is verified: another person’s or a forged one is E_VOUCHER_CODE_INVALID and moves nothing', async () => {
    const money = await balances(app);
    const count = await transactionCount(app);
    for (const eVoucherCode of [await codeOf(wangqiang), 'EV1.forged']) {
      const res = await confirm(bill(wangli, { eVoucherCode }));
      expect(res.data!.settlementConfirm.userErrors).toEqual([
        expect.objectContaining({ code: 'E_VOUCHER_CODE_INVALID', field: ['eVoucherCode'], rule: 'R-ACC-7' }),
      ]);
      expect(res.data!.settlementConfirm.userErrors[0].message).toContain('电子凭证码无效');
    }
    expect(await balances(app)).toEqual(money);
    expect(await transactionCount(app)).toBe(count);
  });

  it('with eVoucherCodeRequired: no code is E_VOUCHER_CODE_REQUIRED; the patient’s code pays; staff are trusted', async () => {
    const set = await app.gql<{ passwordPolicySet: { userErrors: unknown[] } }>(
      POLICY,
      {
        i: {
          regionCode: '110000',
          effectiveFrom: today,
          eVoucherCodeRequired: true,
          reason: '接入电子凭证码',
        },
      },
      await app.login('admin'),
    );
    expect(set.data!.passwordPolicySet.userErrors).toEqual([]);
    const policy = await app.gql<{ effectivePolicy: { passwordPolicy: { eVoucherCodeRequired: boolean } } }>(
      'query($on: Date!) { effectivePolicy(regionCode: "110000", on: $on) { passwordPolicy { eVoucherCodeRequired } } }',
      { on: today },
      counter,
    );
    expect(policy.data!.effectivePolicy.passwordPolicy.eVoucherCodeRequired).toBe(true);

    const count = await transactionCount(app);
    const bare = await confirm(bill(wangli));
    expect(bare.data!.settlementConfirm.userErrors).toEqual([
      expect.objectContaining({ code: 'E_VOUCHER_CODE_REQUIRED', field: ['eVoucherCode'], rule: 'R-ACC-7' }),
    ]);
    expect(bare.data!.settlementConfirm.userErrors[0].message).toContain('电子凭证码');
    expect(await transactionCount(app)).toBe(count);

    const shown = await confirm(bill(wangli, { eVoucherCode: await codeOf(wangli) }));
    expect(shown.data!.settlementConfirm.userErrors).toEqual([]);
    // A retry under the same key with a fresh code replays (the code is proof, not part of the bill).
    const input = bill(wangli, { eVoucherCode: await codeOf(wangli) });
    const first = await confirm(input);
    const again = await confirm({ ...input, eVoucherCode: await codeOf(wangli) });
    expect(again.data!.settlementConfirm.transaction!.id).toBe(first.data!.settlementConfirm.transaction!.id);
    // …and so may one whose code has expired since: the settled key replays its reply.
    const expired = issueEVoucherCode(wangli, app.config.secret, new Date(Date.now() - 10 * 60_000)).code;
    const late = await confirm({ ...input, eVoucherCode: expired });
    expect(late.data!.settlementConfirm.transaction!.id).toBe(first.data!.settlementConfirm.transaction!.id);

    const atCounter = await confirm(bill(wangli), counter);
    expect(atCounter.data!.settlementConfirm.userErrors).toEqual([]);
    expect((await auditLedger(app.db)).violations).toEqual([]);
  });
});
