import { randomUUID } from 'node:crypto';
import { ENTITY_DIALECT, KinRelationEntity, PersonEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  AUDIT,
  type AuditPayload,
  BULK,
  type BulkPayload,
  IMPACT,
  type ImpactPayload,
  SCOPE,
  type ScopePayload,
} from './policy-console.helpers';

describe(`policy staff console operations, issue #10 (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
  });
  afterAll(async () => app?.close());

  it('regionsRolloutSet opens the wallet for three regions in one operation, audited per region and as a batch (R-WAL-2)', async () => {
    // 天津市, 石家庄市 (in 全域 Hebei: gets its own date), 昆明市
    const codes = ['120000', '530100', '110000'];
    const res = await app.gql<BulkPayload>(
      BULK,
      { i: { regionCodes: codes, feature: 'WALLET', date: '2031-03-01', reason: '第一批开通' } },
      admin,
    );
    const payload = res.data!.regionsRolloutSet;
    expect(payload.userErrors).toEqual([]);
    expect(payload.results.map((r) => [r.regionCode, r.changed, r.userErrors])).toEqual(
      codes.map((c) => [c, true, []]),
    );
    expect(payload.changedCount).toBe(3);
    expect(payload.refusedCount).toBe(0);
    expect(payload.results[0].region).toMatchObject({ walletFrom: '2031-03-01' });

    const perRegion = await app.gql<AuditPayload>(
      AUDIT,
      { f: { action: 'regionsRolloutSet', entityType: 'Region' } },
      admin,
    );
    const rows = perRegion.data!.auditLog.edges.map((e) => e.node);
    expect(rows.map((r) => r.entityId).sort()).toEqual([...codes].sort());
    expect(rows[0]).toMatchObject({ actorName: 'admin', reason: '第一批开通' });
    expect(JSON.parse(rows.find((r) => r.entityId === '120000')!.after!)).toMatchObject({
      walletFrom: '2031-03-01',
    });

    const batch = await app.gql<AuditPayload>(AUDIT, { f: { entityId: payload.batchId } }, admin);
    expect(batch.data!.auditLog.totalCount).toBe(1);
    expect(JSON.parse(batch.data!.auditLog.edges[0].node.after!)).toMatchObject({
      feature: 'WALLET',
      date: '2031-03-01',
      changed: codes,
      refused: [],
    });
  });

  it('regionsRolloutSet reports the regions already on that date as unchanged', async () => {
    const res = await app.gql<BulkPayload>(
      BULK,
      { i: { regionCodes: ['120000'], feature: 'WALLET', date: '2031-03-01' } },
      admin,
    );
    expect(res.data!.regionsRolloutSet.results[0]).toMatchObject({ changed: false, userErrors: [] });
  });

  it('auditLog filters by region (its own rows and its settings), actor, and day, and pages newest first', async () => {
    const scope = await app.gql<ScopePayload>(
      SCOPE,
      { i: { regionCode: '530100', purpose: 'MEDICAL', relations: ['SPOUSE'], effectiveFrom: '2031-01-01' } },
      admin,
    );
    expect(scope.data!.kinshipScopeSet.userErrors).toEqual([]);
    const region = await app.gql<AuditPayload>(AUDIT, { f: { regionCode: '530100' } }, admin);
    expect(region.data!.auditLog.edges.map((e) => e.node.action).sort()).toEqual([
      'kinshipScopeSet',
      'regionsRolloutSet',
    ]);
    const actor = await app.gql<AuditPayload>(AUDIT, { f: { actorName: 'adm' }, first: 1 }, admin);
    expect(actor.data!.auditLog.totalCount).toBeGreaterThanOrEqual(5);
    expect(actor.data!.auditLog.pageInfo.hasNextPage).toBe(true);
    expect(actor.data!.auditLog.edges[0].node.action).toBe('kinshipScopeSet');
    const none = await app.gql<AuditPayload>(AUDIT, { f: { to: '2020-01-01' } }, admin);
    expect(none.data!.auditLog.totalCount).toBe(0);
  });

  it('kinshipScopeImpact counts the registrations and providers that a narrower scope takes out (R-KIN-1)', async () => {
    const on = '2032-01-01';
    const narrow = { r: '110000', p: 'MEDICAL', rel: ['SPOUSE', 'PARENT', 'CHILD'], on };
    const before = (await app.gql<ImpactPayload>(IMPACT, narrow, admin)).data!.kinshipScopeImpact;
    expect(before.currentRelations).toContain('SIBLING');
    expect(before.removedRelations).toEqual(
      expect.arrayContaining(['SIBLING', 'GRANDPARENT', 'MATERNAL_GRANDCHILD']),
    );
    const persons = await app.db.getRepository(PersonEntity).find({ where: { regionCode: '110000' } });
    const [provider, beneficiary] = persons;
    await app.db.getRepository(KinRelationEntity).insert({
      id: randomUUID(),
      providerId: provider.id,
      beneficiaryId: beneficiary.id,
      relation: 'SIBLING',
      channel: 'COUNTER',
      position: 99,
      registeredOn: '2025-01-02',
      proxyOnly: false,
      createdAt: new Date(),
      revokedAt: null,
    });
    const after = (await app.gql<ImpactPayload>(IMPACT, narrow, admin)).data!.kinshipScopeImpact;
    expect(after.registrationCount).toBe(before.registrationCount + 1);
    expect(after.providers.find((p) => p.personId === provider.id)).toMatchObject({
      name: provider.name,
      relations: expect.arrayContaining(['SIBLING']),
    });
    // Widening takes nobody out.
    const wide = await app.gql<ImpactPayload>(
      IMPACT,
      { ...narrow, rel: [...before.currentRelations] },
      admin,
    );
    expect(wide.data!.kinshipScopeImpact).toMatchObject({ registrationCount: 0, removedRelations: [] });
  });

  it('kinshipScopeImpact of a national or province change skips the regions whose own scope applies (R-KIN-1)', async () => {
    const impact = async (r: string | null, rel: string[]) =>
      (await app.gql<ImpactPayload>(IMPACT, { r, p: 'MEDICAL', rel, on: '2034-01-01' }, admin)).data!
        .kinshipScopeImpact;
    const names = (i: ImpactPayload['kinshipScopeImpact']) => i.providers.map((p) => p.name);
    // A Qingdao registration, written to the database as a fixture: Qingdao has set no registration date (R-KIN-3), so
    // the demo data has none and kinRelationRegister would refuse it; the impact counts what is stored.
    const byName = async (name: string) =>
      (await app.db.getRepository(PersonEntity).findOneByOrFail({ name })).id;
    await app.db.getRepository(KinRelationEntity).insert({
      id: randomUUID(),
      providerId: await byName('刘洋'),
      beneficiaryId: await byName('刘芳'),
      relation: 'PARENT',
      channel: 'COUNTER',
      position: 1,
      registeredOn: '2022-10-20',
      proxyOnly: false,
      createdAt: new Date(),
      revokedAt: null,
    });
    const national = await impact(null, ['SPOUSE']);
    expect(names(national)).toContain('刘洋'); // 青岛 (370200): PARENT registered, national scope in force
    const scope = await app.gql<ScopePayload>(
      SCOPE,
      {
        i: {
          regionCode: '370200',
          purpose: 'MEDICAL',
          relations: ['SPOUSE', 'PARENT', 'CHILD'],
          effectiveFrom: '2030-01-01',
        },
      },
      admin,
    );
    expect(scope.data!.kinshipScopeSet.userErrors).toEqual([]);
    const shielded = await impact(null, ['SPOUSE']);
    expect(names(shielded)).not.toContain('刘洋');
    expect(shielded.registrationCount).toBe(national.registrationCount - 1);
    expect(names(await impact('370000', ['SPOUSE']))).not.toContain('刘洋');
    expect(names(await impact('370200', ['SPOUSE']))).toEqual(['刘洋']);
  });

  it('a second scope for the same region, purpose and date corrects the first when a reason is given (one row stays)', async () => {
    const input = { regionCode: '120000', purpose: 'WALLET_TRANSFER', effectiveFrom: '2031-06-01' };
    const first = await app.gql<ScopePayload>(SCOPE, { i: { ...input, relations: ['SPOUSE'] } }, admin);
    expect(first.data!.kinshipScopeSet.userErrors).toEqual([]);
    const corrected = await app.gql<ScopePayload>(
      SCOPE,
      { i: { ...input, relations: ['SPOUSE', 'CHILD'], reason: '更正：漏选子女' } },
      admin,
    );
    expect(corrected.data!.kinshipScopeSet.userErrors).toEqual([]);
    const rows = await app.gql<{
      policySettings: { totalCount: number; edges: { node: { id: string; value: string } }[] };
    }>(
      'query { policySettings(regionCode: "120000", kind: "KINSHIP_SCOPE") { totalCount edges { node { id value } } } }',
      {},
      admin,
    );
    expect(rows.data!.policySettings.totalCount).toBe(1);
    expect(rows.data!.policySettings.edges.map((e) => e.node)).toEqual([
      { id: corrected.data!.kinshipScopeSet.setting!.id, value: '["SPOUSE","CHILD"]' },
    ]);
    const audit = await app.gql<AuditPayload>(
      AUDIT,
      { f: { entityId: corrected.data!.kinshipScopeSet.setting!.id } },
      admin,
    );
    expect(JSON.parse(audit.data!.auditLog.edges[0].node.before!)).toMatchObject({
      replacedId: first.data!.kinshipScopeSet.setting!.id,
      value: ['SPOUSE'],
    });
  });
});
