// A person's own share of a transaction on their statement (R-KIN-4, R-SET-6): the sum of the postings to this
// person's pockets, signed. A relative who paid part of a patient's bill sees what left their account, not the bill.

interface PostingLike {
  readonly personId: string | null;
  readonly pocket: string | null;
  readonly amount: string;
}

/** "-1605.50" → -160550 fen (a Money string of the API: optional sign, two decimals). */
function fenOf(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new Error(`not a Money value: ${amount}`);
  const fen = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

function moneyOf(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/**
 * The signed sum (a Money string) of the postings to `personId`'s pockets, or null when the transaction moved none
 * of them (or its postings were not read).
 */
export function ownAmount(postings: ReadonlyArray<PostingLike> | undefined, personId: string): string | null {
  const own = (postings ?? []).filter((p) => p.pocket && p.personId === personId);
  if (own.length === 0) return null;
  return moneyOf(own.reduce((sum, p) => sum + fenOf(p.amount), 0n));
}
