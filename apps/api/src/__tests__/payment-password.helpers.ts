import { makeIdNumber } from '@gongji/domain/testing';
import { NotificationEntity, PersonEntity } from '@gongji/persistence';
import type { TestApp } from '../testing/test-app';
import { CONFIRM, type ConfirmData, type UserErr, institutionId } from './settlement-helpers';

export const XIEHE = 'H11010100001';

const REGISTER = `mutation($input: PersonRegisterInput!) { personRegister(input: $input) {
  person { id idNumber } initialPaymentPassword userErrors { code message field rule } } }`;

export const CHANGE = `mutation($input: PaymentPasswordChangeInput!) { paymentPasswordChange(input: $input) {
  person { id } userErrors { code message field rule } } }`;
export const RESET = `mutation($input: PaymentPasswordResetInput!) { paymentPasswordReset(input: $input) {
  person { id paymentPassword { set failures lockedAt } } newPaymentPassword userErrors { code message field rule } } }`;
export const UNLOCK = `mutation($input: PaymentPasswordUnlockInput!) { paymentPasswordUnlock(input: $input) {
  person { id paymentPassword { set failures lockedAt } } userErrors { code message field rule } } }`;
export const FREE_LIMIT = `mutation($input: PasswordFreeLimitSetInput!) { passwordFreeLimitSet(input: $input) {
  person { id } userErrors { code message field rule } } }`;
export const STATUS = `query($id: ID!) { person(id: $id) { paymentPassword { set setAt failures lockedAt passwordFreeLimit } } }`;

export interface Payload {
  person: { id: string } | null;
  newPaymentPassword?: string | null;
  userErrors: UserErr[];
}

export interface Registered {
  id: string;
  idNumber: string;
  initialPaymentPassword: string | null;
}

let seq = 100;

/** Registers a Beijing employee (in service) through personRegister as the counter. */
export async function register(
  app: TestApp,
  name: string,
  options: { phone?: string | null; insuranceType?: string } = {},
): Promise<Registered> {
  seq += 2;
  const insuranceType = options.insuranceType ?? 'EMPLOYEE';
  const res = await app.gql<{
    personRegister: {
      person: { id: string; idNumber: string } | null;
      initialPaymentPassword: string | null;
      userErrors: UserErr[];
    };
  }>(
    REGISTER,
    {
      input: {
        name,
        idNumber: makeIdNumber('110105', '1985-05-05', seq),
        phone: options.phone === undefined ? `1390000${String(seq).padStart(4, '0')}` : options.phone,
        regionCode: '110000',
        insuranceType,
        employmentStatus: insuranceType === 'EMPLOYEE' ? 'IN_SERVICE' : null,
      },
    },
    await app.login('counter'),
  );
  const payload = res.data?.personRegister;
  if (!payload?.person) throw new Error(`register ${name} failed: ${JSON.stringify(res)}`);
  return { ...payload.person, initialPaymentPassword: payload.initialPaymentPassword };
}

let month = 0;

/** Credits a contribution to the person's EARMARKED pocket (R-ACC-4), a fresh month each time. */
export async function credit(app: TestApp, personId: string, amount: string): Promise<void> {
  month += 1;
  const res = await app.gql<{ contributionsCredit: { userErrors: UserErr[] } }>(
    `mutation($i: ContributionsCreditInput!) { contributionsCredit(input: $i) { userErrors { code message } } }`,
    { i: { month: `2024-${String(month).padStart(2, '0')}`, rows: [{ personId, amount }] } },
    await app.login('admin'),
  );
  if (res.data?.contributionsCredit.userErrors.length !== 0)
    throw new Error(`credit failed: ${JSON.stringify(res)}`);
}

let keySeq = 0;

/** A CARD outpatient bill at 协和 (deductible not reached: the whole bill is the personal share). */
export async function payByCard(
  app: TestApp,
  patientId: string,
  covered: string,
  password: string | null,
  extra: Record<string, unknown> = {},
  token?: string,
): Promise<ConfirmData['settlementConfirm']> {
  keySeq += 1;
  const res = await app.gql<ConfirmData>(
    CONFIRM,
    {
      input: {
        patientId,
        institutionId: await institutionId(app, XIEHE),
        visitType: 'OUTPATIENT',
        serviceDate: '2025-04-01',
        covered,
        channel: 'CARD',
        password,
        idempotencyKey: `pp-${process.pid}-${keySeq}`,
        ...extra,
      },
    },
    token ?? (await app.login('counter')),
  );
  if (!res.data) throw new Error(`settlementConfirm failed: ${JSON.stringify(res)}`);
  return res.data.settlementConfirm;
}

/** A hospital portal at 协和 with `password:write` that has served the person (an e-voucher bill of 1.00). */
export async function servingPortal(
  app: TestApp,
  personId: string,
  scopes = ['settlement:write', 'password:write'],
) {
  const created = await app.gql<{ apiClientCreate: { apiKey: string | null } }>(
    `mutation($input: ApiClientCreateInput!) { apiClientCreate(input: $input) { apiKey userErrors { code message } } }`,
    { input: { name: '协和 app', scopes, institutionId: await institutionId(app, XIEHE) } },
    await app.login('admin'),
  );
  const apiKey = created.data?.apiClientCreate.apiKey;
  if (!apiKey) throw new Error(`apiClientCreate failed: ${JSON.stringify(created)}`);
  const served = await payByCard(
    app,
    personId,
    '1.00',
    null,
    { channel: 'E_VOUCHER' },
    await app.login('counter'),
  );
  if (served.userErrors.length) throw new Error(`serving bill failed: ${JSON.stringify(served)}`);
  return apiKey;
}

export async function holder(app: TestApp, id: string): Promise<PersonEntity> {
  return app.db.getRepository(PersonEntity).findOneByOrFail({ id });
}

export function outbox(app: TestApp, personId: string): Promise<NotificationEntity[]> {
  return app.db.getRepository(NotificationEntity).find({ where: { personId }, order: { createdAt: 'ASC' } });
}
