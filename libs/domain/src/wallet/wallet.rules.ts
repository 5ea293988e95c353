import { type Fen, formatMoney } from '../money/money';
import { type LedgerDecision, PocketKind, TransactionKind } from '../ledger/ledger';
import { explain } from '../ledger/explain';
import { creditPocket, debitPocket } from '../ledger/ledger.rules';
import { InsuranceType, hasPersonalAccount } from '../person/person';
import type { Explanation } from '../shared/domain-error';
import { type IsoDate, onOrAfter } from '../shared/dates';
import {
  type UsageRegionChangeInput,
  type WalletActivateInput,
  type WalletActivation,
  type WalletPayee,
  WalletSource,
  type WalletTransferInput,
} from './wallet';
import { WalletError, WalletErrorCode } from './wallet.errors';

/** Mainland mobile number (11 digits starting 1[3-9]), the phone bound when confirming the wallet. */
const MOBILE_RE = /^1[3-9]\d{9}$/;

function requireOpen(regionWalletFrom: IsoDate | null, date: IsoDate, whose: string, field: string): void {
  if (!onOrAfter(date, regionWalletFrom)) {
    throw new WalletError(
      WalletErrorCode.WALLET_NOT_OPEN,
      'R-WAL-3',
      regionWalletFrom
        ? `The wallet opens in the ${whose} region on ${regionWalletFrom}, after ${date}`
        : `The wallet is not open in the ${whose} region`,
      [field],
    );
  }
}

/**
 * R-WAL-3..6: a transfer from the sender's own EARMARKED or WALLET into a near relative's WALLET.
 *
 * Refused unless: the amount is positive; the recipient is another person, a near relative in the WALLET_TRANSFER
 * scope (R-WAL-4) and insured in basic medical insurance anywhere (R-WAL-4); the wallet is open in both insured
 * regions on the date (R-WAL-3); both confirmed the wallet (R-WAL-5 — the seed's step 一 precedes step 二 for the
 * sender too); the source is the sender's own EARMARKED (needs a personal account, R-ACC-1) or WALLET, verified by
 * face check or code password (R-WAL-6); the balance covers the amount.
 */
export function walletTransferOrThrow(input: WalletTransferInput): LedgerDecision {
  const { from, to, amount, source, date } = input;
  if (amount <= 0n) {
    throw new WalletError(WalletErrorCode.INVALID_AMOUNT, 'R-WAL-6', 'The amount must be positive', [
      'amount',
    ]);
  }
  if (from.personId === to.personId) {
    throw new WalletError(
      WalletErrorCode.SELF_TRANSFER,
      'R-WAL-4',
      'A wallet transfer goes to a near relative, not to oneself',
      ['toPersonId'],
    );
  }
  if (input.relation === null || !input.relationInScope) {
    throw new WalletError(
      WalletErrorCode.NOT_NEAR_RELATIVE,
      'R-WAL-4',
      input.relation === null
        ? 'The recipient is not a registered relative of the sender'
        : `${input.relation} is not in the wallet-transfer kinship scope on ${date}`,
      ['toPersonId'],
    );
  }
  if (to.insuranceType === InsuranceType.NONE) {
    throw new WalletError(
      WalletErrorCode.NOT_INSURED,
      'R-WAL-4',
      'The recipient must be insured in basic medical insurance (any region)',
      ['toPersonId'],
    );
  }
  requireOpen(input.fromRegionWalletFrom, date, "sender's", 'fromPersonId');
  requireOpen(input.toRegionWalletFrom, date, "recipient's", 'toPersonId');
  if (!from.walletActivated || !to.walletActivated) {
    throw new WalletError(
      WalletErrorCode.WALLET_NOT_ACTIVATED,
      'R-WAL-5',
      `The ${from.walletActivated ? 'recipient' : 'sender'} has not confirmed the wallet (确认使用钱包)`,
      [from.walletActivated ? 'toPersonId' : 'fromPersonId'],
    );
  }
  if (source === WalletSource.EARMARKED && !hasPersonalAccount(from.insuranceType)) {
    throw new WalletError(
      WalletErrorCode.NO_PERSONAL_ACCOUNT,
      'R-ACC-1',
      'Only employee participants have a personal account to transfer from',
      ['source'],
    );
  }
  if (input.verification === null || !input.verified) {
    throw new WalletError(
      WalletErrorCode.VERIFICATION_REQUIRED,
      'R-WAL-6',
      'A transfer needs a successful face check or medical-insurance-code password',
      ['verification'],
    );
  }
  const pocket = source === WalletSource.EARMARKED ? PocketKind.EARMARKED : PocketKind.WALLET;
  const balance: Fen = source === WalletSource.EARMARKED ? from.earmarked : from.wallet;
  if (balance < amount) {
    throw new WalletError(
      WalletErrorCode.INSUFFICIENT_BALANCE,
      'R-WAL-6',
      `The ${pocket} balance ${formatMoney(balance)} is lower than ${formatMoney(amount)}`,
      ['amount'],
    );
  }
  return {
    kind: TransactionKind.WALLET_TRANSFER,
    postings: [
      debitPocket(from.personId, pocket, amount),
      creditPocket(to.personId, PocketKind.WALLET, amount),
    ],
    explanation: [
      explain('R-WAL-3', `wallet open in both regions on ${date}`),
      explain(
        'R-WAL-4',
        `recipient is the sender's ${input.relation}, a near relative insured in basic medical insurance`,
      ),
      explain('R-WAL-6', `${formatMoney(amount)} from own ${pocket}, verified by ${input.verification}`),
    ],
  };
}

/**
 * R-WAL-5: confirms the wallet (确认使用钱包) with a usage region and a bound mobile phone. The person must be insured
 * (anyone insured may hold a wallet, R-ACC-3) and the wallet open in the usage region on the date (R-WAL-3). A second
 * confirmation is refused: the usage region is changed with {@link changeUsageRegionOrThrow}.
 */
export function walletActivateOrThrow(input: WalletActivateInput): WalletActivation {
  if (input.existing) {
    throw new WalletError(
      WalletErrorCode.ALREADY_ACTIVATED,
      'R-WAL-5',
      `The wallet was confirmed on ${input.existing.activatedOn}; change the usage region instead`,
      ['personId'],
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
  if (!MOBILE_RE.test(input.phone)) {
    throw new WalletError(
      WalletErrorCode.INVALID_PHONE,
      'R-WAL-5',
      `"${input.phone}" is not a mainland mobile number`,
      ['phone'],
    );
  }
  requireOpen(input.usageRegionWalletFrom, input.date, 'usage', 'usageRegionCode');
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
        : 'This province does not offer usage-location change (使用地变更)',
      ['usageRegionCode'],
    );
  }
  if (input.newUsageRegionCode === current.usageRegionCode) {
    throw new WalletError(
      WalletErrorCode.SAME_USAGE_REGION,
      'R-WAL-5',
      `The usage region is already ${current.usageRegionCode}`,
      ['usageRegionCode'],
    );
  }
  requireOpen(input.newRegionWalletFrom, date, 'new usage', 'usageRegionCode');
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
      explanation: explain('R-WAL-7', 'wallet not used: institution is not designated'),
    };
  if (!payee.acceptsWallet)
    return {
      allowed: false,
      explanation: explain('R-WAL-7', 'wallet not used: institution does not accept the wallet'),
    };
  if (payee.regionCode !== insuredRegionCode)
    return {
      allowed: false,
      explanation: explain(
        'R-WAL-7',
        `wallet not used: institution region ${payee.regionCode} is not the insured region ${insuredRegionCode}`,
      ),
    };
  return {
    allowed: true,
    explanation: explain(
      'R-WAL-7',
      'wallet usable: designated institution of the insured region accepting the wallet',
    ),
  };
}
