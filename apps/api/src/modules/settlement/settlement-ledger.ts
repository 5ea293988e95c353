import {
  type AccumulatorDelta,
  type Fen,
  type LedgerAccount,
  type PocketKind,
  type Posting,
  type SystemAccount,
  pocketAccount,
  systemAccount,
} from '@gongji/domain';
import { type AccumulatorDelta as StoredAccumulatorDelta, type PostingEntity } from '@gongji/persistence';

/** The delta in the stored format of libs/persistence ledger-audit (fen as strings). */
export function toStoredDelta(delta: AccumulatorDelta): StoredAccumulatorDelta {
  return {
    year: delta.year,
    outpatientCovered: delta.outpatientCovered.toString(),
    outpatientFundPaid: delta.outpatientFundPaid.toString(),
    inpatientAdmissions: delta.inpatientAdmissions,
    inpatientFundPaid: delta.inpatientFundPaid.toString(),
    accountPaid: delta.accountPaid.toString(),
  };
}

export function fromStoredDelta(stored: StoredAccumulatorDelta): AccumulatorDelta {
  return {
    year: stored.year,
    outpatientCovered: BigInt(stored.outpatientCovered) as Fen,
    outpatientFundPaid: BigInt(stored.outpatientFundPaid) as Fen,
    inpatientAdmissions: stored.inpatientAdmissions,
    inpatientFundPaid: BigInt(stored.inpatientFundPaid) as Fen,
    accountPaid: BigInt(stored.accountPaid) as Fen,
  };
}

/** A stored posting row as the domain's posting (same account, same signed amount). */
export function toDomainPosting(p: PostingEntity): Posting {
  const account: LedgerAccount =
    p.accountType === 'POCKET'
      ? pocketAccount(p.personId as string, p.pocket as PocketKind)
      : systemAccount(p.systemAccount as SystemAccount, p.ref ?? undefined);
  return { account, amount: p.amount as Fen };
}
