import { NATIONAL_HOLIDAY_CALENDAR, addDays, nthWorkingDayAfter } from '@gongji/domain';
import {
  AuditLogEntity,
  CardEntity,
  ENTITY_DIALECT,
  PersonEntity,
  TransactionEntity,
} from '@gongji/persistence';
import { todayInChina } from '../common/clock';
import { type TestApp, createTestApp } from '../testing/test-app';
import { CARD_RECOVER, CARD_REISSUE, CARD_REPORT_LOSS, type CardUserError } from './card-helpers';

type Card = { state: string; reportedOn: string | null; reissueReadyOn: string | null };

const CARD_REISSUE_COMPLETE = `mutation($input: CardReissueCompleteInput!) { cardReissueComplete(input: $input) {
  person { id card { state reportedOn reissueReadyOn cardNumber } }
  card { state reportedOn reissueReadyOn cardNumber }
  userErrors { code message field rule }
} }`;

const PERSON_CARD = `query($id: ID!) { person(id: $id) { card { state reportedOn reissueReadyOn } } }`;

describe(`card: loss report, unlock, reissue (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let id: Record<string, string>;
  const today = todayInChina();
  beforeAll(async () => {
    app = await createTestApp();
    const rows = await app.db.getRepository(PersonEntity).find();
    id = Object.fromEntries(rows.map((p) => [p.name, p.id]));
  });
  afterAll(async () => app?.close());

  const audits = (action: string, personId: string) =>
    app.db
      .getRepository(AuditLogEntity)
      .find({ where: { action, entityId: personId }, order: { at: 'ASC' } });

  it('R-CARD-1: a pre-report freezes the card for 10 days and an explicit unlock (解挂) makes it ACTIVE again; both audited', async () => {
    const counter = await app.login('counter');
    const reported = await app.gql<{
      cardReportLoss: {
        person: { card: Card };
        card: Card;
        preReportValidUntil: string;
        temporaryCertificate: boolean;
        userErrors: CardUserError[];
      };
    }>(CARD_REPORT_LOSS, { input: { personId: id['王丽'], stage: 'PRE', reason: 'hotline 96102' } }, counter);
    expect(reported.errors).toBeUndefined();
    expect(reported.data!.cardReportLoss).toEqual({
      person: { id: id['王丽'], card: { state: 'PRE_REPORTED', reportedOn: today, reissueReadyOn: null } },
      card: { state: 'PRE_REPORTED', reportedOn: today, reissueReadyOn: null },
      preReportValidUntil: addDays(today, 10),
      temporaryCertificate: false,
      userErrors: [],
    });
    const recovered = await app.gql<{ cardRecover: { card: Card; userErrors: CardUserError[] } }>(
      CARD_RECOVER,
      { input: { personId: id['王丽'] } },
      counter,
    );
    expect(recovered.data!.cardRecover).toEqual({
      person: { id: id['王丽'] },
      card: { state: 'ACTIVE', reportedOn: null },
      userErrors: [],
    });
    expect(await app.db.getRepository(CardEntity).findOneByOrFail({ personId: id['王丽'] })).toMatchObject({
      state: 'ACTIVE',
      reportedOn: null,
    });
    const [report] = await audits('cardReportLoss', id['王丽']);
    expect(report).toMatchObject({ entityType: 'Card', reason: 'hotline 96102' });
    expect(report.after).toMatchObject({ state: 'PRE_REPORTED', validUntil: addDays(today, 10) });
    const [recover] = await audits('cardRecover', id['王丽']);
    expect(recover.before).toMatchObject({ state: 'PRE_REPORTED' });
    expect(recover.after).toMatchObject({ state: 'ACTIVE' });
  });

  it('R-CARD-1: a formal report issues the temporary certificate; a counter reissue costs 20.00 in cash, ready after 4 working days', async () => {
    const counter = await app.login('counter');
    const transactionsBefore = await app.db.getRepository(TransactionEntity).count();
    const formal = await app.gql<{
      cardReportLoss: { card: Card; temporaryCertificate: boolean; userErrors: CardUserError[] };
    }>(CARD_REPORT_LOSS, { input: { personId: id['王强'], stage: 'FORMAL' } }, counter);
    expect(formal.data!.cardReportLoss).toMatchObject({
      card: { state: 'REPORTED', reportedOn: today },
      temporaryCertificate: true,
      preReportValidUntil: null,
      userErrors: [],
    });
    const reissue = await app.gql<{
      cardReissue: {
        person: { card: Card; account: { pockets: { kind: string; balance: string }[] } };
        card: Card;
        fee: string;
        readyOn: string;
        userErrors: CardUserError[];
      };
    }>(CARD_REISSUE, { input: { personId: id['王强'], channel: 'COUNTER' } }, counter);
    expect(reissue.errors).toBeUndefined();
    const payload = reissue.data!.cardReissue;
    expect(payload.userErrors).toEqual([]);
    expect(payload.fee).toBe('20.00');
    expect(payload.readyOn).toBe(nthWorkingDayAfter(today, 4, NATIONAL_HOLIDAY_CALENDAR));
    expect(payload.card).toEqual({
      state: 'REISSUE_PENDING',
      reportedOn: today,
      reissueReadyOn: nthWorkingDayAfter(today, 4, NATIONAL_HOLIDAY_CALENDAR),
    });
    expect(payload.person.card).toMatchObject({
      state: 'REISSUE_PENDING',
      reissueReadyOn: nthWorkingDayAfter(today, 4, NATIONAL_HOLIDAY_CALENDAR),
    });
    // Decision: the fee is paid in cash, not from the account — no money moved.
    expect(payload.person.account.pockets.find((p) => p.kind === 'EARMARKED')!.balance).toBe('2600.00');
    expect(await app.db.getRepository(TransactionEntity).count()).toBe(transactionsBefore);
    const [audit] = await audits('cardReissue', id['王强']);
    expect(audit.after).toMatchObject({
      state: 'REISSUE_PENDING',
      reissueChannel: 'COUNTER',
      readyOn: nthWorkingDayAfter(today, 4, NATIONAL_HOLIDAY_CALENDAR),
      fee: '20.00',
      feePaidFromAccount: false,
    });
    expect(await audits('cardReportLoss', id['王强'])).toHaveLength(1);
  });

  it('R-CARD-1: an online reissue comes by courier (no ready date); a pre-report can be confirmed by a formal report', async () => {
    const admin = await app.login('admin');
    await app.gql(CARD_REPORT_LOSS, { input: { personId: id['刘洋'], stage: 'PRE' } }, admin);
    const formal = await app.gql<{ cardReportLoss: { card: Card; userErrors: CardUserError[] } }>(
      CARD_REPORT_LOSS,
      { input: { personId: id['刘洋'], stage: 'FORMAL' } },
      admin,
    );
    expect(formal.data!.cardReportLoss).toMatchObject({ card: { state: 'REPORTED' }, userErrors: [] });
    const online = await app.gql<{ cardReissue: { fee: string; readyOn: string | null; card: Card } }>(
      CARD_REISSUE,
      { input: { personId: id['刘洋'], channel: 'ONLINE' } },
      admin,
    );
    expect(online.data!.cardReissue).toMatchObject({
      fee: '20.00',
      readyOn: null,
      card: { state: 'REISSUE_PENDING', reissueReadyOn: null },
    });
  });

  it('R-CARD-1: after a pre-report lapsed (10 days), a new pre-report is possible', async () => {
    await app.db
      .getRepository(CardEntity)
      .update({ personId: id['张伟'] }, { state: 'PRE_REPORTED', reportedOn: addDays(today, -11) });
    const res = await app.gql<{ cardReportLoss: { card: Card; userErrors: CardUserError[] } }>(
      CARD_REPORT_LOSS,
      { input: { personId: id['张伟'], stage: 'PRE' } },
      await app.login('counter'),
    );
    expect(res.data!.cardReportLoss).toMatchObject({
      card: { state: 'PRE_REPORTED', reportedOn: today },
      userErrors: [],
    });
    const [audit] = await audits('cardReportLoss', id['张伟']);
    expect(audit.before).toMatchObject({ state: 'ACTIVE', reportedOn: addDays(today, -11) });
  });

  it('R-CARD-1: Person.card derives the state on today — a pre-report older than 10 days reads ACTIVE, its date kept', async () => {
    const cards = app.db.getRepository(CardEntity);
    const token = await app.login('counter');
    const read = async () =>
      (await app.gql<{ person: { card: Card } }>(PERSON_CARD, { id: id['王小明'] }, token)).data!.person.card;
    // Last day in force: reported 10 days ago, still PRE_REPORTED today.
    await cards.update(
      { personId: id['王小明'] },
      { state: 'PRE_REPORTED', reportedOn: addDays(today, -10) },
    );
    expect(await read()).toEqual({
      state: 'PRE_REPORTED',
      reportedOn: addDays(today, -10),
      reissueReadyOn: null,
    });
    // Lapsed (DOMAIN.md decision): the card is usable again; the stored row is untouched.
    await cards.update(
      { personId: id['王小明'] },
      { state: 'PRE_REPORTED', reportedOn: addDays(today, -11) },
    );
    expect(await read()).toEqual({ state: 'ACTIVE', reportedOn: addDays(today, -11), reissueReadyOn: null });
    expect(await cards.findOneByOrFail({ personId: id['王小明'] })).toMatchObject({ state: 'PRE_REPORTED' });
    // A formal report does not lapse.
    await cards.update({ personId: id['王小明'] }, { state: 'REPORTED', reportedOn: addDays(today, -30) });
    expect((await read()).state).toBe('REPORTED');
  });

  it('R-CARD-1: cardReissueComplete hands over a counter card from its ready date: ACTIVE again, audited', async () => {
    const oldNumber = (await app.db.getRepository(CardEntity).findOneByOrFail({ personId: id['赵敏'] }))
      .cardNumber;
    await app.db.getRepository(CardEntity).update(
      { personId: id['赵敏'] },
      {
        state: 'REISSUE_PENDING',
        reportedOn: addDays(today, -7),
        reissueChannel: 'COUNTER',
        reissueReadyOn: today,
        updatedAt: new Date(Date.now() - 6 * 86_400_000),
      },
    );
    const res = await app.gql<{
      cardReissueComplete: { person: { id: string; card: Card }; card: Card; userErrors: CardUserError[] };
    }>(
      CARD_REISSUE_COMPLETE,
      { input: { personId: id['赵敏'], reason: 'collected' } },
      await app.login('counter'),
    );
    expect(res.errors).toBeUndefined();
    const active = {
      state: 'ACTIVE',
      reportedOn: null,
      reissueReadyOn: null,
      cardNumber: expect.any(String),
    };
    expect(res.data!.cardReissueComplete).toEqual({
      person: { id: id['赵敏'], card: active },
      card: active,
      userErrors: [],
    });
    expect(await app.db.getRepository(CardEntity).findOneByOrFail({ personId: id['赵敏'] })).toMatchObject({
      state: 'ACTIVE',
      reportedOn: null,
      reissueReadyOn: null,
      reissueChannel: null,
    });
    // issue #8: the replacement card has a new number; the lost card's number is no proof of presence any more
    const newNumber = (await app.db.getRepository(CardEntity).findOneByOrFail({ personId: id['赵敏'] }))
      .cardNumber;
    expect(newNumber).toMatch(/^S\d{15}$/);
    expect(newNumber).not.toBe(oldNumber);
    // The payload's card shows the counter the new number, as the person's card does (black-box audit: it was null).
    const done = res.data!.cardReissueComplete as unknown as {
      card: { cardNumber: string };
      person: { card: { cardNumber: string } };
    };
    expect(done.card.cardNumber).toBe(newNumber);
    expect(done.person.card.cardNumber).toBe(newNumber);
    const [audit] = await audits('cardReissueComplete', id['赵敏']);
    expect(audit).toMatchObject({ entityType: 'Card', reason: 'collected' });
    expect(audit.before).toMatchObject({ state: 'REISSUE_PENDING' });
    expect(audit.after).toMatchObject({ state: 'ACTIVE' });
  });

  it('R-CARD-1: an online reissue (courier, no ready date) completes the day it is requested, by ADMIN too', async () => {
    const admin = await app.login('admin');
    await app.gql(CARD_REPORT_LOSS, { input: { personId: id['刘芳'], stage: 'FORMAL' } }, admin);
    const reissue = await app.gql<{ cardReissue: { card: Card; userErrors: CardUserError[] } }>(
      CARD_REISSUE,
      { input: { personId: id['刘芳'], channel: 'ONLINE' } },
      admin,
    );
    expect(reissue.data!.cardReissue).toMatchObject({ card: { state: 'REISSUE_PENDING' }, userErrors: [] });
    const done = await app.gql<{ cardReissueComplete: { card: Card; userErrors: CardUserError[] } }>(
      CARD_REISSUE_COMPLETE,
      { input: { personId: id['刘芳'] } },
      admin,
    );
    expect(done.data!.cardReissueComplete).toMatchObject({ card: { state: 'ACTIVE' }, userErrors: [] });
    expect(await audits('cardReissueComplete', id['刘芳'])).toHaveLength(1);
  });
});
