import { ENTITY_DIALECT, KinRelationEntity, PersonEntity } from '@gongji/persistence';
import { IsNull } from 'typeorm';
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

  it('a payload that names a person the portal does not serve: the revoke stands, HTTP 200, only that read is withheld', async () => {
    // Found by an independent tester: the revoke was made but the answer was a 403 with `data: null`, so the app
    // believed it had failed. Now the mutation's payload comes back; the unserved beneficiary is null with its error.
    const active = await app.db.getRepository(KinRelationEntity).findOneByOrFail({ revokedAt: IsNull() });
    const provider = await app.db.getRepository(PersonEntity).findOneByOrFail({ id: active.providerId });
    const appKey = await portal(app, ['kin:write', 'person:read']);
    const card = await app.gql<{ person: { card: { cardNumber: string } | null } }>(
      'query($id: ID!) { person(id: $id) { card { cardNumber } } }',
      { id: provider.id },
      await app.login('counter'),
    );
    const lookUp = await app.gql<{ personByIdNumber: { id: string } | null }>(
      'query($n: String!, $c: String!) { personByIdNumber(idNumber: $n, cardNumber: $c) { id } }',
      { n: provider.idNumber, c: card.data!.person.card!.cardNumber },
      appKey,
    );
    expect(lookUp.data!.personByIdNumber?.id).toBe(provider.id);
    const res = await app.gql<{
      kinRelationRevoke: {
        relation: {
          id: string;
          revokedAt: string | null;
          provider: { id: string } | null;
          beneficiary: unknown;
        };
        userErrors: unknown[];
      };
    }>(
      `mutation($input: KinRelationRevokeInput!) { kinRelationRevoke(input: $input) {
        relation { id revokedAt provider { id } beneficiary { name idNumber } } userErrors { code } } }`,
      { input: { id: active.id, reason: 'the holder stops sharing in the app' } },
      appKey,
    );
    expect(res.status).toBe(200);
    expect(res.data?.kinRelationRevoke).toEqual({
      relation: {
        id: active.id,
        revokedAt: expect.any(String),
        provider: { id: provider.id },
        beneficiary: null,
      },
      userErrors: [],
    });
    expect(res.errors).toEqual([
      expect.objectContaining({
        path: ['kinRelationRevoke', 'relation', 'beneficiary'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
    expect(
      (await app.db.getRepository(KinRelationEntity).findOneByOrFail({ id: active.id })).revokedAt,
    ).not.toBeNull();
  });
});
