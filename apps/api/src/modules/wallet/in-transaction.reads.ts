import { detailParam, termsParam } from '@gongji/domain';
import type { EffectivePolicy, Fen, LedgerDecision } from '@gongji/domain';
import {
  type DecideContext,
  type Manager,
  type PersonEntity,
  type TransactionPlan,
  personsOfIds,
} from '@gongji/persistence';
import { forbidden } from '../../auth/authenticate';
import { type Principal, Role } from '../../auth/principal';
import { todayInChina } from '../../common/clock';
import { ApiErrorCode, type UserError, userError } from '../../common/user-error';
import { type PolicyService, UnknownRegionError } from '../policy/policy.service';

// Reads a money decision makes INSIDE the ledger writer's database transaction, always through its `manager`
// (a second pooled PostgreSQL connection taken while one is held deadlocks the pool under load).

/** The effective policy of a region on a date, through the manager; `null` for an unknown region. */
export async function effectivePolicyOn(
  policy: PolicyService,
  manager: Manager,
  regionCode: string,
  on: string,
  /** The policy data version read by the caller's facts statement in the same transaction. */
  knownVersion?: string,
): Promise<EffectivePolicy | null> {
  try {
    return await policy.effective(regionCode, on, manager, knownVersion);
  } catch (err) {
    if (err instanceof UnknownRegionError) return null;
    throw err;
  }
}

/** Persons by id through the manager; missing ids are absent from the map. */
export async function personsOn(
  manager: Manager,
  ids: readonly string[],
): Promise<Map<string, PersonEntity>> {
  const rows = await personsOfIds(manager, ids);
  return new Map(rows.map((p) => [p.id, p]));
}

export function personNotFound(field: string): UserError {
  return userError(ApiErrorCode.NOT_FOUND, 'No person with this id', [field], undefined, {
    detail: detailParam('NOT_FOUND_PERSON_ID'),
  });
}

/** Balance of a locked pocket (0 when the person has no such pocket). */
export function balanceOf(ctx: Pick<DecideContext<unknown>, 'pockets'>, personId: string, kind: string): Fen {
  return (ctx.pockets.get(`${personId}:${kind}`)?.balance ?? 0n) as Fen;
}

/**
 * The decision date: today in China, or — for staff only (ADMIN/COUNTER: back-office corrections, tests of dated
 * rules) — an explicit `on`. A portal may not choose the date (top-level FORBIDDEN).
 */
export function decisionDate(principal: Principal, on: string | null | undefined): string {
  if (on == null) return todayInChina();
  if (principal.role !== Role.ADMIN && principal.role !== Role.COUNTER)
    throw forbidden(
      'Only staff (ADMIN, COUNTER) may set `on`; portals act on today’s date',
      detailParam('STAFF_ONLY_SET_ON', { roles: termsParam('role', [Role.ADMIN, Role.COUNTER]) }),
    );
  return on;
}

/** The ledger-writer plan for a domain decision. */
export function planOf(
  decision: LedgerDecision,
  about: Omit<TransactionPlan, 'kind' | 'postings' | 'explanation'>,
): TransactionPlan {
  return {
    ...about,
    kind: decision.kind,
    postings: decision.postings,
    explanation: decision.explanation,
  };
}
