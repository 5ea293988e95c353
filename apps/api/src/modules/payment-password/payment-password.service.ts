import {
  type DomainError,
  type PasswordPolicy,
  PersonError,
  PersonErrorCode,
  assertIdentityMatchesOrThrow,
  assertPasswordNotLockedOrThrow,
  assertPasswordSetOrThrow,
  assertSomethingToUnlockOrThrow,
  formatMoney,
  registerPasswordAttempt,
  validateNewPaymentPasswordOrThrow,
  validatePasswordFreeLimitOrThrow,
  termParam,
  detailParam,
} from '@gongji/domain';
import { type Manager, type PersonEntity, personOfIdOrFail, updatePersonColumns } from '@gongji/persistence';
import { forbidden } from '../../auth/authenticate';
import type { Principal } from '../../auth/principal';
import { todayInChina } from '../../common/clock';
import { ApiErrorCode, type UserError, userError } from '../../common/user-error';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { NotificationKind, SMS_TEXTS } from '../notification/notification.service';
import { collectRefusals, refusal, runStaffChange } from '../person-admin/staff-change';
import { effectivePolicyIn } from '../settlement/settlement-policy';
import type {
  PasswordFreeLimitSetInput,
  PaymentPasswordChangeInput,
  PaymentPasswordResetInput,
  PaymentPasswordUnlockInput,
} from './dtos/payment-password.inputs';
import {
  type PreVerified,
  attemptStateOf,
  hashPaymentPassword,
  issuePaymentPassword,
  lockHolder,
  preVerifyPaymentPassword,
  shownOnce,
  storeAttempt,
  verifiedUnderLock,
  wrongPasswordError,
} from './payment-password.credentials';

/** Outcome of a password-service change: the holder after it, or the refusals (a counted attempt is kept). */
export interface PasswordChangeResult {
  readonly person: PersonEntity | null;
  readonly userErrors: UserError[];
  /** The new password of a reset, outside production only (R-ACC-7). */
  readonly newPaymentPassword?: string | null;
}

/** What a verified holder change writes, and what its audit row shows (never a password or hash). */
interface HolderChange {
  readonly fields: Partial<PersonEntity>;
  readonly before: Record<string, unknown>;
  readonly after: Record<string, unknown>;
}

type Verified = { readonly person: PersonEntity } | { readonly refusal: UserError };

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function notFound(personId: string): DomainError {
  return refusal(ApiErrorCode.NOT_FOUND, `No person with id "${personId}"`, ['personId'], undefined, {
    what: termParam('entity', 'person'),
    id: personId,
  });
}

/**
 * Payment passwords (R-ACC-7): the holder changes the password or the password-free limit through a portal (old
 * password verified, wrong ones counted toward the lockout); counter staff reset it after an identity check (new
 * random password by SMS through the outbox) or lift a lockout — both audited with a reason. The argon2 check runs
 * before the holder's row is locked; under the lock the count and lock state decide.
 */
export class PaymentPasswordService {
  private readonly principal: Principal;

  constructor(private readonly ctx: GraphQLContext) {
    this.principal = requirePrincipal(ctx);
  }
  /** The server key payment passwords are HMAC-keyed with (GONGJI_PAYMENT_PEPPER, R-ACC-7). */
  private get pepper(): string {
    return this.ctx.config.paymentPepper;
  }

  /** A portal acts only for people it serves (the person read policy); staff act for anyone. */
  private async assertMayActFor(personId: string): Promise<void> {
    if (!(await this.ctx.services.persons.mayRead(this.principal, personId)))
      throw forbidden('This portal has not served this person', detailParam('PORTAL_HAS_NOT_SERVED'));
  }

  private policyOf(manager: Manager, person: PersonEntity): Promise<PasswordPolicy> {
    return effectivePolicyIn(manager, person.regionCode, todayInChina()).then((p) => p.passwordPolicy);
  }

  async change(input: PaymentPasswordChangeInput): Promise<PasswordChangeResult> {
    await this.assertMayActFor(input.personId);
    const invalid = collectRefusals([
      () => validateNewPaymentPasswordOrThrow(input.newPassword, input.oldPassword),
    ]);
    if (invalid.length > 0) return { person: null, userErrors: invalid };
    const pre = await preVerifyPaymentPassword(
      this.ctx.dataSource.manager,
      this.pepper,
      input.personId,
      input.oldPassword,
    );
    const newHash = pre.ok ? await hashPaymentPassword(this.pepper, input.newPassword) : null;
    return this.verifiedChange(
      'paymentPasswordChange',
      input.personId,
      { password: input.oldPassword, pre, field: ['oldPassword'] },
      undefined,
      async (person, now) => ({
        // Rare: the password changed between the pre-lock check and the lock, and the new check passed.
        fields: {
          paymentPasswordHash: newHash ?? (await hashPaymentPassword(this.pepper, input.newPassword)),
          paymentPasswordSetAt: now,
        },
        before: { paymentPasswordSetAt: iso(person.paymentPasswordSetAt) },
        after: { paymentPasswordSetAt: iso(now) },
      }),
    );
  }

  async setPasswordFreeLimit(input: PasswordFreeLimitSetInput): Promise<PasswordChangeResult> {
    await this.assertMayActFor(input.personId);
    const pre = await preVerifyPaymentPassword(
      this.ctx.dataSource.manager,
      this.pepper,
      input.personId,
      input.password,
    );
    return this.verifiedChange(
      'passwordFreeLimitSet',
      input.personId,
      { password: input.password, pre, field: ['password'] },
      (policy) => validatePasswordFreeLimitOrThrow(input.limit, policy),
      (person) =>
        Promise.resolve({
          fields: { passwordFreeLimit: input.limit },
          before: { passwordFreeLimit: formatMoney(person.passwordFreeLimit) },
          after: { passwordFreeLimit: formatMoney(input.limit) },
        }),
    );
  }

  /**
   * The holder's change after the password check: locks the row, refuses a locked or never-issued password, then
   * counts the attempt. A wrong password commits only its count (and the lock at the threshold); a correct one
   * resets the count, writes the change and audits it. `validate` refuses before anything is counted.
   */
  private async verifiedChange(
    action: string,
    personId: string,
    check: { readonly password: string; readonly pre: PreVerified; readonly field: readonly string[] },
    validate: ((policy: PasswordPolicy) => unknown) | undefined,
    apply: (person: PersonEntity, now: Date) => Promise<HolderChange>,
  ): Promise<PasswordChangeResult> {
    const result = await runStaffChange<Verified>(this.ctx.dataSource, async (manager) => {
      const person = await lockHolder(manager, personId);
      if (!person) throw notFound(personId);
      const policy = await this.policyOf(manager, person);
      const now = new Date();
      const state = attemptStateOf(person);
      assertPasswordNotLockedOrThrow(state);
      assertPasswordSetOrThrow(person.paymentPasswordHash !== null, check.field);
      validate?.(policy);
      const ok = await verifiedUnderLock(this.pepper, check.pre, person.paymentPasswordHash, check.password);
      const attempt = registerPasswordAttempt(state, ok, policy);
      if (!ok) {
        await storeAttempt(manager, person.id, attempt.state, now);
        return { refusal: wrongPasswordError(attempt.state, check.field) };
      }
      const change = await apply(person, now);
      await updatePersonColumns(manager, person.id, {
        ...change.fields,
        paymentPasswordFailures: 0,
        updatedAt: now,
      });
      await this.ctx.services.audit.record(manager, this.principal, {
        action,
        entityType: 'Person',
        entityId: person.id,
        before: change.before,
        after: change.after,
      });
      return { person: await personOfIdOrFail(manager, person.id) };
    });
    this.ctx.loaders.personById.clear(personId);
    const value = result.value;
    if (!value) return { person: null, userErrors: result.userErrors };
    if ('refusal' in value) return { person: null, userErrors: [value.refusal] };
    return { person: value.person, userErrors: [] };
  }

  /** Counter reset after an identity check: a new random password by SMS, failures and lock cleared, audited. */
  async reset(input: PaymentPasswordResetInput): Promise<PasswordChangeResult> {
    const reason = input.reason.trim();
    if (!reason) return { person: null, userErrors: [reasonRequired('reset')] };
    const issued = await issuePaymentPassword(this.pepper);
    let outboxId: string | null = null;
    const result = await runStaffChange(this.ctx.dataSource, async (manager) => {
      const person = await lockHolder(manager, input.personId);
      if (!person) throw notFound(input.personId);
      assertIdentityMatchesOrThrow(input.identityCheck.idNumber, person.idNumber);
      if (!person.phone) {
        throw new PersonError(
          PersonErrorCode.PASSWORD_UNDELIVERABLE,
          'No phone is on file, so a new payment password cannot be sent by SMS; record the phone first (personUpdate)',
          'R-ACC-7',
          ['personId'],
        );
      }
      const now = new Date();
      await updatePersonColumns(manager, person.id, {
        paymentPasswordHash: issued.hash,
        paymentPasswordSetAt: now,
        paymentPasswordFailures: 0,
        paymentLockedAt: null,
        updatedAt: now,
      });
      outboxId = await this.ctx.services.notifications.enqueue(manager, {
        personId: person.id,
        recipient: person.phone,
        kind: NotificationKind.PAYMENT_PASSWORD_RESET,
        body: SMS_TEXTS[NotificationKind.PAYMENT_PASSWORD_RESET](issued.plain),
      });
      await this.ctx.services.audit.record(manager, this.principal, {
        action: 'paymentPasswordReset',
        entityType: 'Person',
        entityId: person.id,
        before: {
          paymentPasswordSetAt: iso(person.paymentPasswordSetAt),
          paymentPasswordFailures: person.paymentPasswordFailures,
          paymentLockedAt: iso(person.paymentLockedAt),
        },
        after: {
          paymentPasswordSetAt: iso(now),
          paymentPasswordFailures: 0,
          paymentLockedAt: null,
          identityDocument: input.identityCheck.document,
          delivery: 'SMS',
        },
        reason,
      });
      return personOfIdOrFail(manager, person.id);
    });
    this.ctx.loaders.personById.clear(input.personId);
    if (!result.value) return { person: null, userErrors: result.userErrors };
    if (outboxId) {
      await this.ctx.services.notifications.dispatchSoon([outboxId], (err) =>
        this.ctx.logger.warn({ err, personId: input.personId }, 'payment password reset SMS left pending'),
      );
    }
    return { person: result.value, userErrors: [], newPaymentPassword: shownOnce(this.ctx.config, issued) };
  }

  /** Counter unlock after a lockout (R-ACC-7 decision): failures and lock cleared, audited with the reason. */
  async unlock(input: PaymentPasswordUnlockInput): Promise<PasswordChangeResult> {
    const reason = input.reason.trim();
    if (!reason) return { person: null, userErrors: [reasonRequired('unlock')] };
    const result = await runStaffChange(this.ctx.dataSource, async (manager) => {
      const person = await lockHolder(manager, input.personId);
      if (!person) throw notFound(input.personId);
      assertSomethingToUnlockOrThrow(attemptStateOf(person));
      const now = new Date();
      await updatePersonColumns(manager, person.id, {
        paymentPasswordFailures: 0,
        paymentLockedAt: null,
        updatedAt: now,
      });
      await this.ctx.services.audit.record(manager, this.principal, {
        action: 'paymentPasswordUnlock',
        entityType: 'Person',
        entityId: person.id,
        before: {
          paymentPasswordFailures: person.paymentPasswordFailures,
          paymentLockedAt: iso(person.paymentLockedAt),
        },
        after: { paymentPasswordFailures: 0, paymentLockedAt: null },
        reason,
      });
      return personOfIdOrFail(manager, person.id);
    });
    this.ctx.loaders.personById.clear(input.personId);
    return { person: result.value, userErrors: result.userErrors };
  }
}

function reasonRequired(what: 'reset' | 'unlock'): UserError {
  return userError(
    ApiErrorCode.REASON_REQUIRED,
    `A payment password ${what} needs a reason for the audit log (R-ACC-7)`,
    ['reason'],
    'R-ACC-7',
    {
      detail: detailParam(
        what === 'reset' ? 'PAYMENT_PASSWORD_RESET_REASON' : 'PAYMENT_PASSWORD_UNLOCK_REASON',
      ),
    },
  );
}
