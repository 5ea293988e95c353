import { type Fen, formatMoney } from '../money/money';
import {
  PocketKind,
  SystemAccount,
  TransactionKind,
  type LedgerDecision,
  systemAccount,
} from '../ledger/ledger';
import { explain } from '../ledger/explain';
import { debitPocket, posting } from '../ledger/ledger.rules';
import { KinPurpose, Relation } from '../kin/kin';
import { InsuranceType, hasPersonalAccount } from '../person/person';
import type { Explanation } from '../shared/domain-error';
import { type MessageParams, dateParam, moneyParam, regionParam, termParam } from '../messages/params';
import { type IsoDate, onOrAfter } from '../shared/dates';
import { WalletSource } from '../wallet/wallet';
import { walletUsableOnOrThrow } from '../wallet/wallet.rules';
import {
  ContributionScheme,
  type PremiumDecision,
  PremiumRegime,
  type ResidentContributionInput,
  SUPPLEMENTARY_PREMIUM_2021_FROM,
  type SupplementaryPremiumInput,
} from './premium';
import { PremiumError, PremiumErrorCode } from './premium.errors';

/** Relatives the 2021 regime allowed without registration: spouse, children, parents (seed 000). */
export const HISTORICAL_REGIME_RELATIONS: readonly Relation[] = Object.freeze([
  Relation.SPOUSE,
  Relation.CHILD,
  Relation.PARENT,
]);

/** The kinship-scope purpose of each contribution scheme (R-KIN-1). */
export const CONTRIBUTION_KIN_PURPOSE: Readonly<Record<ContributionScheme, KinPurpose>> = Object.freeze({
  [ContributionScheme.RESIDENT_BASIC]: KinPurpose.RESIDENT_CONTRIBUTION,
  [ContributionScheme.LONG_TERM_CARE]: KinPurpose.LONG_TERM_CARE,
});

/** ID numbers compare case-insensitively: the check digit X is sometimes typed as x. */
function sameIdNumber(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

/** R-ACC-1: only employee participants have a personal account to pay from. */
function requirePersonalAccount(payer: { readonly insuranceType: InsuranceType }): void {
  if (!hasPersonalAccount(payer.insuranceType)) {
    throw new PremiumError(
      PremiumErrorCode.NO_PERSONAL_ACCOUNT,
      'R-ACC-1',
      'Only employee participants have a personal account to pay from',
      ['payerId'],
    );
  }
}

/**
 * A relative paid for must be in the purpose's kinship scope on the date (R-KIN-1) and registered (备案) as the
 * payer's mutual-aid beneficiary (`registrationRule`: R-USE-3 for premiums, R-USE-2 for contributions).
 */
function requireRegisteredRelativeInScope(
  input: {
    readonly relation: Relation | null;
    readonly kinScope: readonly Relation[];
    readonly registered: boolean;
  },
  purpose: KinPurpose,
  date: IsoDate,
  registrationRule: string,
): void {
  if (input.relation === null || !input.kinScope.includes(input.relation)) {
    const scope = { purpose: termParam('purpose', purpose), on: dateParam(date) };
    throw new PremiumError(
      PremiumErrorCode.RELATION_NOT_IN_SCOPE,
      'R-KIN-1',
      input.relation === null
        ? `No registered relation links the insured to the payer: mutual aid for ${purpose} is for relatives only`
        : `${input.relation} is not in the kinship scope for ${purpose} on ${date}`,
      ['insuredId'],
      input.relation === null ? scope : { ...scope, relation: termParam('relation', input.relation) },
    );
  }
  if (!input.registered) {
    throw new PremiumError(
      PremiumErrorCode.NOT_REGISTERED,
      registrationRule,
      "The insured must be registered (备案) as the payer's mutual-aid beneficiary",
      ['insuredId'],
    );
  }
}

function requirePositive(amount: Fen): void {
  if (amount <= 0n) {
    throw new PremiumError(PremiumErrorCode.INVALID_AMOUNT, 'R-USE-3', 'The amount must be positive', [
      'amount',
    ]);
  }
}

/** Catalogue params of a "not open yet" refusal: the date asked and, when one is set, the opening date. */
function openingParams(from: IsoDate | null | undefined, on: IsoDate): MessageParams {
  return from ? { from: dateParam(from), on: dateParam(on) } : { on: dateParam(on) };
}

/** 足额支付: the pocket must cover the whole amount, otherwise nothing is charged. */
function requireFullPayment(balance: Fen, amount: Fen, pocket: PocketKind, rule: string): Explanation {
  if (balance < amount) {
    throw new PremiumError(
      PremiumErrorCode.INSUFFICIENT_BALANCE,
      rule,
      `The ${pocket} balance ${formatMoney(balance)} cannot pay the whole ${formatMoney(amount)} (足额支付); nothing is charged`,
      ['amount'],
      { pocket: termParam('pocket', pocket), balance: moneyParam(balance), amount: moneyParam(amount) },
    );
  }
  return explain(
    rule,
    `${pocket} balance ${formatMoney(balance)} covers the whole ${formatMoney(amount)}`,
    'FULL_PAYMENT',
    { pocket: termParam('pocket', pocket), balance: moneyParam(balance), amount: moneyParam(amount) },
  );
}

/**
 * R-USE-3 2021 regime: the insured must be the payer's spouse, child or parent (seed 000: 本人、配偶、子女、父母) —
 * with no registration (备案) needed, but on record: a kin relation between the two in either direction or a staff
 * attestation (`kinshipOnRecord`). Returns that relation, else refuses RELATION_NOT_IN_SCOPE (naming the relation on
 * record when there is one, e.g. a sibling).
 */
function historicalRegimeTieOrThrow(input: SupplementaryPremiumInput): Relation {
  const ties = input.kinshipOnRecord ?? (input.relation === null ? [] : [input.relation]);
  const tie = ties.find((r) => HISTORICAL_REGIME_RELATIONS.includes(r));
  if (tie) return tie;
  const other = ties[0];
  throw new PremiumError(
    PremiumErrorCode.RELATION_NOT_IN_SCOPE,
    'R-USE-3',
    other
      ? `Under the 2021 regime the account pays supplementary premiums for self, spouse, children and parents only, not for a ${other}`
      : 'Under the 2021 regime the account pays supplementary premiums for self, spouse, children and parents only; no kin relation between payer and insured is registered or attested at a counter',
    ['insuredId'],
    other ? { relation: termParam('relation', other) } : undefined,
  );
}

/**
 * R-USE-3: the 2021 regime is part of a region's own supplementary-premium scheme (本市补充医疗保险 — Beijing's: from
 * 2021-08-26 the historical balance paid, and from the book-entry account's start on 2022-09-01 the account pays for
 * oneself). It applies only where premium payment is configured (`selfFrom`, seeded for Beijing only) and was due
 * from the account's start at the latest (`selfFrom` ≤ `earmarkedFrom`): a region whose premiums open later had no
 * 2021 phase, and a region without a `selfFrom` has no premium payment at all (Suzhou, Qingdao… — audit finding).
 */
function historicalRegimeApplies(input: SupplementaryPremiumInput): boolean {
  return input.selfFrom !== null && (input.earmarkedFrom === null || input.selfFrom <= input.earmarkedFrom);
}

/**
 * The regime on a date: none where premium payment is not configured (`selfFrom` null) or before 2021-08-26; from
 * `earmarkedFrom` the 2022 one; before it the 2021 one where {@link historicalRegimeApplies}, else none.
 */
export function premiumRegimeOn(input: SupplementaryPremiumInput): PremiumRegime | null {
  if (input.selfFrom === null) return null;
  if (input.date < (input.historicalRegimeFrom ?? SUPPLEMENTARY_PREMIUM_2021_FROM)) return null;
  if (onOrAfter(input.date, input.earmarkedFrom)) return PremiumRegime.EARMARKED_2022;
  return historicalRegimeApplies(input) ? PremiumRegime.HISTORICAL_BALANCE_2021 : null;
}

/** Why no regime applies (premiumRegimeOn returned null): PREMIUM_NOT_OPEN, naming what is missing. */
function premiumNotOpen(input: SupplementaryPremiumInput): PremiumError {
  const { payer, date } = input;
  if (input.selfFrom === null) {
    return new PremiumError(
      PremiumErrorCode.PREMIUM_NOT_OPEN,
      'R-USE-3',
      `Supplementary premiums cannot be paid from the account in region ${payer.regionCode} on ${date}: payment is not configured there (no supplementaryPremiumSelfFrom)`,
      ['payerId'],
      { region: regionParam(payer.regionCode), on: dateParam(date) },
    );
  }
  if (date < (input.historicalRegimeFrom ?? SUPPLEMENTARY_PREMIUM_2021_FROM)) {
    return new PremiumError(
      PremiumErrorCode.PREMIUM_NOT_OPEN,
      'R-USE-3',
      `Premiums cannot be paid from the account on ${date}`,
      ['on'],
      { on: dateParam(date) },
    );
  }
  // Configured, but only after the book-entry account started: no 2021 phase here.
  return new PremiumError(
    PremiumErrorCode.PREMIUM_NOT_OPEN,
    'R-USE-3',
    `Premiums for oneself open on ${input.selfFrom}, after ${date}`,
    ['on'],
    openingParams(input.selfFrom, date),
  );
}

/**
 * R-USE-3: pays a supplementary medical-insurance premium (北京普惠健康保) from the payer's account, in full or not
 * at all.
 *
 * Which pocket pays (decision, from seed 000 and 001 Q4): under the 2021 regime (2021-08-26 until `earmarkedFrom`)
 * the historical balance (历年账户), i.e. LEGACY, for self, spouse, children and parents without registration, refused
 * when the passbook is linked to a bank card (R-ACC-6). From `earmarkedFrom` (2022-09-01) EARMARKED only — LEGACY is
 * then the freely withdrawable passbook, outside the account's uses — for self from `selfFrom`, for registered
 * relatives from `kinFrom` (2022-12-01) whose relation is in the SUPPLEMENTARY_PREMIUM scope (spouse/parents/children,
 * later all near relatives).
 *
 * Where premium payment is not configured in the payer's region (no `selfFrom`, e.g. Suzhou or Qingdao) every
 * premium is refused PREMIUM_NOT_OPEN: the 2021 regime is Beijing's scheme, not a fallback (see
 * {@link historicalRegimeApplies}).
 *
 * Always: a product code (INVALID_INPUT on `product` when blank); positive amount; the portal's ID number equals the
 * insured's registered ID; the payer is an employee participant (R-ACC-1), real-name verified; the insured is
 * insured (employee or resident) in the payer's region.
 */
export function payPremiumOrThrow(input: SupplementaryPremiumInput): PremiumDecision {
  const { payer, insured, amount, date } = input;
  if (input.productCode.trim() === '') {
    throw new PremiumError(
      PremiumErrorCode.INVALID_INPUT,
      'R-USE-3',
      'The product code of the supplementary insurance must not be empty: the premium is paid to that product',
      ['product'],
    );
  }
  requirePositive(amount);
  if (!sameIdNumber(input.insuredIdNumber, insured.idNumber)) {
    throw new PremiumError(
      PremiumErrorCode.ID_NUMBER_MISMATCH,
      'R-USE-3',
      "The ID number sent by the portal is not the insured's registered ID number",
      ['insuredIdNumber'],
    );
  }
  requirePersonalAccount(payer);
  if (!payer.realNameVerified) {
    throw new PremiumError(
      PremiumErrorCode.NOT_REAL_NAME_VERIFIED,
      'R-USE-3',
      'The payer must be real-name verified (name, ID number and phone) to pay from the account',
      ['payerId'],
    );
  }
  if (insured.insuranceType === InsuranceType.NONE) {
    throw new PremiumError(
      PremiumErrorCode.NOT_INSURED,
      'R-USE-3',
      'The insured must be insured in basic medical insurance',
      ['insuredId'],
    );
  }
  if (insured.regionCode !== payer.regionCode) {
    throw new PremiumError(
      PremiumErrorCode.OTHER_REGION,
      'R-USE-3',
      `The insured is insured in ${insured.regionCode}, not in the payer's region ${payer.regionCode}`,
      ['insuredId'],
      { region: regionParam(insured.regionCode) },
    );
  }
  const regime = premiumRegimeOn(input);
  if (regime === null) throw premiumNotOpen(input);
  const self = payer.personId === insured.personId;
  const explanation: Explanation[] = [];
  let pocket: PocketKind;
  let balance: Fen;
  if (regime === PremiumRegime.HISTORICAL_BALANCE_2021) {
    if (payer.passbookLinkedToBankCard) {
      throw new PremiumError(
        PremiumErrorCode.PASSBOOK_LINKED_TO_BANK_CARD,
        'R-ACC-6',
        'Before the book-entry account, a passbook linked to a bank card for free withdrawal cannot pay premiums',
        ['payerId'],
      );
    }
    const tie = self ? null : historicalRegimeTieOrThrow(input);
    pocket = PocketKind.LEGACY;
    balance = payer.legacy;
    explanation.push(
      explain(
        'R-USE-3',
        `2021 regime: historical balance pays for ${tie ?? 'self'}, no registration needed`,
        'PREMIUM_2021_REGIME',
        tie ? { relation: termParam('relation', tie) } : {},
      ),
    );
  } else {
    if (self) {
      if (!onOrAfter(date, input.selfFrom)) {
        throw new PremiumError(
          PremiumErrorCode.PREMIUM_NOT_OPEN,
          'R-USE-3',
          `Premiums for oneself open on ${input.selfFrom ?? 'a date not yet set'}, after ${date}`,
          ['on'],
          openingParams(input.selfFrom, date),
        );
      }
    } else {
      if (!onOrAfter(date, input.kinFrom)) {
        throw new PremiumError(
          PremiumErrorCode.KIN_PREMIUM_NOT_OPEN,
          'R-USE-3',
          `Premiums for relatives open on ${input.kinFrom ?? 'a date not yet set'}, after ${date}`,
          ['insuredId'],
          openingParams(input.kinFrom, date),
        );
      }
      requireRegisteredRelativeInScope(input, KinPurpose.SUPPLEMENTARY_PREMIUM, date, 'R-USE-3');
    }
    pocket = PocketKind.EARMARKED;
    balance = payer.earmarked;
    explanation.push(
      explain(
        'R-USE-3',
        `earmarked account pays for ${self ? 'self' : `registered ${input.relation}`}`,
        'PREMIUM_EARMARKED',
        self ? {} : { relation: termParam('relation', String(input.relation)) },
      ),
    );
  }
  explanation.push(requireFullPayment(balance, amount, pocket, 'R-USE-3'));
  return {
    kind: TransactionKind.PREMIUM,
    regime,
    pocket,
    postings: [
      debitPocket(payer.personId, pocket, amount),
      posting(systemAccount(SystemAccount.INSURER, input.productCode), amount),
    ],
    explanation,
  };
}

/**
 * R-USE-2: pays a resident basic medical insurance or long-term-care contribution.
 *
 * From EARMARKED (payer has a personal account, R-ACC-1): for self, or for a registered relative in the purpose's
 * kinship scope once mutual-aid use is open (R-KIN-3), insured in the same province (R-KIN-2 — an out-of-province
 * relative is helped through the wallet). From WALLET (R-WAL-7): the holder's own resident basic contribution only.
 * A RESIDENT_BASIC contribution for someone insured as an EMPLOYEE is refused (INSURED_AS_EMPLOYEE, R-USE-2): they
 * owe none; likewise for a FLEXIBLE participant (INSURED_AS_FLEXIBLE, R-USE-2 with R-ACC-1: 灵活就业 is part of the
 * employee scheme, not resident insurance). Only a resident-insured person (or one not yet insured, enrolling) owes it. LONG_TERM_CARE is not restricted that way: employees are covered by long-term care insurance as well.
 * Full payment only, like premiums (decision: a contribution is a fixed amount, a part payment is meaningless).
 */
export function payResidentContributionOrThrow(input: ResidentContributionInput): LedgerDecision {
  const { payer, insured, amount, date } = input;
  requirePositive(amount);
  // R-USE-2: a resident basic contribution is owed only by someone who is not insured as an employee (职工医保); the
  // employee scheme is paid through payroll. Long-term care insurance covers employees too (decision: its
  // contribution may be paid for anyone insured, self included — seed 002 lists 本人, and the payer is an employee).
  if (
    input.scheme === ContributionScheme.RESIDENT_BASIC &&
    insured.insuranceType === InsuranceType.EMPLOYEE
  ) {
    throw new PremiumError(
      PremiumErrorCode.INSURED_AS_EMPLOYEE,
      'R-USE-2',
      'The insured is insured as an employee (职工医保) and owes no resident basic medical insurance contribution',
      ['insuredId'],
    );
  }
  // R-USE-2 with R-ACC-1: a flexible-employment participant (灵活就业) is in the employee scheme too, as a separate
  // group without a personal account — not resident-insured, so no resident basic contribution is owed either.
  if (
    input.scheme === ContributionScheme.RESIDENT_BASIC &&
    insured.insuranceType === InsuranceType.FLEXIBLE
  ) {
    throw new PremiumError(
      PremiumErrorCode.INSURED_AS_FLEXIBLE,
      'R-USE-2',
      'The insured is insured as a flexible-employment participant (灵活就业, employee scheme) and owes no resident basic medical insurance contribution',
      ['insuredId'],
    );
  }
  const self = payer.personId === insured.personId;
  const explanation: Explanation[] = [];
  let pocket: PocketKind;
  let balance: Fen;
  if (input.source === WalletSource.WALLET) {
    if (!self || input.scheme !== ContributionScheme.RESIDENT_BASIC) {
      throw new PremiumError(
        PremiumErrorCode.WALLET_NOT_ALLOWED,
        'R-WAL-7',
        "Wallet money pays the holder's own resident basic medical insurance contribution only",
        ['source'],
      );
    }
    if (input.wallet) walletUsableOnOrThrow({ ...input.wallet, date, field: 'payerId' });
    pocket = PocketKind.WALLET;
    balance = payer.wallet;
    explanation.push(
      explain('R-WAL-7', 'own wallet pays own resident contribution', 'CONTRIBUTION_OWN_WALLET'),
    );
  } else {
    requirePersonalAccount(payer);
    if (!self) {
      // R-KIN-2 first: an out-of-province relative is never helped locally, whatever the payer region has opened.
      if (insured.provinceCode !== payer.provinceCode) {
        throw new PremiumError(
          PremiumErrorCode.OTHER_PROVINCE,
          'R-KIN-2',
          'Local mutual aid needs both insured in the same province; use a wallet transfer instead',
          ['insuredId'],
        );
      }
      if (!onOrAfter(date, input.kinUseFrom)) {
        throw new PremiumError(
          PremiumErrorCode.KIN_USE_NOT_OPEN,
          'R-KIN-3',
          `Mutual-aid use opens on ${input.kinUseFrom ?? 'a date not yet set'}, after ${date}`,
          ['on'],
          openingParams(input.kinUseFrom, date),
        );
      }
      requireRegisteredRelativeInScope(input, CONTRIBUTION_KIN_PURPOSE[input.scheme], date, 'R-USE-2');
    }
    pocket = PocketKind.EARMARKED;
    balance = payer.earmarked;
    explanation.push(
      explain(
        'R-USE-2',
        `earmarked account pays the ${input.scheme} contribution of ${self ? 'self' : input.relation}`,
        'CONTRIBUTION_EARMARKED',
        {
          scheme: termParam('contributionScheme', input.scheme),
          ...(self ? {} : { relation: termParam('relation', String(input.relation)) }),
        },
      ),
    );
  }
  explanation.push(requireFullPayment(balance, amount, pocket, 'R-USE-2'));
  return {
    kind: TransactionKind.RESIDENT_CONTRIBUTION,
    postings: [
      debitPocket(payer.personId, pocket, amount),
      posting(systemAccount(SystemAccount.CONTRIBUTION_COLLECTOR, input.scheme), amount),
    ],
    explanation,
  };
}
