import { AuditLogEntity, ENTITY_DIALECT, KinRelationEntity } from '@gongji/persistence';
import { todayInChina } from '../common/clock';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  KIN_REGISTER,
  KIN_REORDER,
  KIN_REVOKE,
  type KinUserError,
  demoIds,
  kinPortalKey,
} from './kin-helpers';
import { presentEVoucher } from './gateway.helpers';

type Registered = {
  kinRelationRegister: {
    relation: Record<string, unknown> & { id: string };
    fundingSources: { providerId: string; position: number }[];
    explanation: { rule: string }[];
    userErrors: KinUserError[];
  };
};

describe(`kin relations: register, reorder, revoke (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let id: Record<string, string>;
  beforeAll(async () => {
    app = await createTestApp();
    id = await demoIds(app);
  });
  afterAll(async () => app?.close());

  it('R-KIN-1: in Beijing a sibling registered at the counter on 2025-01-01 is accepted (near-relative scope) and audited', async () => {
    const res = await app.gql<Registered>(
      KIN_REGISTER,
      {
        input: {
          providerId: id['王丽'],
          beneficiaryId: id['王强'],
          relation: 'SIBLING',
          channel: 'COUNTER',
          on: '2025-01-01',
          reason: 'paper form of 2025-01-01',
        },
      },
      await app.login('counter'),
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data!.kinRelationRegister;
    expect(payload.userErrors).toEqual([]);
    expect(payload.relation).toMatchObject({
      providerId: id['王丽'],
      beneficiaryId: id['王强'],
      relation: 'SIBLING',
      channel: 'COUNTER',
      position: 1,
      registeredOn: '2025-01-01',
      revokedAt: null,
    });
    expect(payload.fundingSources).toEqual([{ providerId: id['王丽'], position: 1 }]);
    expect(payload.explanation.map((e) => e.rule)).toEqual(['R-KIN-1', 'R-KIN-3', 'R-KIN-4']);
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'kinRelationRegister', entityId: payload.relation.id });
    expect(audit).toMatchObject({
      actorType: 'USER',
      entityType: 'KinRelation',
      reason: 'paper form of 2025-01-01',
    });
    expect(audit.after).toMatchObject({ relation: 'SIBLING', position: 1, registeredOn: '2025-01-01' });
  });

  it('R-KIN-4: a portal with kin:write registers today through the national app; the relation goes last in the order', async () => {
    const appKey = await kinPortalKey(app);
    // Issue #8: the app acts only for persons it serves — both show their e-voucher first.
    await presentEVoucher(app, appKey, id['李秀英']);
    await presentEVoucher(app, appKey, id['王小明']);
    const res = await app.gql<Registered>(
      KIN_REGISTER,
      {
        input: {
          providerId: id['李秀英'],
          beneficiaryId: id['王小明'],
          relation: 'GRANDCHILD',
          channel: 'NATIONAL_APP',
        },
      },
      appKey,
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data!.kinRelationRegister;
    expect(payload.userErrors).toEqual([]);
    expect(payload.relation).toMatchObject({
      position: 3,
      registeredOn: todayInChina(),
      channel: 'NATIONAL_APP',
    });
    expect(payload.fundingSources).toEqual([
      { providerId: id['王丽'], position: 1 },
      { providerId: id['王建国'], position: 2 },
      { providerId: id['李秀英'], position: 3 },
    ]);
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'kinRelationRegister', entityId: payload.relation.id });
    expect(audit.actorType).toBe('API_CLIENT');
  });

  it('R-KIN-5: reordering puts 王强 first in 王建国’s fundingSources; audited with the old and new order', async () => {
    const res = await app.gql<{
      kinRelationsReorder: {
        beneficiary: { id: string; fundingSources: { providerId: string; position: number }[] };
        fundingSources: { providerId: string; position: number }[];
        userErrors: KinUserError[];
      };
    }>(
      KIN_REORDER,
      { input: { beneficiaryId: id['王建国'], providerIds: [id['王强'], id['王丽']] } },
      await app.login('counter'),
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data!.kinRelationsReorder;
    expect(payload.userErrors).toEqual([]);
    const expected = [
      { providerId: id['王强'], position: 1 },
      { providerId: id['王丽'], position: 2 },
    ];
    expect(payload.fundingSources).toEqual(expected);
    expect(payload.beneficiary.fundingSources).toEqual(expected);
    const person = await app.gql<{ person: { fundingSources: { providerId: string }[] } }>(
      'query($id: ID!) { person(id: $id) { fundingSources { providerId } } }',
      { id: id['王建国'] },
      await app.login('counter'),
    );
    expect(person.data!.person.fundingSources[0].providerId).toBe(id['王强']);
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'kinRelationsReorder', entityId: id['王建国'] });
    expect(audit.before).toEqual({ providerIds: [id['王丽'], id['王强']] });
    expect(audit.after).toEqual({ providerIds: [id['王强'], id['王丽']] });
  });

  it('R-KIN-5: revoking keeps the row with revokedAt and renumbers the remaining providers 1..n', async () => {
    const relation = await app.db
      .getRepository(KinRelationEntity)
      .findOneByOrFail({ providerId: id['王强'], beneficiaryId: id['王建国'] });
    const res = await app.gql<{
      kinRelationRevoke: {
        relation: { id: string; position: number; revokedAt: string | null };
        fundingSources: { providerId: string; position: number }[];
        userErrors: KinUserError[];
      };
    }>(
      KIN_REVOKE,
      { input: { id: relation.id, reason: 'requested by the beneficiary' } },
      await app.login('counter'),
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data!.kinRelationRevoke;
    expect(payload.userErrors).toEqual([]);
    expect(payload.relation.id).toBe(relation.id);
    expect(payload.relation.revokedAt).not.toBeNull();
    expect(payload.fundingSources).toEqual([{ providerId: id['王丽'], position: 1 }]);
    const row = await app.db.getRepository(KinRelationEntity).findOneByOrFail({ id: relation.id });
    expect(row.revokedAt).toBeInstanceOf(Date);
    const person = await app.gql<{ person: { fundingSources: { providerId: string; position: number }[] } }>(
      'query($id: ID!) { person(id: $id) { fundingSources { providerId position } } }',
      { id: id['王建国'] },
      await app.login('counter'),
    );
    expect(person.data!.person.fundingSources).toEqual([{ providerId: id['王丽'], position: 1 }]);
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'kinRelationRevoke', entityId: relation.id });
    expect(audit.before).toMatchObject({ revokedAt: null, order: [id['王强'], id['王丽']] });
    expect(audit.after).toMatchObject({ order: [id['王丽']] });
  });

  it('R-KIN-1/5: after a revocation the same pair can register again, last in the order', async () => {
    const res = await app.gql<Registered>(
      KIN_REGISTER,
      {
        input: {
          providerId: id['王强'],
          beneficiaryId: id['王建国'],
          relation: 'PARENT',
          channel: 'COUNTER',
        },
      },
      await app.login('counter'),
    );
    expect(res.data!.kinRelationRegister.userErrors).toEqual([]);
    expect(res.data!.kinRelationRegister.fundingSources).toEqual([
      { providerId: id['王丽'], position: 1 },
      { providerId: id['王强'], position: 2 },
    ]);
    expect(
      await app.db
        .getRepository(KinRelationEntity)
        .countBy({ providerId: id['王强'], beneficiaryId: id['王建国'] }),
    ).toBe(2);
  });

  it('R-KIN-4: concurrent registrations for one beneficiary get distinct positions 2 and 3 (beneficiary row locked)', async () => {
    const counter = await app.login('counter');
    const results = await Promise.all(
      ['王丽', '王强'].map((provider) =>
        app.gql<Registered>(
          KIN_REGISTER,
          {
            input: {
              providerId: id[provider],
              beneficiaryId: id['李秀英'],
              relation: 'PARENT',
              channel: 'COUNTER',
            },
          },
          counter,
        ),
      ),
    );
    for (const r of results) expect(r.data!.kinRelationRegister.userErrors).toEqual([]);
    const rows = await app.db
      .getRepository(KinRelationEntity)
      .find({ where: { beneficiaryId: id['李秀英'] }, order: { position: 'ASC' } });
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3]);
    expect(rows[0].providerId).toBe(id['王建国']);
  });
});
