import { makeIdNumber } from '@gongji/domain/testing';
import { AuditLogEntity, ENTITY_DIALECT, PersonEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';

const REGISTER = `mutation($input: PersonRegisterInput!) { personRegister(input: $input) {
  person { id } userErrors { code message field rule }
} }`;
const UPDATE = `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) {
  person { id regionCode } userErrors { code message field rule }
} }`;

type Refused = {
  personRegister: {
    person: null;
    userErrors: { code: string; field: string[]; rule: string; message: string }[];
  };
};

const valid = (overrides: Record<string, unknown> = {}) => ({
  name: '吴昊',
  idNumber: makeIdNumber('110105', '1985-10-20', 31),
  phone: '13600000000',
  regionCode: '110000',
  insuranceType: 'EMPLOYEE',
  employmentStatus: 'IN_SERVICE',
  ...overrides,
});

describe(`personRegister / personUpdate refusals (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let persons: number;
  beforeAll(async () => {
    app = await createTestApp();
    persons = await app.db.getRepository(PersonEntity).count();
  });
  afterAll(async () => app?.close());

  async function nothingWritten(): Promise<void> {
    expect(await app.db.getRepository(PersonEntity).count()).toBe(persons);
    expect(await app.db.getRepository(AuditLogEntity).count()).toBe(0);
  }

  async function refusedWith(input: Record<string, unknown>) {
    const res = await app.gql<Refused>(REGISTER, { input }, await app.login('counter'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.personRegister.person).toBeNull();
    await nothingWritten();
    return res.data!.personRegister.userErrors;
  }

  it('R-ACC-2: a wrong GB 11643 check digit is INVALID_ID_CHECK_DIGIT on idNumber, nothing written', async () => {
    const good = makeIdNumber('110105', '1985-10-20', 31);
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(await refusedWith(valid({ idNumber: wrong }))).toEqual([
      expect.objectContaining({ code: 'INVALID_ID_CHECK_DIGIT', field: ['idNumber'], rule: 'R-ACC-2' }),
    ]);
  });

  it.each([
    ['a control character', 'a\u0007b'],
    ['a line break', '王\n五'],
    ['a right-to-left override', '\u202Eevil'],
    ['a zero-width space', '张\u200B三'],
  ])(
    'R-ACC-2: a name with %s is INVALID_INPUT on name, nothing written (black-box audit)',
    async (_what, name) => {
      const errors = await refusedWith(valid({ name }));
      expect(errors).toEqual([
        expect.objectContaining({ code: 'INVALID_INPUT', field: ['name'], rule: 'R-ACC-2' }),
      ]);
      const zh = await app.gql<Refused>(REGISTER, { input: valid({ name }) }, await app.login('counter'), {
        'accept-language': '',
      });
      expect(zh.data!.personRegister.userErrors[0]!.message).toBe(
        '输入无效：姓名不能含有控制字符、换行或不可见的格式字符（如零宽空格、文字方向控制符）（R-ACC-2）',
      );
    },
  );

  it('R-ACC-2: a look-up by an ID number that cannot exist is BAD_USER_INPUT with its reason, not "nobody" (audit A #5)', async () => {
    const counter = await app.login('counter');
    const good = makeIdNumber('110105', '2012-09-10', 977);
    const wrongDigit = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const cases: [string, string][] = [
      [wrongDigit, 'INVALID_ID_CHECK_DIGIT'],
      ['110105120910055', 'INVALID_ID_NUMBER'],
      ['abc', 'INVALID_ID_NUMBER'],
    ];
    for (const [idNumber, reason] of cases) {
      const res = await app.gql(
        'query($n: String!) { personByIdNumber(idNumber: $n) { id } }',
        { n: idNumber },
        counter,
        { 'accept-language': '' },
      );
      expect(res.data?.['personByIdNumber'] ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason,
        field: ['idNumber'],
      });
      expect(res.errors?.[0]?.message).toMatch(/身份证/);
    }
    const list = await app.gql(
      'query($n: String!) { persons(filter: { idNumber: $n }) { totalCount } }',
      { n: wrongDigit },
      counter,
    );
    expect(list.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ID_CHECK_DIGIT',
      field: ['filter', 'idNumber'],
    });
    // A valid number of nobody is still null.
    const nobody = await app.gql<{ personByIdNumber: null }>(
      'query($n: String!) { personByIdNumber(idNumber: $n) { id } }',
      { n: good },
      counter,
    );
    expect(nobody.errors).toBeUndefined();
    expect(nobody.data!.personByIdNumber).toBeNull();
  });

  it('R-ACC-1: the employment status fits the age from the ID number — in service from 16, retired from 45 (audit B)', async () => {
    const counter = await app.login('counter');
    const cases: [string, string, number][] = [
      ['IN_SERVICE', '2020-03-03', 16],
      ['RETIRED', '1995-03-03', 45],
    ];
    for (const [employmentStatus, birth, min] of cases) {
      const res = await app.gql<Refused>(
        REGISTER,
        { input: valid({ idNumber: makeIdNumber('110105', birth, 61), employmentStatus }) },
        counter,
        { 'accept-language': '' },
      );
      expect(res.data!.personRegister.person).toBeNull();
      const [error] = res.data!.personRegister.userErrors;
      expect(error).toMatchObject({ code: 'INVALID_INPUT', field: ['employmentStatus'], rule: 'R-ACC-1' });
      expect(error.message).toContain(`须年满${min}周岁`);
    }
    await nothingWritten();
  });

  it('R-ACC-2: a name is 1–64 characters counted as characters: 64 emoji pass the length check, 65 do not', async () => {
    expect(await refusedWith(valid({ name: '😀'.repeat(65) }))).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['name'] }),
    ]);
    const res = await app.gql<{ personRegister: { person: { id: string } | null; userErrors: unknown[] } }>(
      REGISTER,
      { input: valid({ name: '😀'.repeat(64), idNumber: makeIdNumber('110105', '1985-10-21', 33) }) },
      await app.login('counter'),
    );
    expect(res.data!.personRegister.userErrors).toEqual([]);
    expect(res.data!.personRegister.person).not.toBeNull();
    persons += 1;
    await app.db.getRepository(AuditLogEntity).clear();
  });

  it('R-ACC-2: an impossible birth date (1990-02-30) with a correct check digit is INVALID_ID_BIRTH_DATE', async () => {
    expect(await refusedWith(valid({ idNumber: makeIdNumber('110105', '1990-02-30', 5) }))).toEqual([
      expect.objectContaining({ code: 'INVALID_ID_BIRTH_DATE', field: ['idNumber'], rule: 'R-ACC-2' }),
    ]);
  });

  it('R-ACC-2: a birth date in the future and a non-province prefix are refused too', async () => {
    expect(await refusedWith(valid({ idNumber: makeIdNumber('110105', '2999-01-01', 5) }))).toEqual([
      expect.objectContaining({ code: 'INVALID_ID_BIRTH_DATE', rule: 'R-ACC-2' }),
    ]);
    expect(await refusedWith(valid({ idNumber: makeIdNumber('990105', '1980-01-01', 5) }))).toEqual([
      expect.objectContaining({ code: 'INVALID_ID_REGION', rule: 'R-ACC-2' }),
    ]);
  });

  it('R-ACC-2: an unknown region is NOT_FOUND on regionCode; a province that is not a pool is INVALID_INPUT', async () => {
    expect(await refusedWith(valid({ regionCode: '999999' }))).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['regionCode'], rule: 'R-ACC-2' }),
    ]);
    expect(await refusedWith(valid({ regionCode: '130000' }))).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['regionCode'], rule: 'R-ACC-2' }),
    ]);
  });

  it('R-ACC-2 / R-ACC-1: a bad phone and an inconsistent employment status are reported together', async () => {
    const errors = await refusedWith(
      valid({ phone: '12345', insuranceType: 'RESIDENT', employmentStatus: 'RETIRED' }),
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'INVALID_PHONE', field: ['phone'], rule: 'R-ACC-2' }),
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['employmentStatus'], rule: 'R-ACC-1' }),
    ]);
    expect(await refusedWith(valid({ employmentStatus: null }))).toEqual([
      expect.objectContaining({ field: ['employmentStatus'], rule: 'R-ACC-1' }),
    ]);
  });

  it('R-ACC-2: a duplicate ID number is CONFLICT on idNumber, saying so (not "reload and retry")', async () => {
    expect(await refusedWith(valid({ idNumber: '110105198006010381' }))).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['idNumber'], rule: 'R-ACC-2' }),
    ]);
    const zh = await app.gql<Refused>(
      REGISTER,
      { input: valid({ idNumber: '110105198006010381' }) },
      await app.login('counter'),
      { 'accept-language': '' },
    );
    const [error] = zh.data!.personRegister.userErrors;
    expect(error.message).toContain('该身份证号已登记为参保人');
    expect(error.message).not.toContain('刷新');
  });

  it('analysts and anonymous callers cannot register: FORBIDDEN / UNAUTHENTICATED at top level', async () => {
    const analyst = await app.gql(REGISTER, { input: valid() }, await app.login('analyst'));
    expect(analyst.data).toBeNull();
    expect(analyst.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const anonymous = await app.gql(REGISTER, { input: valid() });
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const update = await app.gql(
      UPDATE,
      { input: { id: 'x', phone: '13600000001' } },
      await app.login('analyst'),
    );
    expect(update.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    await nothingWritten();
  });

  it('R-ACC-1: personUpdate refuses an employment status for a resident participant, and an unknown person', async () => {
    const child = await app.db.getRepository(PersonEntity).findOneByOrFail({ name: '王小明' });
    const res = await app.gql<{
      personUpdate: { person: null; userErrors: { code: string; rule: string }[] };
    }>(
      UPDATE,
      { input: { id: child.id, employmentStatus: 'RETIRED', phone: '13600000009' } },
      await app.login('counter'),
    );
    expect(res.data!.personUpdate).toEqual({
      person: null,
      userErrors: [expect.objectContaining({ code: 'INVALID_INPUT', rule: 'R-ACC-1' })],
    });
    // The phone in the same input was not applied either.
    expect((await app.db.getRepository(PersonEntity).findOneByOrFail({ id: child.id })).phone).toBe(
      '13800000005',
    );
    const missing = await app.gql<{ personUpdate: { userErrors: { code: string; field: string[] }[] } }>(
      UPDATE,
      { input: { id: '00000000-0000-0000-0000-000000000000', phone: '13600000001' } },
      await app.login('counter'),
    );
    expect(missing.data!.personUpdate.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['id'] }),
    ]);
    await nothingWritten();
  });

  it('R-KIN-2: moving to another province while local mutual-aid relations are active is refused', async () => {
    // 王小明 (Beijing) is registered with 王丽 and 王建国 in the demo data.
    const wangxiaoming = await app.db.getRepository(PersonEntity).findOneByOrFail({ name: '王小明' });
    const res = await app.gql<{
      personUpdate: { person: null; userErrors: { code: string; rule: string; field: string[] }[] };
    }>(UPDATE, { input: { id: wangxiaoming.id, regionCode: '130100' } }, await app.login('counter'));
    expect(res.data!.personUpdate.userErrors).toEqual([
      expect.objectContaining({ code: 'OUT_OF_PROVINCE', rule: 'R-KIN-2', field: ['regionCode'] }),
    ]);
    expect(
      (await app.db.getRepository(PersonEntity).findOneByOrFail({ id: wangxiaoming.id })).regionCode,
    ).toBe('110000');
    await nothingWritten();
  });

  it('R-ACC-2: two concurrent registrations of one ID number create one person; the other is CONFLICT', async () => {
    const counter = await app.login('counter');
    const input = valid({ idNumber: makeIdNumber('110105', '1979-12-12', 77) });
    const results = await Promise.all([0, 1].map(() => app.gql<Refused>(REGISTER, { input }, counter)));
    const errors = results.flatMap((r) => r.data!.personRegister.userErrors);
    expect(results.filter((r) => r.data!.personRegister.person !== null)).toHaveLength(1);
    expect(errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['idNumber'], rule: 'R-ACC-2' }),
    ]);
    expect(await app.db.getRepository(PersonEntity).countBy({ idNumber: input.idNumber as string })).toBe(1);
    expect(await app.db.getRepository(AuditLogEntity).countBy({ action: 'personRegister' })).toBe(1);
  });
});
