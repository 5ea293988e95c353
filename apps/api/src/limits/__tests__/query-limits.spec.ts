import 'reflect-metadata';
import { parse } from 'graphql';
import { measuredVariablesKey } from '../query-limits';

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
