import { makeIdNumber } from '@gongji/domain/testing';
import { ENTITY_DIALECT, auditLedger } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { KIN_REGISTER, type KinUserError } from './kin-helpers';
import { balances, institutionId, personId, transactionCount } from './settlement-helpers';
import { key } from './wallet.helpers';

const REGISTER_PERSON = `mutation($input: PersonRegisterInput!) { personRegister(input: $input) {
  person { id } userErrors { code message } } }`;
const CONFIRM = `mutation($input: SettlementConfirmInput!) { settlementConfirm(input: $input) {
  transaction { id } userErrors { code message field rule } } }`;

/**
 * Audit B: a baby born 2026-01-01 was registered as 王丽's child from 2025-01-01, and a bill of 2025-06-01 was then
 * settled from her account. The birth date is in the ID number (R-ACC-2): nothing is registered, and no care
 * settled, for a day before the person was born.
 */
describe(`dates before a person was born (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let counter: string;
  let baby: string;
  let wangli: string;
  beforeAll(async () => {
    app = await createTestApp();
    counter = await app.login('counter');
    wangli = await personId(app, '王丽');
    const res = await app.gql<{ personRegister: { person: { id: string } | null } }>(
      REGISTER_PERSON,
      {
        input: {
          name: '王宝',
          idNumber: makeIdNumber('110105', '2026-01-01', 771),
          phone: '13900007710',
          regionCode: '110000',
          insuranceType: 'RESIDENT',
        },
      },
      counter,
    );
    baby = res.data!.personRegister.person!.id;
  });
  afterAll(async () => app?.close());

  it('a registration dated before the child was born is REGISTRATION_BEFORE_BIRTH (R-KIN-3), in Chinese', async () => {
    const res = await app.gql<{ kinRelationRegister: { relation: unknown; userErrors: KinUserError[] } }>(
      KIN_REGISTER,
      {
        input: {
          providerId: wangli,
          beneficiaryId: baby,
          relation: 'CHILD',
          channel: 'COUNTER',
          on: '2025-01-01',
        },
      },
      counter,
      { 'accept-language': '' },
    );
    expect(res.data!.kinRelationRegister.relation).toBeNull();
    const codes = res.data!.kinRelationRegister.userErrors.map((e) => e.code);
    expect(codes).toContain('REGISTRATION_BEFORE_BIRTH');
    const error = res.data!.kinRelationRegister.userErrors.find(
      (e) => e.code === 'REGISTRATION_BEFORE_BIRTH',
    )!;
    expect(error).toMatchObject({ field: ['on'], rule: 'R-KIN-3' });
    expect(error.message).toContain('2026年1月1日');
  });

  it('a bill dated before the patient was born is SERVICE_BEFORE_BIRTH (R-SET-5) and moves nothing', async () => {
    const money = await balances(app);
    const count = await transactionCount(app);
    const res = await app.gql<{ settlementConfirm: { transaction: unknown; userErrors: KinUserError[] } }>(
      CONFIRM,
      {
        input: {
          patientId: baby,
          institutionId: await institutionId(app, 'H11010100001'),
          visitType: 'OUTPATIENT',
          serviceDate: '2025-06-01',
          covered: '300.00',
          channel: 'E_VOUCHER',
          idempotencyKey: key('before-birth'),
        },
      },
      counter,
    );
    expect(res.data!.settlementConfirm.transaction).toBeNull();
    expect(res.data!.settlementConfirm.userErrors).toEqual([
      expect.objectContaining({ code: 'SERVICE_BEFORE_BIRTH', field: ['serviceDate'], rule: 'R-SET-5' }),
    ]);
    expect(await balances(app)).toEqual(money);
    expect(await transactionCount(app)).toBe(count);
    expect((await auditLedger(app.db)).violations).toEqual([]);
  });
});
