import { ENTITY_DIALECT, KinRelationEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { KIN_REVOKE } from './kin-helpers';
import { QUOTE_FIELDS, institutionId, personId } from './settlement-helpers';
import { key } from './wallet.helpers';

const SPLIT = `${QUOTE_FIELDS} skippedProviders { providerId relation rule reason }`;
const QUOTE = `query($input: SettlementInput!) { settlementQuote(input: $input) { ${SPLIT} userErrors { code } } }`;
const CONFIRM = `mutation($input: SettlementConfirmInput!) { settlementConfirm(input: $input) {
  settlement { ${SPLIT} } userErrors { code } } }`;
type Split = {
  providers: { providerId: string; amount: string }[];
  skippedProviders: { providerId: string; rule: string; reason: string }[];
  explanation: { rule: string; message: string }[];
  cash: string;
};

/**
 * R-KIN-5 / R-SET-5: a relative revoked today does not pay a bill of an earlier day — the money moves now, and the
 * consent to share is gone. The quote and the confirmation give the same split (an independent tester found the
 * quote using the relative and the confirmation refusing her as "no account"), and both name her as skipped with
 * R-KIN-5 and the day of the revocation.
 */
describe(`a relative revoked since the service date (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let ids: Record<string, string>;
  let xiehe: string;
  beforeAll(async () => {
    app = await createTestApp();
    ids = { xiaoming: await personId(app, '王小明'), li: await personId(app, '王丽') };
    xiehe = await institutionId(app, 'H11010100001');
    const relation = await app.db
      .getRepository(KinRelationEntity)
      .findOneByOrFail({ providerId: ids.li, beneficiaryId: ids.xiaoming });
    const revoked = await app.gql<{ kinRelationRevoke: { userErrors: unknown[] } }>(
      KIN_REVOKE,
      { input: { id: relation.id, reason: 'requested by the provider' } },
      await app.login('counter'),
    );
    expect(revoked.data!.kinRelationRevoke.userErrors).toEqual([]);
  });
  afterAll(async () => app?.close());

  it('quote and confirmation agree: she is skipped with R-KIN-5, in English and in Chinese', async () => {
    const bill = {
      patientId: ids.xiaoming,
      institutionId: xiehe,
      visitType: 'OUTPATIENT',
      serviceDate: '2025-03-10',
      covered: '3000.00',
      channel: 'E_VOUCHER',
    };
    const counter = await app.login('counter');
    const quoted = await app.gql<{ settlementQuote: Split }>(QUOTE, { input: bill }, counter);
    expect(quoted.errors).toBeUndefined();
    const quote = quoted.data!.settlementQuote;
    const confirmed = (
      await app.gql<{ settlementConfirm: { settlement: Split; userErrors: unknown[] } }>(
        CONFIRM,
        { input: { ...bill, idempotencyKey: key('revoked-since') } },
        counter,
      )
    ).data!.settlementConfirm;
    expect(confirmed.userErrors).toEqual([]);
    expect({ ...confirmed.settlement, userErrors: [] }).toEqual(quote);
    expect(quote.providers.map((p) => p.providerId)).not.toContain(ids.li);
    expect(quote.skippedProviders).toContainEqual({
      providerId: ids.li,
      relation: expect.any(String),
      rule: 'R-KIN-5',
      reason: expect.stringMatching(/^revoked on .+: no longer shares the account$/),
    });
    expect(quote.skippedProviders.map((s) => s.reason).join(' ')).not.toMatch(/no account/);
    const zh = (
      await app.gql<{ settlementQuote: Split }>(QUOTE, { input: bill }, counter, { 'accept-language': '' })
    ).data!.settlementQuote;
    expect(zh.skippedProviders.find((s) => s.providerId === ids.li)?.reason).toMatch(
      /^共济关系已于\d{4}年\d{1,2}月\d{1,2}日撤销，不再共用个人账户$/,
    );
  });

  it('keeps the revoked relation as history: includeRevoked lists it after the active ones, with revokedAt (R-KIN-5)', async () => {
    const fields = 'id providerId beneficiaryId revokedAt provider { name } beneficiary { name }';
    const ask = (args: string) =>
      `query($id: ID!) { person(id: $id) { fundingSources${args} { ${fields} } } }`;
    type Row = { id: string; providerId: string; revokedAt: string | null; provider: { name: string } };
    const counter = await app.login('counter');
    const active = (
      await app.gql<{ person: { fundingSources: Row[] } }>(ask(''), { id: ids.xiaoming }, counter)
    ).data!.person.fundingSources;
    expect(active.map((r) => r.providerId)).not.toContain(ids.li);
    expect(active.every((r) => r.revokedAt === null)).toBe(true);
    const history = (
      await app.gql<{ person: { fundingSources: Row[] } }>(
        ask('(includeRevoked: true)'),
        { id: ids.xiaoming },
        counter,
      )
    ).data!.person.fundingSources;
    expect(history.slice(0, active.length)).toEqual(active);
    const revoked = history.slice(active.length);
    expect(revoked).toEqual([
      expect.objectContaining({
        providerId: ids.li,
        revokedAt: expect.any(String),
        provider: { name: '王丽' },
      }),
    ]);
    // The provider's side: her beneficiaries' history names him, revoked.
    const hers = (
      await app.gql<{ person: { beneficiaries: Row[] } }>(
        `query($id: ID!) { person(id: $id) { beneficiaries(includeRevoked: true) { ${fields} } active: beneficiaries { id } } }`,
        { id: ids.li },
        counter,
      )
    ).data!.person as unknown as {
      beneficiaries: (Row & { beneficiaryId: string })[];
      active: { id: string }[];
    };
    const mine = hers.beneficiaries.find((r) => r.beneficiaryId === ids.xiaoming);
    expect(mine?.revokedAt).toEqual(expect.any(String));
    expect(hers.active.map((r) => r.id)).not.toContain(mine?.id);
    // In a page of persons, the argument is honoured (not answered from the page's active relations).
    const page = (
      await app.gql<{ persons: { edges: { node: { id: string; all: Row[]; now: Row[] } }[] } }>(
        `query { persons(first: 50) { edges { node { id all: fundingSources(includeRevoked: true) { providerId revokedAt }
           now: fundingSources { providerId revokedAt } } } } }`,
        {},
        counter,
      )
    ).data!.persons.edges.find((e) => e.node.id === ids.xiaoming)!.node;
    expect(page.all.map((r) => r.providerId)).toContain(ids.li);
    expect(page.now.map((r) => r.providerId)).not.toContain(ids.li);
  });
});
