import { addDays, formatDate } from '@gongji/domain';
import { CardEntity, ENTITY_DIALECT, PersonEntity } from '@gongji/persistence';
import { todayInChina } from '../common/clock';
import { DEMO_PAYMENT_PASSWORD } from '../seed/demo';
import { type TestApp, createTestApp } from '../testing/test-app';
import { CARD_RECOVER, CARD_REISSUE, CARD_REPORT_LOSS } from './card-helpers';
import { CHANGE, credit, register, servingPortal } from './payment-password.helpers';
import { CANCEL, CONFIRM, type ConfirmData, REFUND, institutionId } from './settlement-helpers';
import { ENGLISH, expectChinese, NO_HEADER, type UserErrorOut } from './language.helpers';

const CARD_REISSUE_COMPLETE = `mutation($input: CardReissueCompleteInput!) { cardReissueComplete(input: $input) {
  card { state } userErrors { code message field rule } } }`;
const INTEREST = `mutation($i: InterestPostInput!) { interestPost(input: $i) {
  interestRun { year } userErrors { code message field rule } } }`;
const XIEHE = 'H11010100001';

/**
 * Issue #9, follow-up (2): refusals whose English named the card's dates, the settlement, the amounts, the rate or
 * what is wrong with a new payment password, while the Chinese default gave only the general text. Each is asked
 * without Accept-Language and in English: the Chinese is Chinese and names the same specifics; the English is the
 * text it always was.
 */
describe(`Chinese refusals say as much as the English ones, 2 (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let counter: string;
  let admin: string;
  let xiehe: string;
  let id: Record<string, string>;
  const today = todayInChina();
  beforeAll(async () => {
    app = await createTestApp();
    counter = await app.login('counter');
    admin = await app.login('admin');
    xiehe = await institutionId(app, XIEHE);
    const rows = await app.db.getRepository(PersonEntity).find();
    id = Object.fromEntries(rows.map((p) => [p.name, p.id]));
  });
  afterAll(async () => app?.close());

  /** The one userError of `field` of a mutation in Chinese (no header) and in English, the same but for the text. */
  async function refusal(
    query: string,
    variables: Record<string, unknown>,
    field: string,
    token: string,
  ): Promise<{ zh: UserErrorOut; en: UserErrorOut }> {
    const ask = async (headers: Record<string, string>) => {
      const res = await app.gql<Record<string, { userErrors: UserErrorOut[] }>>(
        query,
        variables,
        token,
        headers,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data![field].userErrors).toHaveLength(1);
      return res.data![field].userErrors[0];
    };
    const zh = await ask(NO_HEADER);
    const en = await ask(ENGLISH);
    const { message: _z, ...zhRest } = zh;
    const { message: _e, ...enRest } = en;
    expect(zhRest).toEqual(enRest);
    expectChinese(zh.message);
    return { zh, en };
  }

  const bill = (patientId: string, covered: string, idempotencyKey: string, serviceDate = today) => ({
    input: {
      patientId,
      institutionId: xiehe,
      visitType: 'OUTPATIENT',
      serviceDate,
      covered,
      channel: 'CARD',
      password: DEMO_PAYMENT_PASSWORD,
      idempotencyKey,
    },
  });

  it('R-CARD-1: a second pre-report and a card payment while pre-reported name the state and the day', async () => {
    await app.gql(CARD_REPORT_LOSS, { input: { personId: id['王强'], stage: 'PRE' } }, counter);
    const again = await refusal(
      CARD_REPORT_LOSS,
      { input: { personId: id['王强'], stage: 'PRE' } },
      'cardReportLoss',
      counter,
    );
    expect(again.zh).toMatchObject({ code: 'ALREADY_REPORTED', rule: 'R-CARD-1' });
    expect(again.zh.message).toBe(`该卡${formatDate(today, 'zh')}处于预挂失状态，不能再次挂失（R-CARD-1）`);
    expect(again.en.message).toBe(
      `The card is pre-reported lost on ${formatDate(today, 'en')}: it cannot be reported again (R-CARD-1)`,
    );

    const frozen = await refusal(
      CONFIRM,
      bill(id['王强'], '100.00', 'zh-details-2-frozen'),
      'settlementConfirm',
      counter,
    );
    expect(frozen.zh).toMatchObject({ code: 'CARD_FROZEN', rule: 'R-CARD-1' });
    expect(frozen.zh.message).toBe(
      `该卡${formatDate(today, 'zh')}处于预挂失状态，卡支付已冻结；请使用医保电子凭证支付（R-CARD-1）`,
    );
    expect(frozen.en.message).toContain(formatDate(today, 'en'));
  });

  it('R-CARD-1: unlocking a lapsed pre-report names its day and its days; collecting early names the ready date', async () => {
    const reportedOn = addDays(today, -11);
    await app.db
      .getRepository(CardEntity)
      .update({ personId: id['李秀英'] }, { state: 'PRE_REPORTED', reportedOn });
    const lapsed = await refusal(CARD_RECOVER, { input: { personId: id['李秀英'] } }, 'cardRecover', counter);
    expect(lapsed.zh).toMatchObject({ code: 'PRE_REPORT_LAPSED', rule: 'R-CARD-1' });
    expect(lapsed.zh.message).toBe(
      `${formatDate(reportedOn, 'zh')}的预挂失已超过10天自动失效，卡已恢复可用（R-CARD-1）`,
    );
    expect(lapsed.en.message).toBe(
      `The pre-report of ${formatDate(reportedOn, 'en')} lapsed after 10 days; the card is usable again (R-CARD-1)`,
    );

    await app.gql(CARD_REPORT_LOSS, { input: { personId: id['王建国'], stage: 'FORMAL' } }, counter);
    const reissued = await app.gql<{ cardReissue: { readyOn: string } }>(
      CARD_REISSUE,
      { input: { personId: id['王建国'], channel: 'COUNTER' } },
      counter,
    );
    const readyOn = reissued.data!.cardReissue.readyOn;
    expect(readyOn > today).toBe(true);
    const early = await refusal(
      CARD_REISSUE_COMPLETE,
      { input: { personId: id['王建国'] } },
      'cardReissueComplete',
      counter,
    );
    expect(early.zh).toMatchObject({ code: 'REISSUE_NOT_READY', rule: 'R-CARD-1' });
    expect(early.zh.message).toBe(`新卡自${formatDate(readyOn, 'zh')}起可领取（R-CARD-1）`);
    expect(early.en.message).toBe(
      `The replacement card can be collected from ${formatDate(readyOn, 'en')} (R-CARD-1)`,
    );
  });

  it('R-USE-5: refused cancellations and refunds name the settlement and the amounts', async () => {
    const first = await app.gql<ConfirmData>(CONFIRM, bill(id['王丽'], '500.00', 'zh-details-2-s1'), counter);
    expect(first.data!.settlementConfirm.userErrors).toEqual([]);
    const t1 = first.data!.settlementConfirm.transaction!.id;
    const refund = (amount: string, idempotencyKey: string) => ({
      input: { transactionId: t1, amount, idempotencyKey },
    });
    await app.gql(REFUND, refund('100.00', 'zh-details-2-r1'), counter);

    const partly = await refusal(
      CANCEL,
      { input: { transactionId: t1, idempotencyKey: 'zh-details-2-c1' } },
      'settlementCancel',
      counter,
    );
    expect(partly.zh).toMatchObject({ code: 'PARTIALLY_REFUNDED', rule: 'R-USE-5' });
    expect(partly.zh.message).toBe(
      `该笔结算（交易流水号${t1}）已部分退费，不能撤销；请对剩余部分办理退费（R-USE-5）`,
    );
    expect(partly.en.message).toBe(
      `Settlement ${t1} was partly refunded; refund the remainder instead of cancelling (R-USE-5)`,
    );

    const tooMuch = await refusal(REFUND, refund('900.00', 'zh-details-2-r2'), 'refundIssue', counter);
    expect(tooMuch.zh).toMatchObject({ code: 'REFUND_EXCEEDS_REMAINING', field: ['amount'] });
    expect(tooMuch.zh.message).toBe('该笔结算仅剩400.00 元可退，不能退900.00 元（R-USE-5）');
    expect(tooMuch.en.message).toBe(
      'Only 400.00 yuan of the settlement is left to refund, not 900.00 yuan (R-USE-5)',
    );

    await app.gql(REFUND, refund('400.00', 'zh-details-2-r3'), counter);
    const refunded = await refusal(REFUND, refund('1.00', 'zh-details-2-r4'), 'refundIssue', counter);
    expect(refunded.zh).toMatchObject({ code: 'ALREADY_REFUNDED', rule: 'R-USE-5' });
    expect(refunded.zh.message).toBe(`该笔结算（交易流水号${t1}）已全额退费，无剩余可退金额（R-USE-5）`);
    expect(refunded.en.message).toBe(`Settlement ${t1} was already refunded in full (R-USE-5)`);

    const second = await app.gql<ConfirmData>(
      CONFIRM,
      bill(id['王丽'], '200.00', 'zh-details-2-s2'),
      counter,
    );
    const t2 = second.data!.settlementConfirm.transaction!.id;
    await app.gql(CANCEL, { input: { transactionId: t2, idempotencyKey: 'zh-details-2-c2' } }, counter);
    const cancelled = await refusal(
      CANCEL,
      { input: { transactionId: t2, idempotencyKey: 'zh-details-2-c3' } },
      'settlementCancel',
      counter,
    );
    expect(cancelled.zh).toMatchObject({ code: 'ALREADY_CANCELLED', rule: 'R-USE-5' });
    expect(cancelled.zh.message).toBe(`该笔结算（交易流水号${t2}）已撤销，不能重复办理（R-USE-5）`);
    expect(cancelled.en.message).toBe(`Settlement ${t2} was already cancelled (R-USE-5)`);
  });

  it('R-ACC-4: an interest rate out of range names the rate given (INVALID_RATE)', async () => {
    const rate = await refusal(INTEREST, { i: { year: 2023, annualRate: 10001 } }, 'interestPost', admin);
    expect(rate.zh).toMatchObject({ code: 'INVALID_RATE', rule: 'R-ACC-4', field: ['annualRate'] });
    expect(rate.zh.message).toBe('年利率须为0至10000之间的整数基点，本次填报为10001（R-ACC-4）');
    expect(rate.en.message).toBe('annual rate must be integer basis points 0..10000, got 10001 (R-ACC-4)');
  });

  it('R-ACC-7: a weak new payment password says which requirement failed; a missing password names the amount', async () => {
    const p = await register(app, '赵细节');
    await credit(app, p.id, '1000.00');
    const portal = await servingPortal(app, p.id);
    const cases: [string, string, string][] = [
      [
        '123456',
        '不能为连续递增或递减的数字（如123456、654321）',
        'must not be an ascending or descending run',
      ],
      ['777777', '不能由同一个数字重复组成（如111111）', 'must not repeat a single digit'],
      ['12345', '须为6位数字', 'must be exactly 6 digits'],
      [p.initialPaymentPassword!, '不能与原支付密码相同', 'must differ from the old password'],
    ];
    for (const [newPassword, zh, en] of cases) {
      const weak = await refusal(
        CHANGE,
        { input: { personId: p.id, oldPassword: p.initialPaymentPassword, newPassword } },
        'paymentPasswordChange',
        portal,
      );
      expect(weak.zh).toMatchObject({ code: 'PASSWORD_TOO_WEAK', field: ['newPassword'] });
      expect(weak.zh.message).toBe(`新支付密码${zh}（R-ACC-7）`);
      expect(weak.en.message).toBe(`The new payment password ${en} (R-ACC-7)`);
    }

    const noPassword = await refusal(
      CONFIRM,
      { input: { ...bill(p.id, '300.00', 'zh-details-2-v1', '2025-04-01').input, password: null } },
      'settlementConfirm',
      counter,
    );
    expect(noPassword.zh).toMatchObject({
      code: 'VERIFICATION_REQUIRED',
      rule: 'R-ACC-7',
      field: ['password'],
    });
    expect(noPassword.zh.message).toBe('从个人账户支付300.00 元须输入患者本人的支付密码（R-ACC-7）');
    expect(noPassword.en.message).toBe(
      "The patient's payment password is required for 300.00 yuan from the account (R-ACC-7)",
    );
  });
});
