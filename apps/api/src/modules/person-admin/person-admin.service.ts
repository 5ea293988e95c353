import { randomUUID } from 'node:crypto';
import { newCardNumber } from '../../auth/presence';
import {
  type EmploymentStatus,
  InsuranceType,
  KinErrorCode,
  PocketKind,
  employmentAgeProblem,
  hasPersonalAccount,
  receivesInitialPaymentPassword,
  validateIdNumberOrThrow,
  validatePhoneOrThrow,
  termParam,
  regionParam,
  detailParam,
  PERSON_NAME_MAX,
  personNameProblem,
} from '@gongji/domain';
import {
  type Manager,
  PersonEntity,
  type RegionEntity,
  activeProviderRegistrations,
  activeRelativesWithProvince,
  addMissingPockets,
  idNumberRegistered,
  insertRegisteredPerson,
  personForUpdate,
  regionOfCode,
  savePerson,
} from '@gongji/persistence';
import type { Principal } from '../../auth/principal';
import { todayInChina } from '../../common/clock';
import { ApiErrorCode, type UserError, fromDomainError } from '../../common/user-error';
import type { GraphQLContext } from '../../context';
import { diff } from '../audit/audit.service';
import { NotificationKind, SMS_TEXTS } from '../notification/notification.service';
import {
  type IssuedPassword,
  issuePaymentPassword,
  shownOnce,
} from '../payment-password/payment-password.credentials';
import type { PersonRegisterInput } from './dtos/person-register.input';
import type { PersonUpdateInput } from './dtos/person-update.input';
import { collectRefusals, refusal, runStaffChange } from './staff-change';

const UPDATABLE = [
  'name',
  'phone',
  'realNameVerified',
  'outOfRegionUsePermission',
  'bankCardLinked',
  'insuranceType',
  'employmentStatus',
  'regionCode',
] as const;

export interface PersonChangeResult {
  readonly person: PersonEntity | null;
  readonly userErrors: UserError[];
  /** The initial payment password, outside production only (R-ACC-7); null otherwise. */
  readonly initialPaymentPassword?: string | null;
}

/** R-ACC-1/3: employee participants hold EARMARKED, LEGACY and WALLET; anyone else insured a WALLET only. */
export function pocketKindsFor(insuranceType: InsuranceType): PocketKind[] {
  if (hasPersonalAccount(insuranceType)) return [PocketKind.EARMARKED, PocketKind.LEGACY, PocketKind.WALLET];
  // R-ACC-3 "anyone insured may hold a WALLET"; a person not insured at all gets no pocket (decision).
  return insuranceType === InsuranceType.NONE ? [] : [PocketKind.WALLET];
}

/**
 * R-ACC-1: an employment status exists exactly for employee participants, and fits the person's age (libs/domain
 * `employmentAgeProblem`: in service from 16, retired from 45) when the birth date is known.
 */
function checkEmploymentOrThrow(
  insuranceType: InsuranceType,
  status: EmploymentStatus | null,
  birthDate?: string | null,
): void {
  const tooYoung = birthDate ? employmentAgeProblem(status, birthDate, todayInChina()) : null;
  if (status && tooYoung) {
    throw refusal(
      ApiErrorCode.INVALID_INPUT,
      `${status} needs an age of at least ${tooYoung.min}; the ID number gives ${tooYoung.age} (R-ACC-1)`,
      ['employmentStatus'],
      'R-ACC-1',
      {
        detail: detailParam('EMPLOYMENT_STATUS_AGE', {
          status: termParam('employmentStatus', status),
          min: tooYoung.min,
          age: tooYoung.age,
        }),
      },
    );
  }
  if (insuranceType === InsuranceType.EMPLOYEE && !status) {
    throw refusal(
      ApiErrorCode.INVALID_INPUT,
      'An employee participant is either IN_SERVICE or RETIRED (R-ACC-1)',
      ['employmentStatus'],
      'R-ACC-1',
      { detail: detailParam('EMPLOYMENT_STATUS_REQUIRED') },
    );
  }
  if (insuranceType !== InsuranceType.EMPLOYEE && status) {
    throw refusal(
      ApiErrorCode.INVALID_INPUT,
      `Only employee participants have an employment status; ${insuranceType} has none (R-ACC-1)`,
      ['employmentStatus'],
      'R-ACC-1',
      { statusFor: termParam('insuranceType', insuranceType) },
    );
  }
}

async function poolOrThrow(manager: Manager, code: string): Promise<RegionEntity> {
  const region = await regionOfCode(manager, code);
  if (!region) {
    throw refusal(
      ApiErrorCode.NOT_FOUND,
      `No region with code "${code}" (R-ACC-2)`,
      ['regionCode'],
      'R-ACC-2',
      { what: termParam('entity', 'region'), id: code },
    );
  }
  if (!region.isPool) {
    throw refusal(
      ApiErrorCode.INVALID_INPUT,
      `${region.name} (${code}) is not a pooling region (参保地) where persons are insured (R-ACC-2)`,
      ['regionCode'],
      'R-ACC-2',
      { notPool: regionParam(code) },
    );
  }
  if (!region.active) {
    throw refusal(
      ApiErrorCode.INVALID_INPUT,
      `${region.name} (${code}) has been withdrawn from the reference data; choose its successor (R-ACC-2)`,
      ['regionCode'],
      'R-ACC-2',
      { withdrawn: regionParam(code) },
    );
  }
  return region;
}

/** R-ACC-2: a name of 1–64 characters (trimmed), without control or invisible format characters (libs/domain). */
function checkNameOrThrow(name: string): void {
  const problem = personNameProblem(name);
  if (problem === 'LENGTH') {
    throw refusal(
      ApiErrorCode.INVALID_INPUT,
      `Name must be 1–${PERSON_NAME_MAX} characters (R-ACC-2)`,
      ['name'],
      'R-ACC-2',
      { nameMax: PERSON_NAME_MAX },
    );
  }
  if (problem === 'CHARACTERS') {
    throw refusal(
      ApiErrorCode.INVALID_INPUT,
      'A name cannot hold control characters, line breaks or invisible format characters (R-ACC-2)',
      ['name'],
      'R-ACC-2',
      { detail: detailParam('NAME_CHARACTERS') },
    );
  }
}

/** personRegister / personUpdate (COUNTER, ADMIN): validated, written and audited in one transaction. */
export class PersonAdminService {
  constructor(private readonly ctx: GraphQLContext) {}

  async register(principal: Principal, input: PersonRegisterInput): Promise<PersonChangeResult> {
    const today = todayInChina();
    const name = input.name.trim();
    const employmentStatus = input.employmentStatus ?? null;
    let idNumber = '';
    let birthDate = '';
    let phone: string | null = null;
    const invalid = collectRefusals([
      () => checkNameOrThrow(name),
      () => ({ idNumber, birthDate } = validateIdNumberOrThrow(input.idNumber, today)),
      () => {
        if (input.phone != null) phone = validatePhoneOrThrow(input.phone);
      },
      () => checkEmploymentOrThrow(input.insuranceType, employmentStatus, birthDate || null),
    ]);
    if (invalid.length > 0) return { person: null, userErrors: invalid };

    // R-ACC-7: an account holder with a phone gets an initial password by SMS; hashed here, before the transaction.
    const initial: IssuedPassword | null = receivesInitialPaymentPassword({
      insuranceType: input.insuranceType,
      phone,
    })
      ? await issuePaymentPassword(this.ctx.config.paymentPepper)
      : null;
    let outboxId: string | null = null;
    const duplicate = () =>
      refusal(
        ApiErrorCode.CONFLICT,
        'A person with this ID number is already registered (R-ACC-2)',
        ['idNumber'],
        'R-ACC-2',
        { reason: detailParam('ID_NUMBER_ALREADY_REGISTERED') },
      );
    const result = await runStaffChange(
      this.ctx.dataSource,
      async (manager) => {
        await poolOrThrow(manager, input.regionCode);
        if (await idNumberRegistered(manager, idNumber)) throw duplicate();
        const now = new Date();
        const id = randomUUID();
        const kinds = pocketKindsFor(input.insuranceType);
        const person = await insertRegisteredPerson(manager, {
          person: {
            id,
            idNumber,
            name,
            phone,
            birthDate,
            regionCode: input.regionCode,
            insuranceType: input.insuranceType,
            employmentStatus,
            realNameVerified: input.realNameVerified ?? false,
            outOfRegionUsePermission: input.outOfRegionUsePermission ?? false,
            bankCardLinked: input.bankCardLinked ?? false,
            paymentPasswordHash: initial?.hash ?? null,
            paymentPasswordSetAt: initial ? now : null,
            paymentPasswordFailures: 0,
            paymentLockedAt: null,
            passwordFreeLimit: 0n,
            createdAt: now,
            updatedAt: now,
          },
          pocketKinds: kinds,
          cardNumber: newCardNumber(),
          now,
        });
        await this.ctx.services.audit.record(manager, principal, {
          action: 'personRegister',
          entityType: 'Person',
          entityId: id,
          before: null,
          after: {
            name,
            idNumber,
            birthDate,
            phone,
            regionCode: input.regionCode,
            insuranceType: input.insuranceType,
            employmentStatus,
            pockets: kinds,
            card: 'ACTIVE',
            paymentPasswordIssued: initial !== null,
          },
          reason: input.reason ?? null,
        });
        // Same transaction: the SMS exists exactly when the person does (R-ACC-7, seed 001).
        if (initial && phone) {
          outboxId = await this.ctx.services.notifications.enqueue(manager, {
            personId: id,
            recipient: phone,
            kind: NotificationKind.INITIAL_PAYMENT_PASSWORD,
            body: SMS_TEXTS[NotificationKind.INITIAL_PAYMENT_PASSWORD](initial.plain),
          });
        }
        return person;
      },
      () => fromDomainError(duplicate()),
    );
    if (!result.value) return { person: null, userErrors: result.userErrors };
    if (outboxId) {
      await this.ctx.services.notifications.dispatchSoon([outboxId], (err) =>
        this.ctx.logger.warn(
          { err, personId: result.value?.id },
          'initial payment password SMS left pending',
        ),
      );
    }
    return {
      person: result.value,
      userErrors: result.userErrors,
      initialPaymentPassword: shownOnce(this.ctx.config, initial),
    };
  }

  async update(principal: Principal, input: PersonUpdateInput): Promise<PersonChangeResult> {
    let phone: string | undefined;
    const name = input.name?.trim();
    const invalid = collectRefusals([
      () => {
        if (input.phone != null) phone = validatePhoneOrThrow(input.phone);
      },
      () => {
        if (name === undefined) return;
        checkNameOrThrow(name);
        // Correcting a name (a typo at registration) changes who the record says this is: checked against an
        // identity document, so it needs a reason in the audit log.
        if (!input.reason?.trim())
          throw refusal(
            ApiErrorCode.REASON_REQUIRED,
            'A name correction needs a reason (the identity document checked)',
            ['reason'],
            'R-ACC-2',
            { detail: detailParam('NAME_CORRECTION_NEEDS_REASON') },
          );
      },
    ]);
    if (invalid.length > 0) return { person: null, userErrors: invalid };

    const result = await runStaffChange(this.ctx.dataSource, async (manager) => {
      const current = await personForUpdate(manager, input.id);
      if (!current) {
        throw refusal(ApiErrorCode.NOT_FOUND, `No person with id "${input.id}"`, ['id'], undefined, {
          what: termParam('entity', 'person'),
          id: input.id,
        });
      }
      const next: PersonEntity = Object.assign(
        Object.create(PersonEntity.prototype) as PersonEntity,
        current,
      );
      if (name !== undefined) next.name = name;
      if (phone !== undefined) next.phone = phone;
      if (input.realNameVerified != null) next.realNameVerified = input.realNameVerified;
      if (input.outOfRegionUsePermission != null)
        next.outOfRegionUsePermission = input.outOfRegionUsePermission;
      if (input.bankCardLinked != null) next.bankCardLinked = input.bankCardLinked;
      const scheme = input.insuranceType ?? (current.insuranceType as InsuranceType);
      if (scheme !== current.insuranceType) {
        await this.checkSchemeChangeOrThrow(manager, current, scheme, input.reason);
        next.insuranceType = scheme;
        // An employee keeps their status unless a new one is given; anyone else has none (R-ACC-1).
        next.employmentStatus =
          scheme === InsuranceType.EMPLOYEE
            ? (input.employmentStatus ?? (current.employmentStatus as EmploymentStatus | null))
            : null;
        checkEmploymentOrThrow(scheme, next.employmentStatus as EmploymentStatus | null, current.birthDate);
        await addMissingPockets(manager, current.id, pocketKindsFor(scheme), new Date());
      } else if (input.employmentStatus != null) {
        checkEmploymentOrThrow(scheme, input.employmentStatus, current.birthDate);
        next.employmentStatus = input.employmentStatus;
      }
      if (input.regionCode != null && input.regionCode !== current.regionCode) {
        const target = await poolOrThrow(manager, input.regionCode);
        await this.checkMoveOrThrow(manager, current, target);
        next.regionCode = target.code;
      }
      const changes = diff(current, next, UPDATABLE);
      if (Object.keys(changes.after).length === 0) return current;
      next.updatedAt = new Date();
      const saved = await savePerson(manager, next);
      await this.ctx.services.audit.record(manager, principal, {
        action: 'personUpdate',
        entityType: 'Person',
        entityId: current.id,
        before: changes.before,
        after: changes.after,
        reason: input.reason ?? null,
      });
      return saved;
    });
    if (result.value) this.ctx.loaders.personById.clear(result.value.id);
    return { person: result.value, userErrors: result.userErrors };
  }

  /**
   * A change of scheme (R-ACC-1) is a staff decision on documents (a new employer's registration, a job ended): it
   * needs a reason. An employee who provides mutual aid cannot leave the employee scheme while those registrations
   * stand — only employees share an account (R-KIN-1); revoke them first (decision: no silent revocation, as for a
   * move across provinces). Crediting follows the scheme (R-ACC-4: no personal account, no credit).
   */
  private async checkSchemeChangeOrThrow(
    manager: Manager,
    person: PersonEntity,
    scheme: InsuranceType,
    reason: string | null | undefined,
  ): Promise<void> {
    if (!reason?.trim())
      throw refusal(
        ApiErrorCode.REASON_REQUIRED,
        'A change of scheme needs a reason (the documents checked)',
        ['reason'],
        'R-ACC-1',
        { detail: detailParam('SCHEME_CHANGE_NEEDS_REASON') },
      );
    if (person.insuranceType === InsuranceType.EMPLOYEE && scheme !== InsuranceType.EMPLOYEE) {
      const providing = await activeProviderRegistrations(manager, person.id);
      if (providing > 0)
        throw refusal(
          ApiErrorCode.INVALID_INPUT,
          `The person provides mutual aid to ${providing} relative(s); only employees share an account: revoke those registrations first (R-KIN-1)`,
          ['insuranceType'],
          'R-KIN-1',
          { detail: detailParam('SCHEME_CHANGE_PROVIDER', { count: providing }) },
        );
    }
  }

  /**
   * R-KIN-2: local mutual aid needs both people in the same province. Moving to another province while an active
   * relation links the person to someone left behind would leave a relation the rules no longer allow, so the move
   * is refused until those relations are revoked (decision: no silent revocation).
   */
  private async checkMoveOrThrow(
    manager: Manager,
    person: PersonEntity,
    target: RegionEntity,
  ): Promise<void> {
    const relatives = await activeRelativesWithProvince(manager, person.id);
    const leftBehind = relatives.filter((r) => r.provinceCode !== target.provinceCode);
    if (leftBehind.length > 0) {
      throw refusal(
        KinErrorCode.OUT_OF_PROVINCE,
        `Moving to ${target.name} (${target.code}) leaves ${leftBehind.length} active mutual-aid relation(s) with ` +
          'people insured in another province; revoke them first — across provinces only the wallet helps (R-KIN-2)',
        ['regionCode'],
        'R-KIN-2',
      );
    }
  }
}
