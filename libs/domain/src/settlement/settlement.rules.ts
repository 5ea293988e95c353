import { type Fen, formatMoney, maxFen, minFen, sumFen } from '../money/money';
import { DEFAULT_MAX_REGISTRATION_FEE } from '../person/password';
import { InstitutionKind } from '../institution/institution';
import { PocketKind, type Posting, SystemAccount, TransactionKind, systemAccount } from '../ledger/ledger';
import { explain } from '../ledger/explain';
import { debitPocket, posting, withoutZeroPostings } from '../ledger/ledger.rules';
import { InsuranceType } from '../person/person';
import { PaymentChannel } from '../person/payment-channel';
import { dateParam, moneyParam, regionParam, termParam } from '../messages/params';
import type { ExplanationParams } from '../messages/explanations';
import type { Explanation } from '../shared/domain-error';
import { type IsoDate, isIsoDate } from '../shared/dates';
import { walletMayPay } from '../wallet/wallet.rules';
import type { SpendingCaps } from './benefit-schedule';
import { fundShare } from './fund.rules';
import {
  type AccountSpendToday,
  type AccumulatorDelta,
  type Bill,
  type ProviderPayment,
  type SettlementInput,
  type SettlementPatient,
  type SettlementResult,
  VisitType,
  type YearToDate,
} from './settlement';
import { SettlementError, SettlementErrorCode } from './settlement.errors';

const ZERO = 0n as Fen;

/** Adds a signed delta to accumulators (settlement adds, cancellation and refunds subtract). */
export function applyAccumulatorDelta(ytd: YearToDate, delta: AccumulatorDelta): YearToDate {
  return {
    year: ytd.year,
    outpatientCovered: (ytd.outpatientCovered + delta.outpatientCovered) as Fen,
    outpatientFundPaid: (ytd.outpatientFundPaid + delta.outpatientFundPaid) as Fen,
    inpatientAdmissions: ytd.inpatientAdmissions + delta.inpatientAdmissions,
    inpatientFundPaid: (ytd.inpatientFundPaid + delta.inpatientFundPaid) as Fen,
    accountPaid: (ytd.accountPaid + delta.accountPaid) as Fen,
  };
}

/** The delta with every field negated (what a cancellation records). */
export function negateAccumulatorDelta(delta: AccumulatorDelta): AccumulatorDelta {
  return {
    year: delta.year,
    outpatientCovered: -delta.outpatientCovered as Fen,
    outpatientFundPaid: -delta.outpatientFundPaid as Fen,
    inpatientAdmissions: -delta.inpatientAdmissions,
    inpatientFundPaid: -delta.inpatientFundPaid as Fen,
    accountPaid: -delta.accountPaid as Fen,
  };
}

/** Zero accumulators of a year. */
export function emptyYearToDate(year: number): YearToDate {
  return {
    year,
    outpatientCovered: ZERO,
    outpatientFundPaid: ZERO,
    inpatientAdmissions: 0,
    inpatientFundPaid: ZERO,
    accountPaid: ZERO,
  };
}

/**
 * Out-of-region care (异地就医): the institution is outside the patient's insured pooling region (参保地). The one
 * notion behind R-KIN-6 (relatives' accounts out of region) and R-ACC-7 (cross-region direct settlement).
 */
export function isOutOfRegionCare(
  bill: { readonly institution: { readonly regionCode: string } },
  patient: { readonly regionCode: string },
): boolean {
  return bill.institution.regionCode !== patient.regionCode;
}

/**
 * R-ACC-7: the password-exempt channels apply only to the payments they name — REGISTRATION_FEE to the registration
 * fee (挂号费) of an outpatient/emergency visit, a bill of at most the policy's `maxRegistrationFee` (default
 * {@link DEFAULT_MAX_REGISTRATION_FEE}), CROSS_REGION_DIRECT to out-of-region care ({@link isOutOfRegionCare}).
 * Claimed for any other bill it is refused (`CHANNEL_NOT_APPLICABLE`, field `channel`) before any money moves, by
 * the quote and the confirmation alike. CARD and E_VOUCHER apply to every bill.
 */
export function assertChannelApplicableOrThrow(
  bill: Pick<Bill, 'channel' | 'visitType' | 'institution'> &
    Partial<Pick<Bill, 'covered' | 'outOfCatalogue' | 'excluded' | 'eVoucherShown'>>,
  patient: Pick<SettlementPatient, 'regionCode'>,
  maxRegistrationFee: Fen = DEFAULT_MAX_REGISTRATION_FEE,
  eVoucherCodeRequired = false,
): void {
  if (bill.channel === PaymentChannel.E_VOUCHER && eVoucherCodeRequired && !bill.eVoucherShown) {
    // Audit A #2: without the code the channel was only the portal's word, and no password was ever asked.
    throw new SettlementError(
      SettlementErrorCode.E_VOUCHER_CODE_REQUIRED,
      'R-ACC-7',
      'Payment by electronic voucher (医保电子凭证) needs the code the patient shows (eVoucherCode) in this region: without it pay by CARD with the password',
      ['eVoucherCode'],
    );
  }
  if (bill.channel === PaymentChannel.REGISTRATION_FEE && bill.visitType !== VisitType.OUTPATIENT) {
    throw new SettlementError(
      SettlementErrorCode.CHANNEL_NOT_APPLICABLE,
      'R-ACC-7',
      `The registration-fee channel (挂号费) applies only to an outpatient/emergency visit, not to this ${bill.visitType} bill`,
      ['channel'],
      { visitType: termParam('visitType', bill.visitType) },
    );
  }
  const total = (bill.covered ?? 0n) + (bill.outOfCatalogue ?? 0n) + (bill.excluded ?? 0n);
  if (bill.channel === PaymentChannel.REGISTRATION_FEE && total > maxRegistrationFee) {
    throw new SettlementError(
      SettlementErrorCode.CHANNEL_NOT_APPLICABLE,
      'R-ACC-7',
      `A bill of ${formatMoney(total as Fen)} is not a registration fee (挂号费, at most ${formatMoney(maxRegistrationFee)} in this region): pay it by CARD with the password or by E_VOUCHER`,
      ['channel'],
      { total: moneyParam(total), max: moneyParam(maxRegistrationFee) },
    );
  }
  if (bill.channel === PaymentChannel.CROSS_REGION_DIRECT && !isOutOfRegionCare(bill, patient)) {
    throw new SettlementError(
      SettlementErrorCode.CHANNEL_NOT_APPLICABLE,
      'R-ACC-7',
      `Cross-region direct settlement (异地就医直接结算) applies only to care outside the patient's insured region ${patient.regionCode}; the institution is in ${bill.institution.regionCode}`,
      ['channel'],
      {
        insuredRegion: regionParam(patient.regionCode),
        institutionRegion: regionParam(bill.institution.regionCode),
      },
    );
  }
}

function validateOrThrow(input: SettlementInput): void {
  const { bill, patient } = input;
  for (const field of ['covered', 'outOfCatalogue', 'excluded'] as const) {
    if (bill[field] < 0n) {
      throw new SettlementError(
        SettlementErrorCode.INVALID_AMOUNT,
        'R-SET-5',
        `A bill amount cannot be negative: ${formatMoney(bill[field])}`,
        [field],
        { amount: moneyParam(bill[field]) },
      );
    }
  }
  // R-SET-5: a bill with nothing to pay is empty, not "not positive" (catalogue entry INVALID_AMOUNT@R-SET-5).
  if (bill.covered + bill.outOfCatalogue + bill.excluded === 0n) {
    throw new SettlementError(
      SettlementErrorCode.INVALID_AMOUNT,
      'R-SET-5',
      'The bill is empty: its covered, out-of-catalogue and excluded amounts are all zero',
      ['covered'],
    );
  }
  if (!isIsoDate(bill.serviceDate)) {
    throw new SettlementError(
      SettlementErrorCode.INVALID_DATE,
      'R-SET-5',
      `"${bill.serviceDate}" is not a calendar date`,
      ['serviceDate'],
      { value: String(bill.serviceDate) },
    );
  }
  if (patient.birthDate && bill.serviceDate < patient.birthDate) {
    // Audit B: a bill of 2025-06-01 for a baby born in 2026 was settled from a parent's account.
    throw new SettlementError(
      SettlementErrorCode.SERVICE_BEFORE_BIRTH,
      'R-SET-5',
      `The service date ${bill.serviceDate} is before the patient was born (${patient.birthDate}, R-ACC-2)`,
      ['serviceDate'],
      { serviceDate: dateParam(bill.serviceDate), birthDate: dateParam(patient.birthDate) },
    );
  }
  if (!bill.institution.designated) {
    throw new SettlementError(
      SettlementErrorCode.NOT_DESIGNATED,
      'R-USE-1',
      `Institution ${bill.institution.id} is not designated (定点): it cannot settle medical-insurance bills`,
      ['institutionId'],
    );
  }
  const atPharmacy = bill.institution.kind === InstitutionKind.PHARMACY;
  if (atPharmacy !== (bill.visitType === VisitType.PHARMACY)) {
    throw new SettlementError(
      SettlementErrorCode.VISIT_TYPE_MISMATCH,
      'R-USE-1',
      `A ${bill.visitType} bill cannot be settled at a ${bill.institution.kind}`,
      ['visitType'],
      {
        visitType: termParam('visitType', bill.visitType),
        institutionKind: termParam('institutionKind', bill.institution.kind),
      },
    );
  }
  if (patient.insuranceType === InsuranceType.NONE) {
    throw new SettlementError(
      SettlementErrorCode.NOT_INSURED,
      'R-USE-1',
      'The patient is not insured in basic medical insurance',
      ['patientId'],
    );
  }
  assertChannelApplicableOrThrow(bill, patient, input.maxRegistrationFee, input.eVoucherCodeRequired);
  const year = Number(bill.serviceDate.slice(0, 4));
  if (input.yearToDate.year !== year) {
    throw new SettlementError(
      SettlementErrorCode.ACCUMULATOR_YEAR_MISMATCH,
      'R-SET-1',
      `Accumulators of ${input.yearToDate.year} passed for a bill of ${year}`,
      ['serviceDate'],
      { accumulatorYear: input.yearToDate.year, year },
    );
  }
  const ids = new Set<string>([patient.id]);
  for (const p of input.providers) {
    if (ids.has(p.personId)) {
      throw new SettlementError(
        SettlementErrorCode.INVALID_PROVIDERS,
        'R-KIN-4',
        `Provider ${p.personId} is listed twice or is the patient`,
        ['providers'],
      );
    }
    ids.add(p.personId);
  }
}

/** R-USE-6: how much the account may still pay under the optional caps (null = no cap is set). */
function capRoom(
  caps: SpendingCaps,
  spendToday: AccountSpendToday,
  ytd: YearToDate,
): { room: Fen | null; binding: string; bindingParams: ExplanationParams } {
  const candidates: [Fen | null, Fen, string, string][] = [
    [
      caps.perInstitutionPerDay,
      spendToday.atInstitution,
      'per-institution daily cap',
      'PER_INSTITUTION_PER_DAY',
    ],
    [
      caps.perDayAcrossInstitutions,
      spendToday.acrossInstitutions,
      'daily cap across institutions',
      'PER_DAY',
    ],
    [caps.perYear, ytd.accountPaid, 'yearly cap', 'PER_YEAR'],
  ];
  let room: Fen | null = null;
  let binding = '';
  let bindingParams: ExplanationParams = {};
  for (const [cap, used, name, kind] of candidates) {
    if (cap === null) continue;
    const left = maxFen(ZERO, (cap - used) as Fen);
    if (room === null || left < room) {
      room = left;
      binding = `${name} ${formatMoney(cap)}, ${formatMoney(used)} already paid from the account`;
      bindingParams = { capKind: termParam('capKind', kind), cap: moneyParam(cap), used: moneyParam(used) };
    }
  }
  return { room, binding, bindingParams };
}

/**
 * R-SET-5: a settlement pays for care already given — a bill confirmed for a service date after today (Beijing time)
 * is refused. A quote may look ahead (what a policy set for a later date will pay); money moves only for today or
 * earlier.
 */
export function assertServiceDateNotAfterTodayOrThrow(serviceDate: IsoDate, today: IsoDate): void {
  if (serviceDate > today) {
    throw new SettlementError(
      SettlementErrorCode.SERVICE_DATE_IN_FUTURE,
      'R-SET-5',
      `The service date ${serviceDate} is after today (${today}, Beijing time): only care already given is settled`,
      ['serviceDate'],
      { serviceDate: dateParam(serviceDate), today: dateParam(today) },
    );
  }
}

/**
 * Splits a medical bill between the fund, the personal accounts and cash — the single rule behind both the quote
 * and the confirmation (R-SET-5): a quote shows the result, a confirmation writes its postings.
 *
 * 1. R-USE-1: refuses non-designated institutions, a visit type the institution cannot settle, uninsured patients;
 *    R-ACC-7: a password-exempt channel the bill does not qualify for ({@link assertChannelApplicableOrThrow}).
 * 2. Fund share (R-SET-1/2/3, {@link fundShare}); personal share = total − fund.
 * 3. The account may pay the personal share except excluded items (R-USE-4: cash only), within the optional caps
 *    (R-USE-6: the rest in cash, not refused). Caps count all account money used for the patient.
 * 4. R-SET-4 order: own EARMARKED → own WALLET (R-WAL-7: designated institution of the insured region accepting the
 *    wallet) → providers' EARMARKED in registered order, each used up before the next (R-KIN-4: only once the own
 *    account is zero, which the order guarantees) → cash. Providers are skipped when mutual-aid use is not open
 *    (R-KIN-3), for out-of-region care without the "use" permission unless paid by electronic voucher (R-KIN-6), or
 *    one by one when the caller marks them unusable. LEGACY is never spent (R-ACC-5).
 *
 * Postings, in payment order (refunds rely on it): INSTITUTION +total, FUND_POOL −fund, own EARMARKED, own WALLET,
 * providers in order, CASH −cash (zero lines omitted).
 */
export function settleOrThrow(input: SettlementInput): SettlementResult {
  validateOrThrow(input);
  const { bill, patient } = input;
  const total = (bill.covered + bill.outOfCatalogue + bill.excluded) as Fen;
  const share = fundShare(bill, patient, input.yearToDate, input.schedule);
  const fundPay = share.fund;
  const personalShare = (total - fundPay) as Fen;
  const explanation: Explanation[] = [...share.explanation];

  const accountEligible = (personalShare - bill.excluded) as Fen;
  const { room, binding, bindingParams } = capRoom(input.caps, input.spendToday, input.yearToDate);
  let remaining = room === null ? accountEligible : minFen(accountEligible, room);
  if (remaining < accountEligible) {
    explanation.push(
      explain(
        'R-USE-6',
        `${binding}: account pays at most ${formatMoney(remaining)}; ${formatMoney((accountEligible - remaining) as Fen)} in cash`,
        'ACCOUNT_CAP',
        {
          ...bindingParams,
          max: moneyParam(remaining),
          cash: moneyParam((accountEligible - remaining) as Fen),
        },
      ),
    );
  }

  const ownEarmarked = minFen(remaining, input.own.earmarked);
  remaining = (remaining - ownEarmarked) as Fen;
  if (ownEarmarked > 0n)
    explanation.push(
      explain(
        'R-SET-4',
        `own account pays ${formatMoney(ownEarmarked)} of ${formatMoney(input.own.earmarked)}`,
        'OWN_ACCOUNT_PAID',
        { amount: moneyParam(ownEarmarked), balance: moneyParam(input.own.earmarked) },
      ),
    );

  let ownWallet = ZERO;
  if (remaining > 0n && input.own.wallet > 0n) {
    const payable = walletMayPay(bill.institution, patient.regionCode);
    if (payable.allowed) {
      ownWallet = minFen(remaining, input.own.wallet);
      remaining = (remaining - ownWallet) as Fen;
      explanation.push(
        explain(
          'R-SET-4',
          `own wallet pays ${formatMoney(ownWallet)} of ${formatMoney(input.own.wallet)}`,
          'OWN_WALLET_PAID',
          { amount: moneyParam(ownWallet), balance: moneyParam(input.own.wallet) },
        ),
      );
    } else {
      explanation.push(payable.explanation);
    }
  }

  const providers: ProviderPayment[] = [];
  if (remaining > 0n && input.providers.length > 0) {
    const outOfRegion = isOutOfRegionCare(bill, patient);
    if (!input.kinUseOpen) {
      explanation.push(
        explain(
          'R-KIN-3',
          "relatives' accounts not used: mutual-aid use is not open on this date",
          'KIN_NOT_USED_NOT_OPEN',
        ),
      );
    } else if (
      outOfRegion &&
      !patient.outOfRegionUsePermission &&
      bill.channel !== PaymentChannel.E_VOUCHER
    ) {
      explanation.push(
        explain(
          'R-KIN-6',
          "relatives' accounts not used: out-of-region care without the out-of-region use permission or the electronic voucher",
          'KIN_NOT_USED_OUT_OF_REGION',
        ),
      );
    } else {
      explanation.push(
        patient.insuranceType !== InsuranceType.EMPLOYEE
          ? // R-ACC-1: residents and flexible-employment participants have no personal account of their own, so
            // nothing was "used up" (only a wallet, when they hold one); relatives' accounts pay in registered order.
            ownWallet > 0n
            ? explain(
                'R-KIN-4',
                `no own account, own wallet used up after ${formatMoney(ownWallet)}; relatives' accounts in registered order for ${formatMoney(remaining)}`,
                'KIN_ORDER_NO_OWN_ACCOUNT',
                { wallet: moneyParam(ownWallet), amount: moneyParam(remaining) },
              )
            : explain(
                'R-KIN-4',
                `no own account; relatives' accounts in registered order for ${formatMoney(remaining)}`,
                'KIN_ORDER_NO_OWN_ACCOUNT',
                { amount: moneyParam(remaining) },
              )
          : explain(
              'R-KIN-4',
              `own account used up; relatives' accounts in registered order for ${formatMoney(remaining)}`,
              'KIN_ORDER',
              { amount: moneyParam(remaining) },
            ),
      );
      for (const provider of input.providers) {
        if (remaining === 0n) break;
        if (provider.usable === false) {
          explanation.push(
            provider.unusableBecause ??
              explain(
                'R-KIN-4',
                `provider ${provider.personId} skipped: not usable`,
                'KIN_PROVIDER_NOT_USABLE',
                {
                  provider: provider.personId,
                  ...(provider.position !== undefined ? { position: provider.position } : {}),
                },
              ),
          );
          continue;
        }
        const amount = minFen(remaining, provider.earmarked);
        if (amount === 0n) continue;
        remaining = (remaining - amount) as Fen;
        providers.push({ personId: provider.personId, amount });
        explanation.push(
          // Never the relative's balance: explanations are stored with the transaction and read by the portal that
          // settled, which may not read this person (API.md; a black-box tester read balances through quotes).
          explain(
            'R-KIN-4',
            `provider ${provider.personId} pays ${formatMoney(amount)}`,
            'KIN_PROVIDER_PAID',
            {
              provider: provider.personId,
              ...(provider.position !== undefined ? { position: provider.position } : {}),
              amount: moneyParam(amount),
            },
          ),
        );
      }
    }
  }

  const mulaid = sumFen(providers.map((p) => p.amount));
  const accountPaid = (ownEarmarked + ownWallet + mulaid) as Fen;
  const cash = (personalShare - accountPaid) as Fen;
  // R-SET-4 / R-WAL-7: the total line names the wallet when it paid: wallet only → "wallet", wallet and earmarked
  // accounts (own or relatives') → both; earmarked accounts only → "accounts" as always.
  const earmarkedPaid = (ownEarmarked + mulaid) as Fen;
  const accountsText =
    ownWallet === 0n
      ? `accounts ${formatMoney(accountPaid)}`
      : earmarkedPaid === 0n
        ? `wallet ${formatMoney(ownWallet)}`
        : `account ${formatMoney(earmarkedPaid)} + wallet ${formatMoney(ownWallet)}`;
  explanation.push(
    explain(
      'R-SET-4',
      `total ${formatMoney(total)} = fund ${formatMoney(fundPay)} + ${accountsText} + cash ${formatMoney(cash)}`,
      'SETTLEMENT_TOTAL',
      {
        total: moneyParam(total),
        fund: moneyParam(fundPay),
        accounts: moneyParam(accountPaid),
        ...(ownWallet > 0n ? { wallet: moneyParam(ownWallet) } : {}),
        ...(ownWallet > 0n && earmarkedPaid > 0n ? { account: moneyParam(earmarkedPaid) } : {}),
        cash: moneyParam(cash),
      },
    ),
  );

  const accumulatorDelta: AccumulatorDelta = {
    year: input.yearToDate.year,
    outpatientCovered: share.outpatientCovered,
    outpatientFundPaid: share.outpatientFundPaid,
    inpatientAdmissions: share.inpatientAdmissions,
    inpatientFundPaid: share.inpatientFundPaid,
    accountPaid,
  };
  const passwordRule = input.passwordRequired;
  const passwordRequired =
    accountPaid > 0n && (typeof passwordRule === 'function' ? passwordRule(accountPaid) : passwordRule);
  if (accountPaid > 0n)
    explanation.push(
      passwordRequired
        ? explain('R-ACC-7', "the patient's own payment password is required", 'PASSWORD_REQUIRED')
        : explain('R-ACC-7', 'no payment password is required', 'PASSWORD_NOT_REQUIRED'),
    );

  const postings: Posting[] = withoutZeroPostings([
    posting(systemAccount(SystemAccount.INSTITUTION, bill.institution.id), total),
    posting(systemAccount(SystemAccount.FUND_POOL), -fundPay),
    debitPocket(patient.id, PocketKind.EARMARKED, ownEarmarked),
    debitPocket(patient.id, PocketKind.WALLET, ownWallet),
    ...providers.map((p) => debitPocket(p.personId, PocketKind.EARMARKED, p.amount)),
    posting(systemAccount(SystemAccount.CASH), -cash),
  ]);

  return {
    kind: TransactionKind.SETTLEMENT,
    postings,
    explanation,
    total,
    fundPay,
    personalShare,
    ownEarmarked,
    ownWallet,
    providers,
    accountPaid,
    cash,
    passwordRequired,
    yearToDate: applyAccumulatorDelta(input.yearToDate, accumulatorDelta),
    accumulatorDelta,
    nhsa: {
      medfee_sumamt: total,
      fund_pay_sumamt: fundPay,
      psn_part_amt: personalShare,
      acct_pay: (ownEarmarked + ownWallet) as Fen,
      acct_mulaid_pay: mulaid,
      psn_cash_pay: cash,
      acct_mulaid_pay_items: providers.map((p) => ({ psn_no: p.personId, amount: p.amount })),
    },
  };
}
