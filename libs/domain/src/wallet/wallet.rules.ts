import { type Fen, formatMoney } from '../money/money';
import { type LedgerDecision, PocketKind, TransactionKind } from '../ledger/ledger';
import { explain } from '../ledger/explain';
import { creditPocket, debitPocket } from '../ledger/ledger.rules';
import { InsuranceType, hasPersonalAccount } from '../person/person';
import type { Explanation } from '../shared/domain-error';
import { dateParam, moneyParam, regionParam, termParam } from '../messages/params';
import { formatTerm } from '../messages/format';
import type { ExplanationParam } from '../messages/explanations';
import type { RelationEvidence } from '../kin/relations-on';
import { RefusalCollector, RefusalStage } from '../shared/refusals';
import { type IsoDate, onOrAfter } from '../shared/dates';
import {
  type UsageRegionChangeInput,
  type WalletActivateInput,
  type WalletActivation,
  type WalletPayee,
  WalletSource,
  type WalletTransferInput,
  type WalletUseOnInput,
} from './wallet';
import { WalletError, WalletErrorCode } from './wallet.errors';

/** Mainland mobile number (11 digits starting 1[3-9]), the phone bound when confirming the wallet. */
const MOBILE_RE = /^1[3-9]\d{9}$/;

/**
 * R-WAL-5: the phone bound to the wallet (or sent again with a usage-region change) is a mainland mobile number;
 * `INVALID_PHONE` otherwise.
 */
export function mobilePhoneOrThrow(phone: string): void {
  if (!MOBILE_RE.test(phone)) {
    throw new WalletError(
      WalletErrorCode.INVALID_PHONE,
      'R-WAL-5',
      `"${phone}" is not a mainland mobile number`,
      ['phone'],
      { phone },
    );
  }
}

/** Which region a WALLET_NOT_OPEN refusal is about, as the catalogue names it (`place` terms). */
const PLACE_OF: Readonly<Record<string, string>> = {
  "sender's": 'senderRegion',
  "recipient's": 'recipientRegion',
  usage: 'usageRegion',
  'new usage': 'newUsageRegion',
  insured: 'insuredRegion',
};

function notOpen(
  regionWalletFrom: IsoDate | null,
  date: IsoDate,
  whose: string,
  field: string,
  regionCode?: string,
  rule = 'R-WAL-3',
): WalletError {
  return new WalletError(
    WalletErrorCode.WALLET_NOT_OPEN,
    rule,
    regionWalletFrom
      ? `The wallet opens in the ${whose} region on ${regionWalletFrom}, after ${date}`
      : `The wallet is not open in the ${whose} region on ${date}`,
    [field],
    {
      place: termParam('place', PLACE_OF[whose] ?? whose),
      on: dateParam(date),
      ...(regionWalletFrom ? { from: dateParam(regionWalletFrom) } : {}),
      ...(regionCode ? { region: regionParam(regionCode) } : {}),
    },
  );
}

function requireOpen(
  regionWalletFrom: IsoDate | null,
  date: IsoDate,
  whose: string,
  field: string,
  regionCode?: string,
  rule?: string,
): void {
  if (!onOrAfter(date, regionWalletFrom))
    throw notOpen(regionWalletFrom, date, whose, field, regionCode, rule);
}

/** R-WAL-5: the wallet was confirmed on `activatedOn`, after the decision date — it cannot be used on `date`. */
function confirmedAfter(activatedOn: IsoDate, date: IsoDate, field: string): WalletError {
  return new WalletError(
    WalletErrorCode.WALLET_NOT_ACTIVATED,
    'R-WAL-5',
    `The wallet was confirmed on ${activatedOn}, after ${date}`,
    [field],
    { activatedOn: dateParam(activatedOn), on: dateParam(date) },
  );
}

/** The wallet was confirmed after `date` (R-WAL-5: confirmed before use); `false` when not dated. */
function confirmedLater(activatedOn: IsoDate, date: IsoDate): boolean {
  return date < activatedOn;
}

/**
 * R-WAL-7: the usage region lies in the insured province — wallet funds pay at institutions of the insured region,
 * and a usage-location change (使用地变更, R-WAL-5) moves within the province (seed 004: 参保地定点医药机构).
 */
function requireInsuredProvince(usageRegionCode: string, usageProvinceCode: string, insuredProvince: string) {
  if (usageProvinceCode !== insuredProvince) {
    throw new WalletError(
      WalletErrorCode.OUT_OF_PROVINCE,
      'R-WAL-7',
      `The usage region ${usageRegionCode} is outside the insured province ${insuredProvince}`,
      ['usageRegionCode'],
      { region: regionParam(usageRegionCode), insuredProvince: regionParam(insuredProvince) },
    );
  }
}

/**
 * R-WAL-5/R-WAL-7 as of the decision date: wallet money is used (a resident contribution paid from WALLET) only once
 * the wallet is open in the holder's insured region and the holder confirmed it, both on or before `date` (staff may
 * decide on a past date). Refuses WALLET_NOT_OPEN (naming the opening date) or WALLET_NOT_ACTIVATED (naming the
 * confirmation date).
 */
export function walletUsableOnOrThrow(input: WalletUseOnInput): void {
  const { date, field } = input;
  requireOpen(input.insuredRegionWalletFrom, date, 'insured', field, input.insuredRegionCode, 'R-WAL-7');
  if (input.activatedOn === null) {
    throw new WalletError(
      WalletErrorCode.WALLET_NOT_ACTIVATED,
      'R-WAL-5',
      'The wallet has not been confirmed (确认使用钱包)',
      [field],
    );
  }
  if (confirmedLater(input.activatedOn, date)) throw confirmedAfter(input.activatedOn, date, field);
}

/**
 * R-WAL-3..6: a transfer from the sender's own EARMARKED or WALLET into a near relative's WALLET.
 *
 * Every applicable refusal is returned at once, most fundamental first (issue #9): what the request names (amount,
 * self-transfer), then dates and rollout (the wallet open in both insured regions on the date, R-WAL-3 — so a
 * transfer before the national launch cites R-WAL-3, not the relative's scope), then scope (a relation established
 * for the sender and in the WALLET_TRANSFER scope, the recipient insured, both wallets confirmed, R-WAL-4/5, a
 * personal account for an EARMARKED source, R-ACC-1), then money (verification by face check or code password and
 * the balance, R-WAL-6).
 */
export function walletTransferOrThrow(input: WalletTransferInput): LedgerDecision {
  const { from, to, amount, source, date } = input;
  const refusals = new RefusalCollector();
  refusals.check(
    amount > 0n,
    RefusalStage.EXISTENCE,
    () =>
      new WalletError(WalletErrorCode.INVALID_AMOUNT, 'R-WAL-6', 'The amount must be positive', ['amount']),
  );
  refusals.check(
    from.personId !== to.personId,
    RefusalStage.EXISTENCE,
    () =>
      new WalletError(
        WalletErrorCode.SELF_TRANSFER,
        'R-WAL-4',
        'A wallet transfer goes to a near relative, not to oneself',
        ['toPersonId'],
      ),
  );
  const fromOpen = refusals.check(onOrAfter(date, input.fromRegionWalletFrom), RefusalStage.DATES, () =>
    notOpen(input.fromRegionWalletFrom, date, "sender's", 'fromPersonId'),
  );
  const toOpen = refusals.check(onOrAfter(date, input.toRegionWalletFrom), RefusalStage.DATES, () =>
    notOpen(input.toRegionWalletFrom, date, "recipient's", 'toPersonId'),
  );
  // R-WAL-5 as of the date: a wallet confirmed after `date` neither sends nor receives on it. Where the region's
  // wallet was not open that day, WALLET_NOT_OPEN above already says why.
  const confirmedOn = [
    [from, fromOpen, 'fromPersonId'],
    [to, toOpen, 'toPersonId'],
  ] as const;
  for (const [party, regionOpen, field] of confirmedOn) {
    const activatedOn = party.walletActivatedOn ?? null;
    if (regionOpen && party.walletActivated && activatedOn !== null && confirmedLater(activatedOn, date))
      refusals.add(RefusalStage.DATES, confirmedAfter(activatedOn, date, field));
  }
  if (from.personId === to.personId) {
    // a self-transfer has no relation to check (refused above)
  } else if (input.relationEstablished === false) {
    refusals.add(RefusalStage.SCOPE, notEstablished(input.relation));
  } else if (fromOpen) {
    // R-WAL-1/3: before the wallet opens in the sender's region (e.g. before the national launch, 2024-12-02) there
    // is no wallet-transfer kinship scope to be in: WALLET_NOT_OPEN is the reason, not NOT_NEAR_RELATIVE.
    refusals.check(
      input.relation !== null && input.relationInScope,
      RefusalStage.SCOPE,
      () =>
        new WalletError(
          WalletErrorCode.NOT_NEAR_RELATIVE,
          'R-WAL-4',
          input.relation === null
            ? 'The recipient is not a registered relative of the sender'
            : `The ${input.relation} relation is not in the wallet-transfer kinship scope on ${date}`,
          ['toPersonId'],
          input.relation === null
            ? undefined
            : { relation: termParam('relation', input.relation), on: dateParam(date) },
        ),
    );
  }
  refusals.check(
    to.insuranceType !== InsuranceType.NONE,
    RefusalStage.SCOPE,
    () =>
      new WalletError(
        WalletErrorCode.NOT_INSURED,
        'R-WAL-4',
        'The recipient must be insured in basic medical insurance (any region)',
        ['toPersonId'],
      ),
  );
  refusals.check(
    from.walletActivated,
    RefusalStage.SCOPE,
    () =>
      new WalletError(
        WalletErrorCode.WALLET_NOT_ACTIVATED,
        'R-WAL-5',
        'The sender has not confirmed the wallet (确认使用钱包)',
        ['fromPersonId'],
      ),
  );
  refusals.check(
    to.walletActivated,
    RefusalStage.SCOPE,
    () =>
      new WalletError(
        WalletErrorCode.WALLET_NOT_ACTIVATED,
        'R-WAL-5',
        'The recipient has not confirmed the wallet (确认使用钱包)',
        ['toPersonId'],
      ),
  );
  const accountOk = refusals.check(
    source !== WalletSource.EARMARKED || hasPersonalAccount(from.insuranceType),
    RefusalStage.SCOPE,
    () =>
      new WalletError(
        WalletErrorCode.NO_PERSONAL_ACCOUNT,
        'R-ACC-1',
        'Only employee participants have a personal account to transfer from',
        ['source'],
      ),
  );
  refusals.check(
    input.verification !== null && input.verified,
    RefusalStage.MONEY,
    () =>
      new WalletError(
        WalletErrorCode.VERIFICATION_REQUIRED,
        'R-WAL-6',
        'A transfer needs a successful face check or medical-insurance-code password',
        ['verification'],
      ),
  );
  const pocket = source === WalletSource.EARMARKED ? PocketKind.EARMARKED : PocketKind.WALLET;
  const balance: Fen = source === WalletSource.EARMARKED ? from.earmarked : from.wallet;
  // Without a personal account there is no EARMARKED balance to compare: NO_PERSONAL_ACCOUNT is the one reason.
  refusals.check(
    !accountOk || amount <= 0n || balance >= amount,
    RefusalStage.MONEY,
    () =>
      new WalletError(
        WalletErrorCode.INSUFFICIENT_BALANCE,
        'R-WAL-6',
        `The ${pocket} balance ${formatMoney(balance)} is lower than ${formatMoney(amount)}`,
        ['amount'],
        { pocket: termParam('pocket', pocket), balance: moneyParam(balance), amount: moneyParam(amount) },
      ),
  );
  refusals.throwIfAny();
  return {
    kind: TransactionKind.WALLET_TRANSFER,
    postings: [
      debitPocket(from.personId, pocket, amount),
      creditPocket(to.personId, PocketKind.WALLET, amount),
    ],
    explanation: [
      explain('R-WAL-3', `wallet open in both regions on ${date}`, 'WALLET_OPEN_BOTH', {
        on: dateParam(date),
      }),
      explain(
        'R-WAL-4',
        `recipient is the sender's ${input.relation}, a near relative insured in basic medical insurance${input.relationEvidence ? ` (${evidenceText(input.relationEvidence)})` : ''}`,
        'WALLET_NEAR_RELATIVE',
        {
          relation: termParam('relation', String(input.relation)),
          ...(input.relationEvidence ? { evidence: evidenceLine(input.relationEvidence) } : {}),
        },
      ),
      explain(
        'R-WAL-6',
        `${formatMoney(amount)} from own ${pocket}, verified by ${input.verification}`,
        'WALLET_TRANSFER_SOURCE',
        {
          amount: moneyParam(amount),
          pocket: termParam('pocket', pocket),
          verification: termParam('verification', String(input.verification)),
        },
      ),
    ],
  };
}

/** R-WAL-4: the declared relation is neither registered nor attested. */
function notEstablished(relation: WalletTransferInput['relation']): WalletError {
  return new WalletError(
    WalletErrorCode.RELATION_NOT_ESTABLISHED,
    'R-WAL-4',
    `No ${relation ?? 'relation'} of the sender to the recipient is on record: register the relation or have counter staff record the evidence (户口簿, 结婚证, 出生医学证明…)`,
    ['relation'],
    relation ? { relation: termParam('relation', relation) } : undefined,
  );
}

/**
 * R-WAL-5: confirms the wallet (确认使用钱包) with a usage region and a bound mobile phone. The person must be insured
 * (anyone insured may hold a wallet, R-ACC-3), the wallet open in the insured region on the date, the usage region in
 * the insured province (R-WAL-7) and the wallet open there (R-WAL-3). A second
 * confirmation is refused: the usage region is changed with {@link changeUsageRegionOrThrow}.
 */
export function walletActivateOrThrow(input: WalletActivateInput): WalletActivation {
  if (input.existing) {
    throw new WalletError(
      WalletErrorCode.ALREADY_ACTIVATED,
      'R-WAL-5',
      `The wallet was confirmed on ${input.existing.activatedOn}; change the usage region instead`,
      ['personId'],
      { activatedOn: dateParam(input.existing.activatedOn) },
    );
  }
  if (input.insuranceType === InsuranceType.NONE) {
    throw new WalletError(
      WalletErrorCode.NOT_INSURED,
      'R-WAL-4',
      'Only people insured in basic medical insurance may hold a wallet',
      ['personId'],
    );
  }
  mobilePhoneOrThrow(input.phone);
  // Confirmation is possible only where the wallet is open: the insured region (R-WAL-5/7; its wallet is where the
  // money is used), and a usage region in the insured province (seed 004: 参保地定点医药机构).
  requireOpen(
    input.insuredRegionWalletFrom,
    input.date,
    'insured',
    'personId',
    input.insuredRegionCode,
    'R-WAL-5',
  );
  requireInsuredProvince(input.usageRegionCode, input.usageProvinceCode, input.insuredProvinceCode);
  requireOpen(input.usageRegionWalletFrom, input.date, 'usage', 'usageRegionCode', input.usageRegionCode);
  return {
    personId: input.personId,
    usageRegionCode: input.usageRegionCode,
    phone: input.phone,
    activatedOn: input.date,
  };
}

/**
 * R-WAL-5: changes the wallet's usage region, only where the province offers it on that date (the 6 provinces of
 * R-WAL-2, configured as `usageLocationChangeFrom`) and only into a region where the wallet is open.
 */
export function changeUsageRegionOrThrow(input: UsageRegionChangeInput): WalletActivation {
  const { current, date } = input;
  if (!current) {
    throw new WalletError(
      WalletErrorCode.WALLET_NOT_ACTIVATED,
      'R-WAL-5',
      'The wallet must be confirmed before its usage region can change',
      ['personId'],
    );
  }
  if (!onOrAfter(date, input.usageChangeFrom)) {
    throw new WalletError(
      WalletErrorCode.USAGE_CHANGE_NOT_OFFERED,
      'R-WAL-5',
      input.usageChangeFrom
        ? `Usage-location change is offered from ${input.usageChangeFrom}, after ${date}`
        : `The province ${input.insuredProvinceCode} does not offer usage-location change on ${date}`,
      ['usageRegionCode'],
      // R-WAL-5: the refusal names the province (the wallet stays in the insured province, R-WAL-7) and the date.
      input.usageChangeFrom
        ? { from: dateParam(input.usageChangeFrom), on: dateParam(date) }
        : { province: regionParam(input.insuredProvinceCode), on: dateParam(date) },
    );
  }
  if (input.newUsageRegionCode === current.usageRegionCode) {
    throw new WalletError(
      WalletErrorCode.SAME_USAGE_REGION,
      'R-WAL-5',
      `The usage region is already ${current.usageRegionCode}`,
      ['usageRegionCode'],
      { region: regionParam(current.usageRegionCode) },
    );
  }
  requireInsuredProvince(input.newUsageRegionCode, input.newUsageProvinceCode, input.insuredProvinceCode);
  requireOpen(input.newRegionWalletFrom, date, 'new usage', 'usageRegionCode', input.newUsageRegionCode);
  return { ...current, usageRegionCode: input.newUsageRegionCode, activatedOn: date };
}

/** Answer of {@link walletMayPay}. */
export interface WalletPayability {
  readonly allowed: boolean;
  readonly explanation: Explanation;
}

/**
 * R-WAL-7: wallet money pays self-pay medical costs only at designated institutions of the holder's insured region
 * that accept wallet payment. Settlement (R-SET-4) asks this before drawing on the patient's WALLET.
 */
export function walletMayPay(payee: WalletPayee, insuredRegionCode: string): WalletPayability {
  if (!payee.designated)
    return {
      allowed: false,
      explanation: explain(
        'R-WAL-7',
        'wallet not used: institution is not designated',
        'WALLET_NOT_DESIGNATED',
      ),
    };
  if (!payee.acceptsWallet)
    return {
      allowed: false,
      explanation: explain(
        'R-WAL-7',
        'wallet not used: institution does not accept the wallet',
        'WALLET_NOT_ACCEPTED',
      ),
    };
  if (payee.regionCode !== insuredRegionCode)
    return {
      allowed: false,
      explanation: explain(
        'R-WAL-7',
        `wallet not used: institution region ${payee.regionCode} is not the insured region ${insuredRegionCode}`,
        'WALLET_OTHER_REGION',
        { institutionRegion: regionParam(payee.regionCode), insuredRegion: regionParam(insuredRegionCode) },
      ),
    };
  return {
    allowed: true,
    explanation: explain(
      'R-WAL-7',
      'wallet usable: designated institution of the insured region accepting the wallet',
      'WALLET_USABLE',
    ),
  };
}

/** R-WAL-4's evidence in English words (the explanation's `message`). */
function evidenceText(how: RelationEvidence): string {
  return how.kind === 'REGISTERED'
    ? 'registered kin relation'
    : `attested by counter staff (${formatTerm('evidenceKind', how.evidenceKind, 'en')}, ${how.checkedOn})`;
}

/** R-WAL-4's evidence as a nested explanation line, rendered in the reader's language. */
function evidenceLine(how: RelationEvidence): ExplanationParam {
  return how.kind === 'REGISTERED'
    ? { kind: 'line', code: 'RELATION_REGISTERED', message: evidenceText(how) }
    : {
        kind: 'line',
        code: 'RELATION_ATTESTED',
        params: {
          evidenceKind: termParam('evidenceKind', how.evidenceKind),
          checkedOn: dateParam(how.checkedOn),
        },
        message: evidenceText(how),
      };
}
