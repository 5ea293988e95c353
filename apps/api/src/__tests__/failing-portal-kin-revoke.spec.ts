import { ENTITY_DIALECT, KinRelationEntity, PersonEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { KIN_REVOKE } from './kin-helpers';
import { portal } from './wallet.helpers';

type Revoke = { kinRelationRevoke: { relation: { revokedAt: string | null } | null; userErrors: unknown[] } };

/**
 * A portal (the national app, `kin:write`) revokes a relation only for a person it serves — the beneficiary or the
 * provider in front of it — like registering and reordering. An independent tester revoked a family's relation
 * through an app that had never identified either of them.
 */
describe(`kinRelationRevoke through a portal (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let ids: Record<string, string>;
  beforeAll(async () => {
    app = await createTestApp();
    const persons = await app.db.getRepository(PersonEntity).find();
    ids = Object.fromEntries(persons.map((p) => [p.name, p.id]));
  });
  afterAll(async () => app?.close());

  const relationOf = (provider: string, beneficiary: string) =>
    app.db
      .getRepository(KinRelationEntity)
      .findOneByOrFail({ providerId: ids[provider], beneficiaryId: ids[beneficiary] });

  it('refused (FORBIDDEN) when the portal serves neither person; nothing changes', async () => {
    const stranger = await portal(app, ['kin:write', 'person:read']);
    const relation = await relationOf('王强', '王建国');
    const res = await app.gql<Revoke>(KIN_REVOKE, { input: { id: relation.id } }, stranger);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await relationOf('王强', '王建国')).revokedAt).toBeNull();
  });

  it('allowed when the portal serves the beneficiary (first look-up with the card)', async () => {
    const appKey = await portal(app, ['kin:write', 'person:read']);
    const card = await app.gql<{ person: { idNumber: string; card: { cardNumber: string } } }>(
      'query($id: ID!) { person(id: $id) { idNumber card { cardNumber } } }',
      { id: ids['王建国'] },
      await app.login('counter'),
    );
    const { idNumber, card: presented } = card.data!.person;
    const lookUp = await app.gql<{ personByIdNumber: { name: string } | null }>(
      'query($n: String!, $c: String!) { personByIdNumber(idNumber: $n, cardNumber: $c) { name } }',
      { n: idNumber, c: presented.cardNumber },
      appKey,
    );
    expect(lookUp.data!.personByIdNumber?.name).toBe('王建国');
    const relation = await relationOf('王强', '王建国');
    const res = await app.gql<Revoke>(
      KIN_REVOKE,
      { input: { id: relation.id, reason: 'requested in the app' } },
      appKey,
    );
    expect(res.data?.kinRelationRevoke.userErrors).toEqual([]);
    expect((await relationOf('王强', '王建国')).revokedAt).not.toBeNull();
  });
});
