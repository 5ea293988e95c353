import { type PocketKind as DomainPocketKind, legacyWithdrawOrThrow } from '@gongji/domain';
import type { Principal } from '../../auth/principal';
import { PocketKind } from '../../common/domain-enums';
import type { GraphQLContext } from '../../context';
import { postedTransaction, runMoneyMutation } from '../ledger/money-mutation';
import { balanceOf, personNotFound, personsOn, planOf } from '../wallet/in-transaction.reads';
import type { LegacyWithdrawInput, LegacyWithdrawPayload } from './dtos/legacy-withdraw.dtos';

/** Cash withdrawal of the legacy passbook balance (R-ACC-5). Stateless: one per request. */
export class WithdrawalService {
  constructor(private readonly ctx: GraphQLContext) {}

  withdraw(principal: Principal, input: LegacyWithdrawInput): Promise<LegacyWithdrawPayload> {
    const pocket = (input.pocket ?? PocketKind.LEGACY) as DomainPocketKind;
    return runMoneyMutation<LegacyWithdrawPayload>(this.ctx.services.ledger, principal, {
      operation: 'legacyWithdraw',
      idempotencyKey: input.idempotencyKey,
      input: { personId: input.personId, amount: input.amount, pocket },
      personIds: [input.personId],
      refused: (userErrors) => ({ transaction: null, userErrors }),
      decide: async (ctx) => {
        const person = (await personsOn(ctx.manager, [input.personId])).get(input.personId);
        if (!person) return { payload: { transaction: null, userErrors: [personNotFound('personId')] } };
        const decision = legacyWithdrawOrThrow({
          personId: person.id,
          pocket,
          amount: input.amount,
          balance: balanceOf(ctx, person.id, pocket),
        });
        const plan = planOf(decision, { amount: input.amount, personId: person.id });
        return {
          payload: { transaction: postedTransaction(ctx, plan), userErrors: [] },
          transaction: plan,
          audit: { after: { personId: person.id, amount: input.amount.toString() } },
        };
      },
    });
  }
}
