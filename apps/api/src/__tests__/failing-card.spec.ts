import { addDays, formatDate } from '@gongji/domain';
import { AuditLogEntity, CardEntity, ENTITY_DIALECT, PersonEntity } from '@gongji/persistence';
import { todayInChina } from '../common/clock';
import { type TestApp, createTestApp } from '../testing/test-app';
import { CARD_RECOVER, CARD_REISSUE, CARD_REPORT_LOSS, type CardUserError } from './card-helpers';

const CARD_REISSUE_COMPLETE = `mutation($input: CardReissueCompleteInput!) { cardReissueComplete(input: $input) {
  person { id } card { state } userErrors { code message field rule }
} }`;

type Refused<K extends string> = Record<K, { card: null; person: null; userErrors: CardUserError[] }>;

describe(`card: refusals (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let id: Record<string, string>;
  const today = todayInChina();
  beforeAll(async () => {
    app = await createTestApp();
    const rows = await app.db.getRepository(PersonEntity).find();
    id = Object.fromEntries(rows.map((p) => [p.name, p.id]));
  });
  afterAll(async () => app?.close());

  async function card(name: string) {
    return app.db.getRepository(CardEntity).findOneByOrFail({ personId: id[name] });
  }

  async function refused(
    name: 'cardReportLoss' | 'cardRecover' | 'cardReissue' | 'cardReissueComplete',
    query: string,
    input: Record<string, unknown>,
  ): Promise<CardUserError[]> {
    const auditsBefore = await app.db.getRepository(AuditLogEntity).count();
    const personId = input['personId'] as string;
    const before = await app.db.getRepository(CardEntity).findOneBy({ personId });
    const res = await app.gql<Refused<typeof name>>(query, { input }, await app.login('counter'));
    expect(res.errors).toBeUndefined();
    expect(res.data![name].card).toBeNull();
    expect(res.data![name].person).toBeNull();
    expect(await app.db.getRepository(CardEntity).findOneBy({ personId })).toEqual(before);
    expect(await app.db.getRepository(AuditLogEntity).count()).toBe(auditsBefore);
    return res.data![name].userErrors;
  }

  it('R-CARD-1: unlocking an active card is NOT_PRE_REPORTED; a reissue without a formal report is NOT_FORMALLY_REPORTED', async () => {
    expect(await refused('cardRecover', CARD_RECOVER, { personId: id['王丽'] })).toEqual([
      expect.objectContaining({ code: 'NOT_PRE_REPORTED', rule: 'R-CARD-1' }),
    ]);
    expect(await refused('cardReissue', CARD_REISSUE, { personId: id['王丽'], channel: 'COUNTER' })).toEqual([
      expect.objectContaining({ code: 'NOT_FORMALLY_REPORTED', rule: 'R-CARD-1' }),
    ]);
  });

  it('R-CARD-1: a second pre-report is ALREADY_REPORTED; a formal report cannot be unlocked (FORMALLY_REPORTED)', async () => {
    const counter = await app.login('counter');
    await app.gql(CARD_REPORT_LOSS, { input: { personId: id['王强'], stage: 'PRE' } }, counter);
    expect(await refused('cardReportLoss', CARD_REPORT_LOSS, { personId: id['王强'], stage: 'PRE' })).toEqual(
      [expect.objectContaining({ code: 'ALREADY_REPORTED', rule: 'R-CARD-1' })],
    );
    await app.gql(CARD_REPORT_LOSS, { input: { personId: id['王强'], stage: 'FORMAL' } }, counter);
    expect(await refused('cardRecover', CARD_RECOVER, { personId: id['王强'] })).toEqual([
      expect.objectContaining({ code: 'FORMALLY_REPORTED', rule: 'R-CARD-1' }),
    ]);
    expect(
      await refused('cardReportLoss', CARD_REPORT_LOSS, { personId: id['王强'], stage: 'FORMAL' }),
    ).toEqual([expect.objectContaining({ code: 'ALREADY_REPORTED', rule: 'R-CARD-1' })]);
    await app.gql(CARD_REISSUE, { input: { personId: id['王强'], channel: 'COUNTER' } }, counter);
    expect(await refused('cardReissue', CARD_REISSUE, { personId: id['王强'], channel: 'COUNTER' })).toEqual([
      expect.objectContaining({ code: 'NOT_FORMALLY_REPORTED', rule: 'R-CARD-1' }),
    ]);
    expect((await card('王强')).state).toBe('REISSUE_PENDING');
  });

  it('R-CARD-1: a pre-report older than 10 days has lapsed: unlocking it is PRE_REPORT_LAPSED', async () => {
    await app.db
      .getRepository(CardEntity)
      .update({ personId: id['李秀英'] }, { state: 'PRE_REPORTED', reportedOn: addDays(today, -11) });
    expect(await refused('cardRecover', CARD_RECOVER, { personId: id['李秀英'] })).toEqual([
      expect.objectContaining({ code: 'PRE_REPORT_LAPSED', rule: 'R-CARD-1' }),
    ]);
  });

  it('R-CARD-1: cardReissueComplete before the ready date is REISSUE_NOT_READY; without a pending reissue NO_REISSUE_PENDING', async () => {
    const counter = await app.login('counter');
    expect(await refused('cardReissueComplete', CARD_REISSUE_COMPLETE, { personId: id['王建国'] })).toEqual([
      expect.objectContaining({ code: 'NO_REISSUE_PENDING', rule: 'R-CARD-1' }),
    ]);
    await app.gql(CARD_REPORT_LOSS, { input: { personId: id['王建国'], stage: 'FORMAL' } }, counter);
    expect(await refused('cardReissueComplete', CARD_REISSUE_COMPLETE, { personId: id['王建国'] })).toEqual([
      expect.objectContaining({ code: 'NO_REISSUE_PENDING', rule: 'R-CARD-1' }),
    ]);
    await app.gql(CARD_REISSUE, { input: { personId: id['王建国'], channel: 'COUNTER' } }, counter);
    const errors = await refused('cardReissueComplete', CARD_REISSUE_COMPLETE, { personId: id['王建国'] });
    expect(errors).toEqual([expect.objectContaining({ code: 'REISSUE_NOT_READY', rule: 'R-CARD-1' })]);
    // issue #9: the date written out in the reader's language (English here)
    expect(errors[0].message).toContain(formatDate((await card('王建国')).reissueReadyOn!, 'en'));
    expect((await card('王建国')).state).toBe('REISSUE_PENDING');
    const analyst = await app.gql(
      CARD_REISSUE_COMPLETE,
      { input: { personId: id['王建国'] } },
      await app.login('analyst'),
    );
    expect(analyst.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('an unknown person is NOT_FOUND on personId', async () => {
    expect(
      await refused('cardReportLoss', CARD_REPORT_LOSS, {
        personId: '00000000-0000-0000-0000-000000000000',
        stage: 'PRE',
      }),
    ).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['personId'] })]);
  });

  it('analysts and portals cannot touch cards: FORBIDDEN at top level', async () => {
    const analyst = await app.gql(
      CARD_REPORT_LOSS,
      { input: { personId: id['王丽'], stage: 'PRE' } },
      await app.login('analyst'),
    );
    expect(analyst.data).toBeNull();
    expect(analyst.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const created = await app.gql<{ apiClientCreate: { apiKey: string } }>(
      'mutation { apiClientCreate(input: { name: "app", scopes: ["kin:write", "person:read"] }) { apiKey } }',
      {},
      await app.login('admin'),
    );
    const portal = await app.gql(
      CARD_RECOVER,
      { input: { personId: id['王丽'] } },
      created.data!.apiClientCreate.apiKey,
    );
    expect(portal.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await card('王丽')).state).toBe('ACTIVE');
  });
});
