/** Money strings of the API ("12.34") to integer fen and back; the harness never uses floating point for money. */
export function toFen(money: string): bigint {
  const m = /^(-)?(\d+)\.(\d{2})$/.exec(money);
  if (!m) throw new Error(`not a Money string: ${money}`);
  const fen = BigInt(m[2]) * 100n + BigInt(m[3]);
  return m[1] ? -fen : fen;
}

export function fromFen(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
