import 'reflect-metadata';
import { buildSchema, parse, validate } from 'graphql';
import { SelectionLimitsRule, measuredVariablesKey } from '../query-limits';

/**
 * Issue #7/#8: an operation that passed the limits is remembered per parsed document and the values of the variables
 * that can change its measure, so a settlement (a new idempotency key every time) is measured once, while a page size
 * or a directive condition in a variable is measured per value.
 */
describe('measuredVariablesKey', () => {
  it('ignores variables that cannot change a measure (mutation inputs, idempotency keys)', () => {
    const doc = parse(
      'mutation($input: SettlementConfirmInput!) { settlementConfirm(input: $input) { userErrors { code } } }',
    );
    expect(measuredVariablesKey(doc, { input: { idempotencyKey: 'a' } })).toBe('');
    expect(measuredVariablesKey(doc, { input: { idempotencyKey: 'b' } })).toBe('');
  });

  it('keys on page sizes and cursors, wherever they are in the document (fragments too)', () => {
    const doc = parse(`query($n: Int, $after: String, $m: Int, $q: String) {
      persons(first: $n, after: $after, search: $q) { nodes { ...P } } }
      fragment P on Person { transactions(last: $m) { totalCount } }`);
    const a = measuredVariablesKey(doc, { n: 5, after: null, m: 3, q: 'x' });
    expect(measuredVariablesKey(doc, { n: 5, after: null, m: 3, q: 'y' })).toBe(a);
    expect(measuredVariablesKey(doc, { n: 50, after: null, m: 3, q: 'x' })).not.toBe(a);
    expect(measuredVariablesKey(doc, { n: 5, after: null, m: 30, q: 'x' })).not.toBe(a);
    // an absent cursor and a null one measure differently (`'after' in args`)
    expect(measuredVariablesKey(doc, { n: 5, m: 3, q: 'x' })).not.toBe(a);
  });

  it('keys on directive conditions (@include/@skip change the field count)', () => {
    const doc = parse('query($more: Boolean!, $id: ID!) { person(id: $id) { id name @include(if: $more) } }');
    const yes = measuredVariablesKey(doc, { more: true, id: '1' });
    expect(measuredVariablesKey(doc, { more: true, id: '2' })).toBe(yes);
    expect(measuredVariablesKey(doc, { more: false, id: '1' })).not.toBe(yes);
  });
});

/** Gateway audit 2: root fields and selections are counted while validating, before graphql-js's work budget. */
describe('SelectionLimitsRule', () => {
  const schema = buildSchema('type Query { a: Int b: Q } type Q { x: Int y: Int q: Q }');
  const refusals = (text: string) =>
    validate(schema, parse(text), [SelectionLimitsRule]).map((e) => ({
      message: e.message,
      code: e.extensions['code'],
    }));

  it('counts root fields first, then field selections with fragments expanded per use', () => {
    expect(refusals(`{ ${'a '.repeat(11)} }`)).toEqual([
      { message: '11 root fields exceed the limit of 10; split the request', code: 'QUERY_TOO_COMPLEX' },
    ]);
    // 4 spreads of a 70-field fragment: 1 + 4 × 70 = 281 selections, although the text has 71 fields.
    const fragment = `fragment F on Q { ${'x '.repeat(70)} }`;
    expect(refusals(`{ b { ...F ...F ...F ...F } } ${fragment}`)).toEqual([
      { message: '281 field selections exceed the limit of 250', code: 'QUERY_TOO_COMPLEX' },
    ]);
    expect(refusals(`{ b { ...F ...F } } ${fragment}`)).toEqual([]);
  });

  it('a fragment cycle counts 0 (validation refuses it elsewhere) and never loops', () => {
    expect(refusals('{ b { ...F } } fragment F on Q { q { ...F } }')).toEqual([]);
  });
});
