import { parse } from 'graphql';
import { BoundedCache, BoundedDocumentStore, DOCUMENT_CACHE_LIMITS, documentBytes } from '../bounded-cache';
import { BoundedLabels } from '../metrics';

describe('BoundedCache', () => {
  const cache = () =>
    new BoundedCache<string>({ maxEntries: 3, maxBytes: 100, maxEntryBytes: 40, sizeOf: (v) => v.length });

  it('evicts the least recently used entry beyond its count', () => {
    const c = cache();
    c.set('a', '1');
    c.set('b', '2');
    c.set('c', '3');
    expect(c.get('a')).toBe('1'); // a is now the most recent
    c.set('d', '4');
    expect(c.size).toBe(3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe('1');
  });

  it('evicts beyond its byte budget and refuses an entry over its entry size', () => {
    const c = cache();
    c.set('a', 'x'.repeat(39));
    c.set('b', 'x'.repeat(39));
    c.set('c', 'x'.repeat(39)); // 120 bytes > 100: a goes
    expect(c.get('a')).toBeUndefined();
    expect(c.bytes).toBeLessThanOrEqual(100);
    expect(c.set('huge', 'x'.repeat(1000))).toBe(false);
    expect(c.get('huge')).toBeUndefined();
    expect(c.set('k'.repeat(41), '')).toBe(false); // the key counts too
  });

  it('replacing or deleting an entry keeps the byte count right', () => {
    const c = cache();
    c.set('a', 'xxxx');
    c.set('a', 'xx');
    expect(c.bytes).toBe(3);
    c.delete('a');
    expect(c.bytes).toBe(0);
    expect(c.size).toBe(0);
  });
});

describe('BoundedDocumentStore (Apollo documentStore)', () => {
  it('keeps small documents, never one whose query text is over 32 kB, and stays within its bounds', async () => {
    const store = new BoundedDocumentStore();
    const small = parse('query Small { __typename }');
    await store.set('small', small);
    expect(await store.get('small')).toBe(small);
    const big = parse(`query Z${'A'.repeat(DOCUMENT_CACHE_LIMITS.maxSourceLength)} { __typename }`);
    await store.set('big', big);
    expect(await store.get('big')).toBeUndefined();
    for (let i = 0; i < DOCUMENT_CACHE_LIMITS.maxEntries + 50; i += 1) {
      await store.set(`q${i}`, parse(`query Q${i} { __typename }`));
    }
    expect(store.cache.size).toBeLessThanOrEqual(DOCUMENT_CACHE_LIMITS.maxEntries);
    expect(store.cache.bytes).toBeLessThanOrEqual(DOCUMENT_CACHE_LIMITS.maxBytes);
  });

  it('estimates a document by its text and tokens, without JSON.stringify', () => {
    const text = '{ region(code: "110000") { code name } }';
    expect(documentBytes(parse(text))).toBeGreaterThan(2 * text.length);
  });
});

describe('BoundedLabels (metrics label values)', () => {
  it('admits short names up to its budget, anonymous ones up to theirs; the rest is "other"', () => {
    const labels = new BoundedLabels(5, /^[_A-Za-z][_0-9A-Za-z]{0,63}$/, 2);
    expect(labels.label('A1', true)).toBe('A1');
    expect(labels.label('A2', true)).toBe('A2');
    expect(labels.label('A3', true)).toBe('other'); // anonymous budget spent
    expect(labels.label('A1', true)).toBe('A1'); // known names stay themselves
    expect(labels.label('S1')).toBe('S1');
    expect(labels.label(`Z${'A'.repeat(400)}`)).toBe('other');
    expect(labels.label('not a name')).toBe('other');
    expect(labels.label('S2')).toBe('S2');
    expect(labels.label('S3')).toBe('S3');
    expect(labels.label('S4')).toBe('other'); // budget of 5 spent
    expect(labels.size).toBe(5);
  });
});
