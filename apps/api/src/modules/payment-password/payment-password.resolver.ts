import type { Fen } from '@gongji/domain';
import type { PersonEntity } from '@gongji/persistence';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { assertPortalServes } from '../../auth/portal-serves';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { masksPersonalData, toPerson } from '../person/person.mapper';
import { Person } from '../person/person.types';
import {
  PasswordFreeLimitSetInput,
  PaymentPasswordChangeInput,
  PaymentPasswordResetInput,
  PaymentPasswordUnlockInput,
} from './dtos/payment-password.inputs';
import {
  PasswordFreeLimitSetPayload,
  PaymentPasswordChangePayload,
  PaymentPasswordResetPayload,
  PaymentPasswordStatus,
  PaymentPasswordUnlockPayload,
} from './dtos/payment-password.payloads';
import { type PasswordChangeResult, PaymentPasswordService } from './payment-password.service';

/** The holder acts through a portal (the national app) granted `password:write` (API.md). */
const HOLDER_PORTAL = 'PORTAL:password:write';

function payload(ctx: GraphQLContext, result: PasswordChangeResult) {
  const person = result.person ? toPerson(result.person, masksPersonalData(ctx.principal)) : null;
  return { person, userErrors: result.userErrors };
}

/** Payment passwords and the password-free limit (R-ACC-7). */
@Resolver()
export class PaymentPasswordResolver {
  @Authorized(HOLDER_PORTAL)
  @Mutation(() => PaymentPasswordChangePayload, {
    description:
      'The holder changes their payment password through a portal serving them: the old password is verified (a ' +
      'wrong one counts toward the lockout, a locked password refuses), the new one must be 6 digits and not trivial (R-ACC-7).',
  })
  async paymentPasswordChange(
    @Arg('input', () => PaymentPasswordChangeInput) input: PaymentPasswordChangeInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PaymentPasswordChangePayload> {
    // A wrong old password counts toward the lock: a portal that never saw the holder may not try any.
    await assertPortalServes(ctx, [input.personId]);
    return payload(ctx, await new PaymentPasswordService(ctx).change(input));
  }

  @Authorized('ADMIN', 'COUNTER')
  @Mutation(() => PaymentPasswordResetPayload, {
    description:
      'Counter staff issue a new random payment password after checking an original identity document; sent by SMS ' +
      'through the outbox, failures and lock cleared, audited with the reason (R-ACC-7).',
  })
  async paymentPasswordReset(
    @Arg('input', () => PaymentPasswordResetInput) input: PaymentPasswordResetInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PaymentPasswordResetPayload> {
    const result = await new PaymentPasswordService(ctx).reset(input);
    return { ...payload(ctx, result), newPaymentPassword: result.newPaymentPassword ?? null };
  }

  @Authorized('ADMIN', 'COUNTER')
  @Mutation(() => PaymentPasswordUnlockPayload, {
    description:
      'Counter staff lift the lock after too many wrong payment passwords (R-ACC-7 decision); audited with the reason.',
  })
  async paymentPasswordUnlock(
    @Arg('input', () => PaymentPasswordUnlockInput) input: PaymentPasswordUnlockInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PaymentPasswordUnlockPayload> {
    return payload(ctx, await new PaymentPasswordService(ctx).unlock(input));
  }

  @Authorized(HOLDER_PORTAL)
  @Mutation(() => PasswordFreeLimitSetPayload, {
    description:
      'The holder sets their password-free limit (限额免密) through a portal serving them, with the payment password ' +
      '(counted like a payment); at most the policy maximum of their region (R-ACC-7).',
  })
  async passwordFreeLimitSet(
    @Arg('input', () => PasswordFreeLimitSetInput) input: PasswordFreeLimitSetInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PasswordFreeLimitSetPayload> {
    requirePrincipal(ctx);
    await assertPortalServes(ctx, [input.personId]);
    return payload(ctx, await new PaymentPasswordService(ctx).setPasswordFreeLimit(input));
  }
}

export function toPaymentPasswordStatus(e: PersonEntity): PaymentPasswordStatus {
  return {
    set: e.paymentPasswordHash !== null,
    setAt: e.paymentPasswordSetAt,
    failures: e.paymentPasswordFailures,
    lockedAt: e.paymentLockedAt,
    passwordFreeLimit: e.passwordFreeLimit as Fen,
  };
}

/** `Person.paymentPassword`, for staff only (the counter sees why a payment is refused). */
@Resolver(() => Person)
export class PersonPaymentPasswordResolver {
  @Authorized('ADMIN', 'COUNTER')
  @FieldResolver(() => PaymentPasswordStatus, {
    nullable: true,
    description:
      'Payment password state (R-ACC-7): issued or not, failures, lock, password-free limit. ADMIN and COUNTER only.',
  })
  async paymentPassword(
    @Root() person: Person,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PaymentPasswordStatus | null> {
    const row = await ctx.loaders.personById.load(person.id);
    return row ? toPaymentPasswordStatus(row) : null;
  }
}

/** Both resolvers of this module, for the schema's RESOLVERS list. */
export const PAYMENT_PASSWORD_RESOLVERS = [PaymentPasswordResolver, PersonPaymentPasswordResolver] as const;
