import { randomUUID } from 'node:crypto';
import {
  AuditLogEntity,
  ENTITY_DIALECT,
  HospitalSelectionEntity,
  InstitutionEntity,
} from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  CHAOYANG,
  HEBEI,
  HOSPITALS_SET,
  type HospitalsSetData,
  SHANDONG,
  TONGRENTANG,
  XIEHE,
} from './hospital-selection-helpers';
import { institutionId, personId } from './settlement-helpers';

describe(`hospital selection refusals (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let token: string;
  let wangli: string;
  let hospitals: string[];

  beforeAll(async () => {
    app = await createTestApp();
    token = await app.login('admin');
    wangli = await personId(app, '王丽');
    hospitals = await Promise.all([XIEHE, CHAOYANG, HEBEI, SHANDONG].map((c) => institutionId(app, c)));
    const extra = randomUUID();
    await app.db.getRepository(InstitutionEntity).insert({
      id: extra,
      code: 'H11010800009',
      name: '海淀医院 (test)',
      kind: 'HOSPITAL',
      level: 'SECONDARY',
      regionCode: '110000',
      designated: true,
      acceptsWallet: false,
      openToAll: false,
    });
    hospitals.push(extra);
  });
  afterAll(async () => app?.close());

  const set = (institutionIds: string[], auth = token) =>
    app.gql<HospitalsSetData>(HOSPITALS_SET, { input: { personId: wangli, institutionIds } }, auth);

  const expectUnchanged = async () => {
    const rows = await app.db.getRepository(HospitalSelectionEntity).findBy({ personId: wangli });
    expect(rows.map((r) => r.institutionId)).toEqual([hospitals[1]]);
    expect(await app.db.getRepository(AuditLogEntity).countBy({ action: 'personHospitalsSet' })).toBe(0);
  };

  it.each([
    ['5 hospitals', () => hospitals, 'INVALID_INPUT', ['institutionIds']],
    ['a pharmacy', () => [hospitals[0], TONGRENTANG], 'INVALID_INPUT', ['institutionIds', '1']],
    ['an unknown id', () => ['no-such-institution'], 'NOT_FOUND', ['institutionIds', '0']],
    ['the same hospital twice', () => [hospitals[1], hospitals[1]], 'INVALID_INPUT', ['institutionIds', '1']],
  ])('R-USE-1 refuses %s with a userError and changes nothing', async (_label, ids, code, field) => {
    const res = await set(ids());
    expect(res.errors).toBeUndefined();
    const payload = res.data!.personHospitalsSet;
    expect(payload.person).toBeNull();
    expect(payload.hospitals).toEqual([]);
    expect(payload.userErrors).toEqual([expect.objectContaining({ code, rule: 'R-USE-1', field })]);
    await expectUnchanged();
  });

  it('R-USE-1 refusals name the region and the institution in the reader language (no English in Chinese)', async () => {
    const ask = (ids: string[], language: string) =>
      app
        .gql<HospitalsSetData>(HOSPITALS_SET, { input: { personId: wangli, institutionIds: ids } }, token, {
          'accept-language': language,
        })
        .then((r) => (r.data!.personHospitalsSet.userErrors[0] as { message: string }).message);
    expect(await ask(hospitals, '')).toMatch(/^输入无效：北京市最多可选\d+家定点医院，收到5家（R-USE-1）$/);
    expect(await ask(hospitals, 'en')).toMatch(
      /^At most \d+ hospitals may be chosen in region 北京市 \(110000\); 5 given \(R-USE-1\)$/,
    );
    expect(await ask([hospitals[0], TONGRENTANG], '')).toMatch(
      /^输入无效：.+是零售药店，不是医院：药店无须选定（R-USE-1）$/,
    );
    expect(await ask([hospitals[0], TONGRENTANG], 'en')).toMatch(
      /is a pharmacy, not a hospital: pharmacies need no selection \(R-USE-1\)$/,
    );
    expect(await ask([hospitals[1], hospitals[1]], '')).toMatch(/^输入无效：.+重复列出（R-USE-1）$/);
    await expectUnchanged();
  });

  it('R-USE-1 a non-designated hospital cannot be chosen', async () => {
    await app.db.getRepository(InstitutionEntity).update({ id: hospitals[4] }, { designated: false });
    const res = await set([hospitals[4]]);
    expect(res.data!.personHospitalsSet.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', rule: 'R-USE-1' }),
    ]);
    await expectUnchanged();
  });

  it('R-USE-1 an unknown person is NOT_FOUND', async () => {
    const res = await app.gql<HospitalsSetData>(
      HOSPITALS_SET,
      { input: { personId: 'nobody', institutionIds: [] } },
      token,
    );
    expect(res.data!.personHospitalsSet.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['personId'] }),
    ]);
  });

  it('an analyst cannot change a selection: FORBIDDEN at top level', async () => {
    const res = await set([hospitals[0]], await app.login('analyst'));
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    await expectUnchanged();
  });
});
