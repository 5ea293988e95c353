import type { Fen, SettlementResult } from '@gongji/domain';
import type { KinRelationEntity } from '@gongji/persistence';
import type { UserError } from '../../common/user-error';
import type { SkippedProvider } from './settlement-facts';
import type { SettlementQuote } from './settlement.types';

/** Explanation codes of the lines that keep every relative out at once (R-KIN-3 use not open, R-KIN-6). */
const ALL_RELATIVES_KEPT_OUT: ReadonlySet<string> = new Set([
  'KIN_NOT_USED_NOT_OPEN',
  'KIN_NOT_USED_OUT_OF_REGION',
]);

/** The domain's split as the GraphQL SettlementQuote (plain data: it is stored and replayed as JSON). */
export function toSettlementQuote(
  result: SettlementResult,
  relations: readonly KinRelationEntity[],
  skipped: readonly SkippedProvider[] = [],
): SettlementQuote {
  // Every skipped relative has an explanation line, even when the bill was covered before reaching them: the domain's
  // lines about one relative carry it as their `provider` parameter (R-KIN-4).
  const unexplained = skipped.filter(
    (p) => !result.explanation.some((e) => e.params?.['provider'] === p.providerId),
  );
  const relationOf = (providerId: string) =>
    relations.find((r) => r.providerId === providerId)?.relation ?? null;
  // Skipped relatives are named by their place in the registered order, as the domain's lines name them.
  const positionOf = (providerId: string): { position?: number } => {
    const position = relations.find((r) => r.providerId === providerId && r.revokedAt === null)?.position;
    return position !== undefined ? { position } : {};
  };
  // R-KIN-3 / R-KIN-6 keep every relative out at once (one explanation line, no provider named): each relative in
  // force is still listed as skipped with that rule, so a portal can tell the patient whose account was not used.
  const blocked =
    result.providers.length === 0
      ? result.explanation.find((e) => e.code !== undefined && ALL_RELATIVES_KEPT_OUT.has(e.code))
      : undefined;
  const blockedSkips = blocked
    ? relations
        .filter((r) => !skipped.some((p) => p.providerId === r.providerId))
        .map((r) => ({
          providerId: r.providerId,
          relation: r.relation,
          rule: blocked.rule,
          reason: blocked.message,
          code: blocked.code ?? null,
          params: blocked.params ?? null,
        }))
    : [];
  return {
    total: result.total,
    fundPay: result.fundPay,
    personalShare: result.personalShare,
    ownEarmarked: result.ownEarmarked,
    ownWallet: result.ownWallet,
    providers: result.providers.map((p) => ({
      providerId: p.personId,
      relation: relationOf(p.personId),
      amount: p.amount,
    })),
    accountPaid: result.accountPaid,
    cash: result.cash,
    passwordRequired: result.passwordRequired,
    skippedProviders: [...skipped.map((p) => ({ ...p })), ...blockedSkips],
    explanation: [
      // code + params travel along (and into the stored reply): the resolver renders them per reader's language.
      ...result.explanation.map((e) => ({
        rule: e.rule,
        message: e.message,
        code: e.code ?? null,
        params: e.params ?? null,
      })),
      // R-KIN-4: one line per skipped relative, naming them once — a reason that already names the provider (its
      // `provider` parameter: KIN_PROVIDER_REFUSED, KIN_PROVIDER_NO_ACCOUNT) is the line itself, not wrapped again.
      ...unexplained.map((p) =>
        p.params?.['provider'] === p.providerId
          ? { rule: p.rule, message: p.reason, code: p.code ?? null, params: p.params }
          : {
              rule: p.rule,
              message: `provider ${p.providerId} skipped: ${p.reason}`,
              code: 'KIN_PROVIDER_SKIPPED',
              params: {
                provider: p.providerId,
                ...positionOf(p.providerId),
                reason: {
                  kind: 'line' as const,
                  message: p.reason,
                  ...(p.code ? { code: p.code } : {}),
                  ...(p.params ? { params: p.params } : {}),
                },
              },
            },
      ),
    ],
    nhsa: {
      ...result.nhsa,
      acct_mulaid_pay_items: result.nhsa.acct_mulaid_pay_items.map((i) => ({
        psn_no: i.psn_no,
        amount: i.amount,
      })),
    },
    userErrors: [],
  };
}

/** A refused quote: no split, only the refusals (API.md: business refusals are userErrors). */
export function refusedQuote(userErrors: UserError[]): SettlementQuote {
  return {
    total: null,
    fundPay: null,
    personalShare: null,
    ownEarmarked: null,
    ownWallet: null,
    providers: [],
    skippedProviders: [],
    accountPaid: null,
    cash: null,
    passwordRequired: null,
    explanation: [],
    nhsa: null,
    userErrors,
  };
}

/** Fen as decimal strings for the stored `details` (JSON columns): the format ledger-audit reads. */
export function fenStrings<T extends Record<string, unknown>>(o: T): Record<keyof T, unknown> {
  return Object.fromEntries(
    Object.entries(o).map(([k, v]) => [k, typeof v === 'bigint' ? (v as Fen).toString() : v]),
  ) as Record<keyof T, unknown>;
}
