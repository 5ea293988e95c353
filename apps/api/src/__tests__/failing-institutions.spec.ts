import { AuditLogEntity, ENTITY_DIALECT, InstitutionEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  CREATE,
  type InstitutionPage,
  type InstitutionPayload,
  LIST,
  UPDATE,
  createInstitution,
  hospitalInput,
} from './institution.helpers';
import { portal } from './wallet.helpers';

/** Refusals of institutionCreate / institutionUpdate: each changes nothing and writes no audit row. */
describe(`institutions refused (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  let existing: { id: string; code: string };

  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
    const created = await createInstitution(app, hospitalInput(), admin);
    existing = { id: created.institution!.id, code: created.institution!.code };
  });
  afterAll(async () => app?.close());

  async function unchanged<T>(work: () => Promise<T>): Promise<T> {
    const rows = await app.db.getRepository(InstitutionEntity).find({ order: { id: 'ASC' } });
    const audits = await app.db.getRepository(AuditLogEntity).count();
    const result = await work();
    expect(await app.db.getRepository(InstitutionEntity).find({ order: { id: 'ASC' } })).toEqual(rows);
    expect(await app.db.getRepository(AuditLogEntity).count()).toBe(audits);
    return result;
  }

  const create = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    unchanged(async () => {
      const res = await app.gql<{ institutionCreate: InstitutionPayload }>(CREATE, { input }, admin, headers);
      expect(res.errors).toBeUndefined();
      expect(res.data!.institutionCreate.institution).toBeNull();
      return res.data!.institutionCreate.userErrors;
    });
  const update = (input: Record<string, unknown>) =>
    unchanged(async () => {
      const res = await app.gql<{ institutionUpdate: InstitutionPayload }>(UPDATE, { input }, admin);
      expect(res.errors).toBeUndefined();
      expect(res.data!.institutionUpdate.institution).toBeNull();
      return res.data!.institutionUpdate.userErrors;
    });

  it.each([
    ['H1101010000', 'too short'],
    ['H110101000011', 'too long'],
    ['X11010100001', 'unknown letter'],
    ['H1101010000A', 'not digits'],
    ['', 'empty'],
  ])('refuses the code %s (%s) with INVALID_INPUT on code', async (code) => {
    const errors = await create(hospitalInput({ code }));
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['code'] })]);
  });

  it('refuses a code whose letter does not match the kind, a pharmacy above OTHER and an empty name, all at once', async () => {
    const errors = await create(hospitalInput({ code: 'P44030400009', kind: 'HOSPITAL', name: '  ' }));
    expect(errors.map((e) => e.field)).toEqual([['code'], ['name']]);
    expect(errors[0].message).toMatch(/starts with H/);
    const pharmacy = await create(
      hospitalInput({ code: 'P44030400009', kind: 'PHARMACY', level: 'TERTIARY' }),
    );
    expect(pharmacy).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['level'] })]);
    const longName = await create(hospitalInput({ code: 'H44030400009', name: '院'.repeat(129) }));
    expect(longName).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['name'] })]);
  });

  it('an unknown region is NOT_FOUND on regionCode', async () => {
    const errors = await create(hospitalInput({ code: 'H99999900001', regionCode: '999999' }));
    expect(errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['regionCode'] })]);
    expect(errors[0].message).toMatch(/999999/);
    const onUpdate = await update({ id: existing.id, regionCode: '999999' });
    expect(onUpdate).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['regionCode'] })]);
  });

  it('a duplicate national code is a CONFLICT on code (create and update), in Chinese by default', async () => {
    const errors = await create(hospitalInput({ name: '另一家医院' }));
    expect(errors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['code'] })]);
    expect(errors[0].message).toContain('H44030400001');
    const lower = await create(hospitalInput({ code: 'h44030400001' }));
    expect(lower).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    const zh = await create(hospitalInput(), { 'accept-language': '' });
    expect(zh[0].message).toMatch(/机构编码 H44030400001 已被其他定点医药机构使用/);

    const demo = await app.db.getRepository(InstitutionEntity).findOneByOrFail({ code: 'H11010100001' });
    const onUpdate = await update({ id: demo.id, code: existing.code });
    expect(onUpdate).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['code'] })]);
  });

  it('updating an unknown institution is NOT_FOUND on id; an invalid change is refused', async () => {
    const errors = await update({ id: '00000000-0000-4000-8000-000000000000', name: 'x' });
    expect(errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['id'] })]);
    const kind = await update({ id: existing.id, kind: 'PHARMACY' });
    expect(kind.map((e) => e.field)).toEqual([['code'], ['level']]);
  });

  it.each(['counter', 'analyst'] as const)(
    '%s may not create or update (FORBIDDEN), nothing changes',
    async (user) => {
      const token = await app.login(user);
      await unchanged(async () => {
        const res = await app.gql(CREATE, { input: hospitalInput({ code: 'H44030400031' }) }, token);
        expect(res.data).toBeNull();
        expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
        const upd = await app.gql(UPDATE, { input: { id: existing.id, name: 'hijacked' } }, token);
        expect(upd.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      });
    },
  );

  it('a portal may not create or update (FORBIDDEN); anonymous calls are UNAUTHENTICATED', async () => {
    const key = await portal(app, ['settlement:write'], { institutionId: existing.id });
    await unchanged(async () => {
      const res = await app.gql(CREATE, { input: hospitalInput({ code: 'H44030400032' }) }, key);
      expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      const upd = await app.gql(UPDATE, { input: { id: existing.id, acceptsWallet: false } }, key);
      expect(upd.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      const anonymous = await app.gql(CREATE, { input: hospitalInput({ code: 'H44030400033' }) }, null);
      expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      const read = await app.gql(LIST, {}, null);
      expect(read.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    });
  });

  it('refuses first above 100, a negative first and a forged cursor', async () => {
    const list = (variables: Record<string, unknown>) => app.gql<InstitutionPage>(LIST, variables, admin);
    expect((await list({ first: 101 })).errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
    expect((await list({ first: -1 })).errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect((await list({ after: 'bm9wZQ==' })).errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
