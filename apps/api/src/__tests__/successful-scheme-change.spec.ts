import { AuditLogEntity, ENTITY_DIALECT, PocketEntity, auditLedger } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { credit, register } from './payment-password.helpers';
import { personId } from './settlement-helpers';

const UPDATE = `mutation($i: PersonUpdateInput!) { personUpdate(input: $i) {
  person { id insuranceType employmentStatus } userErrors { code field rule message } } }`;
type Updated = {
  personUpdate: {
    person: { id: string; insuranceType: string; employmentStatus: string | null } | null;
    userErrors: { code: string; field: string[]; rule: string | null; message: string }[];
  };
};

/**
 * R-ACC-1, audit B: a flexible-employment participant who takes a job, or an employee who leaves one, could not be
 * moved to their new scheme — personUpdate had no scheme and re-registering was a duplicate. A change of scheme is a
 * staff decision with a reason; a new employee gets an (empty) personal account and is credited from then on; a
 * leaving employee keeps the balance, but not while providing mutual aid (only employees share an account).
 */
describe(`a change of scheme at the counter (R-ACC-1, ${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let counter: string;
  let worker: string;
  const update = (i: Record<string, unknown>) =>
    app.gql<Updated>(UPDATE, { i }, counter, { 'accept-language': '' });
  const pockets = async (id: string) =>
    (await app.db.getRepository(PocketEntity).findBy({ personId: id }))
      .map((p) => `${p.kind}:${p.balance}`)
      .sort();

  beforeAll(async () => {
    app = await createTestApp();
    counter = await app.login('counter');
    worker = (await register(app, '周灵活', { insuranceType: 'FLEXIBLE' })).id;
  });
  afterAll(async () => app?.close());

  it('a flexible-employment participant who takes a job becomes an employee, with a reason, and is credited', async () => {
    expect(await pockets(worker)).toEqual(['WALLET:0']);
    const bare = await update({ id: worker, insuranceType: 'EMPLOYEE', employmentStatus: 'IN_SERVICE' });
    expect(bare.data!.personUpdate.userErrors).toEqual([
      expect.objectContaining({ code: 'REASON_REQUIRED', field: ['reason'] }),
    ]);
    const noStatus = await update({ id: worker, insuranceType: 'EMPLOYEE', reason: '新单位参保登记' });
    expect(noStatus.data!.personUpdate.userErrors[0]).toMatchObject({ field: ['employmentStatus'] });

    const res = await update({
      id: worker,
      insuranceType: 'EMPLOYEE',
      employmentStatus: 'IN_SERVICE',
      reason: '新单位参保登记',
    });
    expect(res.data!.personUpdate.userErrors).toEqual([]);
    expect(res.data!.personUpdate.person).toMatchObject({
      insuranceType: 'EMPLOYEE',
      employmentStatus: 'IN_SERVICE',
    });
    expect(await pockets(worker)).toEqual(['EARMARKED:0', 'LEGACY:0', 'WALLET:0']);
    await credit(app, worker, '300.00'); // R-ACC-4: now an employee, credited
    const row = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'personUpdate', entityId: worker });
    expect(row.before).toMatchObject({ insuranceType: 'FLEXIBLE', employmentStatus: null });
    expect(row.after).toMatchObject({ insuranceType: 'EMPLOYEE', employmentStatus: 'IN_SERVICE' });
    expect(row.reason).toBe('新单位参保登记');
  });

  it('an employee who provides mutual aid cannot leave the scheme until the registrations are revoked', async () => {
    const wangli = await personId(app, '王丽');
    const res = await update({ id: wangli, insuranceType: 'RESIDENT', reason: '离职' });
    expect(res.data!.personUpdate.person).toBeNull();
    expect(res.data!.personUpdate.userErrors[0]).toMatchObject({
      code: 'INVALID_INPUT',
      field: ['insuranceType'],
      rule: 'R-KIN-1',
    });
    expect(res.data!.personUpdate.userErrors[0].message).toContain('请先撤销这些备案');
  });

  it('an employee who leaves keeps the balance of the account; no status any more', async () => {
    const res = await update({ id: worker, insuranceType: 'FLEXIBLE', reason: '离职后以灵活就业参保' });
    expect(res.data!.personUpdate.userErrors).toEqual([]);
    expect(res.data!.personUpdate.person).toMatchObject({
      insuranceType: 'FLEXIBLE',
      employmentStatus: null,
    });
    expect(await pockets(worker)).toEqual(['EARMARKED:30000', 'LEGACY:0', 'WALLET:0']);
    expect((await auditLedger(app.db)).violations).toEqual([]);
  });
});
