import { createHmac } from 'node:crypto';
import {
  type AccumulatorDelta,
  DomainError,
  type Fen,
  PASSWORD_EXEMPT_CHANNELS,
  type PasswordAttemptState,
  type PriorRefund,
  type SettledTransaction,
  type SettlementStatus,
  TransactionKind,
  assertPasswordNotLockedOrThrow,
  assertPasswordSetOrThrow,
  cancelSettlementOrThrow,
  formatMoney,
  moneyParam,
  partialRefundOrThrow,
  registerPasswordAttempt,
  settleOrThrow,
  SettlementError,
  SettlementErrorCode,
  assertServiceDateNotAfterTodayOrThrow,
  detailParam,
  formatTerm,
  termParam,
} from '@gongji/domain';
import {
  type DecideContext,
  institutionByIdOrCode,
  type Decision,
  type AccumulatorDelta as StoredAccumulatorDelta,
  pocketsOfPersons,
  type SettlementRecordRows,
  settlementFactsQuery,
  settlementRecordQuery,
  type TransactionEntity,
  type TransactionPlan,
} from '@gongji/persistence';
import { assertPortalServes } from '../../auth/portal-serves';
import { forbidden } from '../../auth/authenticate';
import { verifyEVoucherCode } from '../../auth/presence';
import { type Principal, Role, actorOf } from '../../auth/principal';
import { todayInChina } from '../../common/clock';
import type { UserError } from '../../common/user-error';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { postedTransaction, runMoneyMutation } from '../ledger/money-mutation';
import {
  type PreVerified,
  attemptStateOf,
  preVerifyPaymentPassword,
  verifiedUnderLock,
  wrongPasswordError,
} from '../payment-password/payment-password.credentials';
import type {
  RefundIssueInput,
  SettlementCancelInput,
  SettlementConfirmInput,
  SettlementInput,
} from './dtos/settlement.input';
import type {
  RefundIssuePayload,
  SettlementCancelPayload,
  SettlementConfirmPayload,
} from './dtos/settlement.payload';
import {
  type BalanceOf,
  loadSettlementFacts,
  loadSettlementRows,
  settlementFactsOf,
  notFound,
  relationsOn,
} from './settlement-facts';
import { userErrorsOf } from '../../common/refusals';
import { fromStoredDelta, toDomainPosting, toStoredDelta } from './settlement-ledger';
import { fenStrings, refusedQuote, toSettlementQuote } from './settlement.mapper';
import type { SettlementQuote } from './settlement.types';

/**
 * What a cancellation or refund changes besides the postings, written by the ledger writer in the same transaction
 * (issue #7: the writer owns every money write): the settlement's status, the patient's accumulators of the service
 * year, and the day's account spend (R-USE-6), all signed deltas.
 */
function sideEffects(
  original: TransactionEntity,
  status: string,
  delta: AccumulatorDelta,
  spendChange: bigint,
): Pick<TransactionPlan, 'originalStatus' | 'accumulators' | 'dailySpend'> {
  return {
    originalStatus: { transactionId: original.id, status },
    ...(original.personId ? { accumulators: { personId: original.personId, ...delta } } : {}),
    ...(original.personId && original.serviceDate && original.institutionId
      ? {
          dailySpend: {
            personId: original.personId,
            day: original.serviceDate,
            institutionId: original.institutionId,
            amount: spendChange,
          },
        }
      : {}),
  };
}

/** Canonical request of a bill (idempotency hash, stored details): the password is left out (never stored, R-ACC-7). */
function canonicalBill(input: SettlementInput) {
  return {
    patientId: input.patientId,
    institutionId: input.institutionId,
    visitType: input.visitType,
    serviceDate: input.serviceDate,
    covered: input.covered,
    outOfCatalogue: input.outOfCatalogue ?? 0n,
    excluded: input.excluded ?? 0n,
    channel: input.channel,
  };
}

/**
 * The idempotency request of a confirmation: the bill and a keyed digest of the payment password, so that the same key
 * with another password (or first without one) is IDEMPOTENCY_KEY_REUSED like any other change of input (API.md),
 * not a replay of the first refusal. Only an HMAC under the server secret enters the stored request hash: the
 * password itself is never stored (R-ACC-7).
 */
function confirmRequest(input: SettlementConfirmInput, secret: string) {
  return {
    ...canonicalBill(input),
    password: input.password
      ? createHmac('sha256', secret)
          .update(`payment-password\0${input.patientId}\0${input.password}`)
          .digest('base64url')
      : null,
  };
}

const balancesOf =
  (pockets: DecideContext['pockets']): BalanceOf =>
  (personId, kind) =>
    pockets.get(`${personId}:${kind}`)?.balance as Fen | undefined;

/**
 * Settlement of medical bills (R-SET-4/5, R-USE-5): quote, confirm, cancel, refund. Stateless, one per request.
 * Every decision is the libs/domain rule; money moves only through the shared ledger writer (`runMoneyMutation`),
 * and everything a decision reads inside a money mutation is read through the writer's transaction manager.
 */
export class SettlementService {
  private readonly principal: Principal;

  constructor(private readonly ctx: GraphQLContext) {
    this.principal = requirePrincipal(ctx);
  }

  private get actor(): string {
    return actorOf(this.principal);
  }

  /** A hospital or pharmacy portal settles only at its own institution; staff settle anywhere. */
  private assertMayActAt(institutionId: string | null): void {
    if (this.principal.role !== Role.PORTAL) return;
    if (!this.principal.institutionId || this.principal.institutionId !== institutionId) {
      throw forbidden(
        'A portal may only settle bills at its own institution',
        detailParam('PORTAL_OWN_INSTITUTION_SETTLEMENT_ONLY'),
      );
    }
  }

  /**
   * R-SET-5: the split of a bill with current balances; no money moves. A business refusal comes back in
   * `userErrors` with the split fields null, exactly like settlementConfirm's (API.md).
   */
  /**
   * A portal bills a patient who proved presence at its desk (issue #8: an id learnt elsewhere, e.g. a relative's in
   * a split, is no proof), checked before anything is read or locked. The institution is named first when the bill
   * is not at the portal's own (PORTAL_OWN_INSTITUTION_SETTLEMENT_ONLY), as it is without this check.
   */
  private async assertPortalServesPatient(input: SettlementInput): Promise<void> {
    if (this.principal.role !== Role.PORTAL) return;
    if ((await this.ctx.loaders.servesPerson.load(input.patientId)) === true) return;
    const institution = await institutionByIdOrCode(this.ctx.dataSource.manager, input.institutionId.trim());
    this.assertMayActAt(institution?.id ?? null);
    await assertPortalServes(this.ctx, [input.patientId]);
  }

  async quote(input: SettlementInput): Promise<SettlementQuote> {
    await this.assertPortalServesPatient(input);
    const manager = this.ctx.dataSource.manager;
    const rows = await loadSettlementRows(manager, input);
    this.assertMayActAt(rows.institution?.id ?? null);
    try {
      const { inForce: relations } = relationsOn(rows.relations, input.serviceDate);
      const pockets = await pocketsOfPersons(manager, [
        input.patientId,
        ...relations.map((r) => r.providerId),
      ]);
      const balances = new Map(pockets.map((p) => [`${p.personId}:${p.kind}`, p.balance as Fen]));
      const facts = await loadSettlementFacts(
        manager,
        { ...input, eVoucherShown: this.eVoucherShownOrThrow(input) },
        rows,
        (id, kind) => balances.get(`${id}:${kind}`),
      );
      return toSettlementQuote(settleOrThrow(facts.domainInput), facts.relations, facts.skipped);
    } catch (err) {
      if (err instanceof DomainError) return refusedQuote(userErrorsOf(err));
      throw err;
    }
  }

  /**
   * Whether the patient's e-voucher was shown (R-ACC-7): a code given is verified — HMAC, bound to the patient, 5
   * minutes — else it is INVALID (E_VOUCHER_CODE_INVALID); staff at the counter are trusted. Only an E_VOUCHER bill
   * under a policy with `eVoucherCodeRequired` reads SHOWN / NOT_SHOWN.
   */
  private eVoucherOf(input: SettlementInput): 'SHOWN' | 'NOT_SHOWN' | 'INVALID' {
    const code = input.eVoucherCode?.trim();
    if (code)
      return verifyEVoucherCode(code, this.ctx.config.secret) === input.patientId ? 'SHOWN' : 'INVALID';
    return this.principal.role !== Role.PORTAL ? 'SHOWN' : 'NOT_SHOWN';
  }

  /** The quote's answer: the same, refused at once (no key, nothing stored). */
  private eVoucherShownOrThrow(input: SettlementInput): boolean {
    const eVoucher = this.eVoucherOf(input);
    if (eVoucher === 'INVALID') throw invalidEVoucherCode();
    return eVoucher === 'SHOWN';
  }

  /**
   * R-SET-5 confirm: the same `settleOrThrow` as the quote, on balances re-read under lock, then the payment
   * password (R-ACC-7) when the split asks for it. Locks the patient's and every active provider's pockets.
   *
   * The password is checked with argon2 BEFORE the ledger writer's transaction (never while pockets are locked);
   * under the lock the patient's row is re-read and the failure count and lock decide with that pre-lock result.
   */
  async confirm(input: SettlementConfirmInput): Promise<SettlementConfirmPayload> {
    await this.assertPortalServesPatient(input);
    const refused = (userErrors: UserError[]): SettlementConfirmPayload => ({
      transaction: null,
      settlement: null,
      userErrors,
    });
    // Decided inside the mutation, after the key is claimed: a retry of a settled key replays its reply even when
    // the code it carries has expired since (the code is proof, not part of the bill).
    const eVoucher = this.eVoucherOf(input);
    // Only when a password can matter: an exempt channel, an empty password, or a bill whose whole total is within
    // the password-free limit never reaches argon2 (the account can never pay more than the bill).
    const pre: PreVerified = PASSWORD_EXEMPT_CHANNELS.includes(input.channel)
      ? { hash: null, ok: false }
      : await preVerifyPaymentPassword(
          this.ctx.dataSource.manager,
          this.ctx.config.paymentPepper,
          input.patientId,
          input.password,
          input.covered + (input.outOfCatalogue ?? 0n) + (input.excluded ?? 0n),
        );
    return runMoneyMutation(this.ctx.services.ledger, this.principal, {
      operation: 'settlementConfirm',
      idempotencyKey: input.idempotencyKey,
      input: confirmRequest(input, this.ctx.config.secret),
      // One lock statement: the patient's pockets, every money-sharing relative's (a superset of those used on the
      // service date) and the patient's row (R-ACC-7 failure count), after the key is claimed.
      personIds: [input.patientId],
      lockProvidersOf: input.patientId,
      lockPersonRow: input.patientId,
      // One statement on PostgreSQL, in the round trip of the locks: patient, institution, card, accumulators, day's
      // spend, relations, providers, hospital selection and the policy data version.
      facts: settlementFactsQuery(settlementFactsOf(input)),
      refused,
      decide: async ({ manager, facts: rows, pockets, transactionId, now }) => {
        // A portal settles only at its own institution (thrown, not stored: the key is released by the rollback).
        this.assertMayActAt(rows.institution?.id ?? null);
        // R-SET-5: money moves only for care already given (a quote may look ahead; a confirmation may not).
        assertServiceDateNotAfterTodayOrThrow(input.serviceDate, todayInChina(now));
        if (eVoucher === 'INVALID') throw invalidEVoucherCode();
        const facts = await loadSettlementFacts(
          manager,
          { ...input, eVoucherShown: eVoucher === 'SHOWN' },
          rows,
          balancesOf(pockets),
        );
        const result = settleOrThrow(facts.domainInput);
        const { institution } = facts;
        // Locked by the writer's lock statement: the count and lock are current, whatever the pre-lock check saw.
        const patient = facts.patient;
        const state = attemptStateOf(patient);
        // Decision: a locked password blocks every account payment, whatever the channel (R-ACC-7).
        if (result.accountPaid > 0n) assertPasswordNotLockedOrThrow(state);
        let passwordReset = false;
        if (result.passwordRequired) {
          // R-ACC-7: without an issued password nothing can be verified, so nothing is paid from the account.
          assertPasswordSetOrThrow(patient.paymentPasswordHash !== null);
          const password = input.password ?? '';
          if (password.length === 0) {
            throw new DomainError(
              'VERIFICATION_REQUIRED',
              `The patient's payment password is required for ${formatMoney(result.accountPaid)} yuan from the account`,
              'R-ACC-7',
              ['password'],
              { amount: moneyParam(result.accountPaid) },
            );
          }
          const ok = await verifiedUnderLock(
            this.ctx.config.paymentPepper,
            pre,
            patient.paymentPasswordHash,
            password,
          );
          const attempt = registerPasswordAttempt(state, ok, facts.policy.passwordPolicy);
          if (!ok) return this.wrongPassword(patient.id, attempt.state, refused, now);
          passwordReset = state.consecutiveFailures > 0;
        }
        const plan: TransactionPlan = {
          kind: TransactionKind.SETTLEMENT,
          amount: result.total,
          personId: patient.id,
          institutionId: institution.id,
          serviceDate: input.serviceDate,
          channel: input.channel,
          explanation: result.explanation,
          postings: result.postings,
          accumulators: { personId: patient.id, ...result.accumulatorDelta },
          dailySpend: {
            personId: patient.id,
            day: input.serviceDate,
            institutionId: institution.id,
            amount: result.accountPaid,
          },
          details: {
            bill: fenStrings({ ...canonicalBill(input), institutionId: institution.id }),
            split: fenStrings({
              fundPay: result.fundPay,
              personalShare: result.personalShare,
              ownEarmarked: result.ownEarmarked,
              ownWallet: result.ownWallet,
              accountPaid: result.accountPaid,
              cash: result.cash,
            }),
            providers: result.providers.map((p) => ({ personId: p.personId, amount: p.amount.toString() })),
            nhsa: {
              ...fenStrings({ ...result.nhsa, acct_mulaid_pay_items: undefined }),
              acct_mulaid_pay_items: result.nhsa.acct_mulaid_pay_items.map((i) => ({
                psn_no: i.psn_no,
                amount: i.amount.toString(),
              })),
            },
            accumulatorDelta: toStoredDelta(result.accumulatorDelta),
            // The balances the decision saw under lock: evidence of the order of use (R-KIN-4) for audits.
            fundsSeen: {
              ownEarmarked: facts.domainInput.own.earmarked.toString(),
              ownWallet: facts.domainInput.own.wallet.toString(),
              providers: facts.domainInput.providers.map((p) => ({
                personId: p.personId,
                earmarked: p.earmarked.toString(),
                usable: p.usable !== false,
              })),
            },
          },
        };
        return {
          payload: {
            transaction: postedTransaction({ transactionId, now }, plan),
            settlement: toSettlementQuote(result, facts.relations, facts.skipped),
            userErrors: [],
          },
          transaction: plan,
          // Not money: a correct password after failures resets the count (R-ACC-7), in the writer's one statement.
          passwordState: passwordReset
            ? { personId: patient.id, failures: 0, lockedAt: patient.paymentLockedAt }
            : undefined,
        };
      },
    });
  }

  /** A wrong password moves no money but its count is kept (R-ACC-7): a refusal whose `after` stores the count. */
  private wrongPassword(
    personId: string,
    next: PasswordAttemptState,
    refused: (errors: UserError[]) => SettlementConfirmPayload,
    now: Date,
  ): Decision<SettlementConfirmPayload> {
    return {
      payload: refused([wrongPasswordError(next, ['password'])]),
      passwordState: { personId, failures: next.consecutiveFailures, lockedAt: next.locked ? now : null },
    };
  }

  /**
   * The settlement as stored with its earlier refunds, read inside the mutation by `settlementRecordQuery` (row
   * locked on PostgreSQL: one closer at a time). A portal may only close settlements of its own institution.
   */
  private settled(
    record: SettlementRecordRows,
    transactionId: string,
  ): { row: TransactionEntity; settled: SettledTransaction; priorRefunds: PriorRefund[] } {
    const row = record.original;
    // R-USE-5: an existing transaction of another kind stays NOT_FOUND (API.md) but says what it is — to staff, and
    // to a portal only for a transaction of its own institution (the kind of another's transaction is not its to see).
    if (
      row &&
      row.kind !== TransactionKind.SETTLEMENT &&
      (this.principal.role !== Role.PORTAL ||
        (!!this.principal.institutionId && this.principal.institutionId === row.institutionId))
    )
      throw notFound(
        `No settlement with id ${transactionId}: this transaction is a ${formatTerm('transactionKind', row.kind, 'en')}, not a settlement`,
        'transactionId',
        detailParam('NOT_A_SETTLEMENT_ID', {
          id: transactionId,
          kind: termParam('transactionKind', row.kind),
        }),
      );
    if (!row || row.kind !== TransactionKind.SETTLEMENT)
      throw notFound(
        `No settlement with id ${transactionId}`,
        'transactionId',
        detailParam('NOT_FOUND_SETTLEMENT_ID', { id: transactionId }),
      );
    this.assertMayActAt(row.institutionId);
    return {
      row,
      settled: {
        transactionId,
        status: row.status as SettlementStatus,
        postings: record.postings.map(toDomainPosting),
        accumulatorDelta: fromStoredDelta(row.details['accumulatorDelta'] as StoredAccumulatorDelta),
        patientId: row.personId,
        explanation: row.explanation,
      },
      priorRefunds: record.refunds.map((r) => ({
        postings: r.postings.map(toDomainPosting),
        accumulatorDelta: fromStoredDelta(r.row.details['accumulatorDelta'] as StoredAccumulatorDelta),
      })),
    };
  }

  /** R-USE-5: reverses every posting of a settlement, restores the accumulators, marks it CANCELLED. */
  async cancel(input: SettlementCancelInput): Promise<SettlementCancelPayload> {
    const refused = (userErrors: UserError[]): SettlementCancelPayload => ({ transaction: null, userErrors });
    return runMoneyMutation(this.ctx.services.ledger, this.principal, {
      operation: 'settlementCancel',
      idempotencyKey: input.idempotencyKey,
      input: { transactionId: input.transactionId },
      personIds: [],
      lockPostingsOf: input.transactionId,
      facts: settlementRecordQuery(input.transactionId, TransactionKind.REFUND),
      refused,
      decide: async ({ facts: record, transactionId, now }) => {
        const { row, settled } = this.settled(record, input.transactionId);
        const result = cancelSettlementOrThrow(settled);
        const plan: TransactionPlan = {
          kind: result.kind,
          amount: row.amount,
          personId: row.personId,
          institutionId: row.institutionId,
          serviceDate: row.serviceDate,
          originalTransactionId: row.id,
          explanation: result.explanation,
          postings: result.postings,
          details: { accumulatorDelta: toStoredDelta(result.accumulatorDelta) },
          ...sideEffects(row, result.status, result.accumulatorDelta, -settled.accumulatorDelta.accountPaid),
        };
        return {
          payload: { transaction: postedTransaction({ transactionId, now }, plan), userErrors: [] },
          transaction: plan,
          ...auditReason(input.reason),
        };
      },
    });
  }

  /** R-USE-5: refunds part of a settlement in reverse order of payment; the last refund restores everything. */
  async refund(input: RefundIssueInput): Promise<RefundIssuePayload> {
    const refused = (userErrors: UserError[]): RefundIssuePayload => ({
      transaction: null,
      refund: null,
      userErrors,
    });
    return runMoneyMutation(this.ctx.services.ledger, this.principal, {
      operation: 'refundIssue',
      idempotencyKey: input.idempotencyKey,
      input: { transactionId: input.transactionId, amount: input.amount },
      personIds: [],
      lockPostingsOf: input.transactionId,
      facts: settlementRecordQuery(input.transactionId, TransactionKind.REFUND),
      refused,
      decide: async ({ facts: record, transactionId, now }) => {
        const { row, settled, priorRefunds } = this.settled(record, input.transactionId);
        const result = partialRefundOrThrow(settled, priorRefunds, input.amount);
        const plan: TransactionPlan = {
          kind: result.kind,
          amount: result.amount,
          personId: row.personId,
          institutionId: row.institutionId,
          serviceDate: row.serviceDate,
          originalTransactionId: row.id,
          explanation: result.explanation,
          postings: result.postings,
          details: {
            accumulatorDelta: toStoredDelta(result.accumulatorDelta),
            refund: fenStrings({
              cashReturned: result.cashReturned,
              accountReturned: result.accountReturned,
              fundReturned: result.fundReturned,
              remaining: result.remaining,
            }),
          },
          ...sideEffects(row, result.status, result.accumulatorDelta, -result.accountReturned),
        };
        return {
          payload: {
            transaction: postedTransaction({ transactionId, now }, plan),
            refund: {
              amount: result.amount,
              cashReturned: result.cashReturned,
              accountReturned: result.accountReturned,
              fundReturned: result.fundReturned,
              remaining: result.remaining,
              settlementStatus: result.status,
            },
            userErrors: [],
          },
          transaction: plan,
          ...auditReason(input.reason),
        };
      },
    });
  }
}

/** A staff member's reason for a cancel or refund, kept in the audit row written with the money (trimmed; none if blank). */
function auditReason(reason: string | null | undefined): { audit?: { reason: string } } {
  const text = reason?.trim();
  return text ? { audit: { reason: text.slice(0, 500) } } : {};
}

/** E_VOUCHER_CODE_INVALID (R-ACC-7): forged, expired or another person's code. */
function invalidEVoucherCode(): SettlementError {
  return new SettlementError(
    SettlementErrorCode.E_VOUCHER_CODE_INVALID,
    'R-ACC-7',
    "The e-voucher code is not valid: expired, altered or not the patient's",
    ['eVoucherCode'],
  );
}
