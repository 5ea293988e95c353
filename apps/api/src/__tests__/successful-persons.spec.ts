import { makeIdNumber } from '@gongji/domain/testing';
import { AuditLogEntity, CardEntity, ENTITY_DIALECT, PersonEntity, PocketEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';

const REGISTER = `mutation($input: PersonRegisterInput!) { personRegister(input: $input) {
  person { id name idNumber birthDate phone insuranceType employmentStatus regionCode
    account { pockets { kind balance } total } card { state } }
  userErrors { code message field rule }
} }`;
const UPDATE = `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) {
  person { id phone employmentStatus regionCode outOfRegionUsePermission realNameVerified }
  userErrors { code message field rule }
} }`;

type Registered = {
  personRegister: {
    person: {
      id: string;
      idNumber: string;
      birthDate: string;
      account: { pockets: { kind: string; balance: string }[]; total: string } | null;
      card: { state: string } | null;
    } & Record<string, unknown>;
    userErrors: unknown[];
  };
};

describe(`personRegister / personUpdate (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('R-ACC-1/2/3: an in-service employee gets EARMARKED, LEGACY, WALLET at zero, birth date from the ID, an ACTIVE card and an audit row', async () => {
    const idNumber = makeIdNumber('110105', '1990-02-03', 11);
    const res = await app.gql<Registered>(
      REGISTER,
      {
        input: {
          name: '陈静',
          idNumber,
          phone: '+86 139-1234-5678',
          regionCode: '110000',
          insuranceType: 'EMPLOYEE',
          employmentStatus: 'IN_SERVICE',
          reason: 'new hire',
        },
      },
      await app.login('counter'),
    );
    expect(res.errors).toBeUndefined();
    const { person, userErrors } = res.data!.personRegister;
    expect(userErrors).toEqual([]);
    expect(person).toMatchObject({
      name: '陈静',
      idNumber,
      birthDate: '1990-02-03',
      phone: '13912345678',
      insuranceType: 'EMPLOYEE',
      employmentStatus: 'IN_SERVICE',
      regionCode: '110000',
      card: { state: 'ACTIVE' },
    });
    expect(person.account).toEqual({
      pockets: [
        { kind: 'EARMARKED', balance: '0.00' },
        { kind: 'LEGACY', balance: '0.00' },
        { kind: 'WALLET', balance: '0.00' },
      ],
      total: '0.00',
    });
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'personRegister', entityId: person.id });
    expect(audit).toMatchObject({ entityType: 'Person', actorType: 'USER', reason: 'new hire' });
    expect(audit.after).toMatchObject({
      idNumber,
      regionCode: '110000',
      pockets: ['EARMARKED', 'LEGACY', 'WALLET'],
    });
  });

  it('R-ACC-1/3: a resident participant gets a WALLET pocket only; a lowercase x check character is normalised', async () => {
    const upper = makeIdNumber('370102', '2001-07-15', 2);
    // Pick a sequence whose check character is X, to exercise normalisation.
    let idNumber = upper;
    for (let seq = 3; !idNumber.endsWith('X'); seq++) idNumber = makeIdNumber('370102', '2001-07-15', seq);
    const res = await app.gql<Registered>(
      REGISTER,
      {
        input: {
          name: '孙悦',
          idNumber: idNumber.toLowerCase(),
          regionCode: '370100',
          insuranceType: 'RESIDENT',
        },
      },
      await app.login('admin'),
    );
    expect(res.data!.personRegister.userErrors).toEqual([]);
    const person = res.data!.personRegister.person;
    expect(person.idNumber).toBe(idNumber);
    expect(person.account!.pockets).toEqual([{ kind: 'WALLET', balance: '0.00' }]);
    expect(await app.db.getRepository(CardEntity).findOneByOrFail({ personId: person.id })).toMatchObject({
      state: 'ACTIVE',
    });
  });

  it('R-KIN-6 / R-SET-1: personUpdate switches on out-of-region use, retires, changes phone — audited before/after', async () => {
    const counter = await app.login('counter');
    const created = await app.gql<Registered>(
      REGISTER,
      {
        input: {
          name: '周明',
          idNumber: makeIdNumber('130102', '1964-04-04', 21),
          phone: '13700000001',
          regionCode: '130100',
          insuranceType: 'EMPLOYEE',
          employmentStatus: 'IN_SERVICE',
        },
      },
      counter,
    );
    const id = created.data!.personRegister.person.id;
    const res = await app.gql<{ personUpdate: { person: Record<string, unknown>; userErrors: unknown[] } }>(
      UPDATE,
      {
        input: {
          id,
          phone: '13700000002',
          employmentStatus: 'RETIRED',
          outOfRegionUsePermission: true,
          realNameVerified: true,
          regionCode: '130200',
          reason: 'retired, moved to Tangshan',
        },
      },
      counter,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.personUpdate).toEqual({
      person: {
        id,
        phone: '13700000002',
        employmentStatus: 'RETIRED',
        regionCode: '130200',
        outOfRegionUsePermission: true,
        realNameVerified: true,
      },
      userErrors: [],
    });
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'personUpdate', entityId: id });
    expect(audit.before).toEqual({
      phone: '13700000001',
      employmentStatus: 'IN_SERVICE',
      outOfRegionUsePermission: false,
      realNameVerified: false,
      regionCode: '130100',
    });
    expect(audit.after).toMatchObject({ employmentStatus: 'RETIRED', regionCode: '130200' });
    const row = await app.db.getRepository(PersonEntity).findOneByOrFail({ id });
    expect(row.idNumber).toBe(created.data!.personRegister.person.idNumber);
    expect(await app.db.getRepository(PocketEntity).countBy({ personId: id })).toBe(3);
  });

  it('R-ACC-2: a misspelt name is corrected with a reason (the document checked); without one it is refused and nothing changes', async () => {
    const counter = await app.login('counter');
    const created = await app.gql<Registered>(
      REGISTER,
      {
        input: {
          name: '周名',
          idNumber: makeIdNumber('130102', '1971-05-06', 33),
          regionCode: '130100',
          insuranceType: 'EMPLOYEE',
          employmentStatus: 'IN_SERVICE',
        },
      },
      counter,
    );
    const id = created.data!.personRegister.person.id;
    const rename = (name: string, reason?: string, headers?: Record<string, string>) =>
      app.gql<{
        personUpdate: { person: { id: string } | null; userErrors: { code: string; message: string }[] };
      }>(
        `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { person { id name } userErrors { code message field rule } } }`,
        { input: { id, name, ...(reason ? { reason } : {}) } },
        counter,
        headers,
      );
    const refused = await rename('周明', undefined, { 'accept-language': '' });
    expect(refused.data!.personUpdate.person).toBeNull();
    expect(refused.data!.personUpdate.userErrors).toEqual([
      expect.objectContaining({
        code: 'REASON_REQUIRED',
        message: expect.stringContaining('更正姓名须填写办理原因'),
      }),
    ]);
    expect((await rename('  ', '核对身份证')).data!.personUpdate.userErrors[0].code).toBe('INVALID_INPUT');
    expect((await app.db.getRepository(PersonEntity).findOneByOrFail({ id })).name).toBe('周名');
    const fixed = await rename(' 周明 ', '核对居民身份证，登记时录入错误');
    expect(fixed.data!.personUpdate).toEqual({ person: { id, name: '周明' }, userErrors: [] });
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'personUpdate', entityId: id });
    expect(audit).toMatchObject({
      before: { name: '周名' },
      after: { name: '周明' },
      reason: '核对居民身份证，登记时录入错误',
    });
  });

  it('personUpdate with nothing changed writes no audit row', async () => {
    const person = await app.db.getRepository(PersonEntity).findOneByOrFail({ name: '王丽' });
    const before = await app.db.getRepository(AuditLogEntity).count();
    const res = await app.gql<{ personUpdate: { userErrors: unknown[] } }>(
      UPDATE,
      { input: { id: person.id, phone: person.phone } },
      await app.login('admin'),
    );
    expect(res.data!.personUpdate.userErrors).toEqual([]);
    expect(await app.db.getRepository(AuditLogEntity).count()).toBe(before);
  });
});
