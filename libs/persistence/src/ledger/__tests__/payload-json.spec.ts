import fc from 'fast-check';
import { parsePayload, stringifyPayload } from '../ledger-writer';

/** The stored reply (issue #11: a payload is built from what the transaction wrote) survives JSON exactly. */
describe('stored reply JSON', () => {
  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    leaf: fc.oneof(
      fc.bigInt(),
      fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    ),
    node: fc.oneof(
      { depthSize: 'small' },
      tie('leaf'),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(
        fc.string().filter((k) => k !== '__proto__'),
        tie('node'),
        { maxKeys: 4 },
      ),
    ),
  })).node;

  it('bigint and Date round-trip through stringifyPayload/parsePayload, key order kept', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = stringifyPayload(v);
        expect(stringifyPayload(parsePayload(text))).toBe(text);
      }),
    );
  });

  it('encodes money and instants explicitly, and drops undefined fields', () => {
    const text = stringifyPayload({
      a: 12_345n,
      at: new Date('2026-12-02T00:00:00.000Z'),
      gone: undefined,
      n: [1n],
    });
    expect(text).toBe(
      '{"a":{"$bigint":"12345"},"at":{"$date":"2026-12-02T00:00:00.000Z"},"n":[{"$bigint":"1"}]}',
    );
    const back = parsePayload<{ a: bigint; at: Date; n: bigint[] }>(text);
    expect(back.a).toBe(12_345n);
    expect(back.at).toEqual(new Date('2026-12-02T00:00:00.000Z'));
    expect(back.n).toEqual([1n]);
  });
});
