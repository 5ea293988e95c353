import { AuditLogEntity, ENTITY_DIALECT, HospitalSelectionEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { CHAOYANG, HOSPITALS_SET, type HospitalsSetData, XIEHE } from './hospital-selection-helpers';
import { QUOTE, type Quote, institutionId, personId } from './settlement-helpers';

describe(`per-person hospital selection (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let token: string;
  let xiehe: string;
  let chaoyang: string;
  let wangli: string;

  beforeAll(async () => {
    app = await createTestApp();
    token = await app.login('counter');
    xiehe = await institutionId(app, XIEHE);
    chaoyang = await institutionId(app, CHAOYANG);
    wangli = await personId(app, '王丽');
  });
  afterAll(async () => app?.close());

  const quote = async (institution: string): Promise<Quote> => {
    const res = await app.gql<{ settlementQuote: Quote }>(
      QUOTE,
      {
        input: {
          patientId: wangli,
          institutionId: institution,
          visitType: 'OUTPATIENT',
          serviceDate: '2025-03-10',
          covered: '5000.00',
          channel: 'CARD',
        },
      },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.settlementQuote;
  };
  const setHospitals = (institutionIds: string[], reason?: string) =>
    app.gql<HospitalsSetData>(HOSPITALS_SET, { input: { personId: wangli, institutionIds, reason } }, token);

  it('R-USE-1 the demo seed chose each person’s regional hospitals that are not open to all', async () => {
    const res = await app.gql<{ person: { hospitals: { code: string }[] } }>(
      `query($id: ID!) { person(id: $id) { hospitals { code } } }`,
      { id: wangli },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.person.hospitals.map((h) => h.code)).toEqual([CHAOYANG]);
  });

  it('R-USE-1 set a selection: the fund pays at a chosen hospital that is not open to all', async () => {
    const res = await setHospitals([chaoyang, xiehe], 'patient moved to Chaoyang');
    expect(res.errors).toBeUndefined();
    const payload = res.data!.personHospitalsSet;
    expect(payload.userErrors).toEqual([]);
    expect(payload.hospitals.map((h) => h.code)).toEqual([CHAOYANG, XIEHE]);
    expect(payload.person!.hospitals.map((h) => h.code)).toEqual([CHAOYANG, XIEHE]);
    const rows = await app.db
      .getRepository(HospitalSelectionEntity)
      .find({ where: { personId: wangli }, order: { position: 'ASC' } });
    expect(rows.map((r) => [r.institutionId, r.position])).toEqual([
      [chaoyang, 1],
      [xiehe, 2],
    ]);
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'personHospitalsSet', entityId: wangli });
    expect(audit.before).toEqual({ hospitals: [CHAOYANG] });
    expect(audit.after).toEqual({ hospitals: [CHAOYANG, XIEHE] });
    expect(audit.reason).toBe('patient moved to Chaoyang');

    const q = await quote(chaoyang);
    expect(BigInt(q.fundPay.replace('.', ''))).toBeGreaterThan(0n);
    expect(q.explanation.some((e) => e.rule === 'R-USE-1')).toBe(false);
  });

  it('R-USE-1 removed from the selection: fund 0.00, the personal share is the whole bill, R-USE-1 explains', async () => {
    const res = await setHospitals([xiehe]);
    expect(res.data!.personHospitalsSet.userErrors).toEqual([]);
    const q = await quote(chaoyang);
    expect(q.fundPay).toBe('0.00');
    expect(q.personalShare).toBe('5000.00');
    expect(q.explanation[0]).toEqual({
      rule: 'R-USE-1',
      message: expect.stringContaining("not one of the patient's chosen hospitals nor open to all"),
    });
  });

  it('R-USE-1 a hospital open to all always gets the fund share, even with an empty selection', async () => {
    const res = await setHospitals([]);
    expect(res.data!.personHospitalsSet.userErrors).toEqual([]);
    expect(res.data!.personHospitalsSet.hospitals).toEqual([]);
    expect(await app.db.getRepository(HospitalSelectionEntity).countBy({ personId: wangli })).toBe(0);
    const q = await quote(xiehe);
    expect(BigInt(q.fundPay.replace('.', ''))).toBeGreaterThan(0n);
    expect(q.explanation.some((e) => e.rule === 'R-USE-1')).toBe(false);
    expect((await quote(chaoyang)).fundPay).toBe('0.00');
  });
});
