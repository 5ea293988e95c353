import { ENTITY_DIALECT, KinRelationEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { KIN_REGISTER, type KinUserError, demoIds } from './kin-helpers';

type Register = {
  kinRelationRegister: {
    relation: { position: number; registeredOn: string } | null;
    userErrors: KinUserError[];
  };
};

/**
 * The demo data (src/seed/demo.ts) obeys the rules the API enforces: every mutual-aid relation the demo seed writes is
 * one kinRelationRegister accepts on its registration date (R-KIN-1 scope, R-KIN-2 province, R-KIN-3 opening dates),
 * in the same order of use (R-KIN-4).
 */
describe(`demo relations are registrable through the API on their dates (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let counter: string;
  beforeAll(async () => {
    app = await createTestApp();
    counter = await app.login('counter');
  });
  afterAll(async () => app?.close());

  const register = (input: Record<string, unknown>) =>
    app.gql<Register>(
      KIN_REGISTER,
      { input: { channel: 'COUNTER', reason: 'demo check', ...input } },
      counter,
    );

  it('R-KIN-1/2/3/4: each demo relation, removed and registered again on its date, is accepted in the same position', async () => {
    const repo = app.db.getRepository(KinRelationEntity);
    const seeded = await repo.find();
    expect(seeded.length).toBeGreaterThan(0);
    const byDateThenPosition = [...seeded].sort(
      (a, b) => a.registeredOn.localeCompare(b.registeredOn) || a.position - b.position,
    );
    await repo.delete(seeded.map((r) => r.id));
    for (const r of byDateThenPosition) {
      const res = await register({
        providerId: r.providerId,
        beneficiaryId: r.beneficiaryId,
        relation: r.relation,
        on: r.registeredOn,
      });
      expect(res.errors).toBeUndefined();
      expect({
        relation: r.relation,
        on: r.registeredOn,
        userErrors: res.data!.kinRelationRegister.userErrors,
      }).toEqual({ relation: r.relation, on: r.registeredOn, userErrors: [] });
      expect(res.data!.kinRelationRegister.relation).toMatchObject({
        position: r.position,
        registeredOn: r.registeredOn,
      });
    }
  });

  it('what the demo no longer claims: a grandchild before 2024-07-01 in Beijing, any registration in Qingdao', async () => {
    const id = await demoIds(app);
    // 王小明 is 李秀英's grandchild too.
    const grandchild = await register({
      providerId: id['李秀英'],
      beneficiaryId: id['王小明'],
      relation: 'GRANDCHILD',
      on: '2022-10-20',
    });
    expect(grandchild.data!.kinRelationRegister.userErrors).toEqual([
      expect.objectContaining({ code: 'RELATION_OUT_OF_SCOPE', rule: 'R-KIN-1' }),
    ]);
    const qingdao = await register({
      providerId: id['刘洋'],
      beneficiaryId: id['刘芳'],
      relation: 'PARENT',
      on: '2022-10-20',
    });
    expect(qingdao.data!.kinRelationRegister.userErrors).toEqual([
      expect.objectContaining({ code: 'FEATURE_NOT_OPEN', rule: 'R-KIN-3' }),
    ]);
  });
});
