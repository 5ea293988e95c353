import type { DocumentNode } from 'graphql';

/**
 * A least-recently-used cache bounded by entry count AND by an estimate of its bytes, that refuses keys and values
 * above a size (they are simply not kept). Every cache the gateway keeps of something a caller sends (parsed
 * documents, persisted operations) is one of these: distinct huge documents (an anonymous caller may send 500 kB
 * each) then cost a bounded amount of memory, never one entry each (the auditor's 400 requests of 400 kB operation
 * names grew the process by 450 MB).
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private totalBytes = 0;

  constructor(
    readonly options: {
      /** Most entries kept. */
      readonly maxEntries: number;
      /** Most bytes kept (the sum of `sizeOf` of the values, keys included). */
      readonly maxBytes: number;
      /** A value (or key) larger than this is not kept. */
      readonly maxEntryBytes: number;
      /** An estimate of a value's bytes. */
      readonly sizeOf: (value: V) => number;
    },
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last (Map keeps insertion order).
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` under `key` unless either is too large; evicts the least recently used entries beyond the bounds. */
  set(key: string, value: V): boolean {
    const bytes = key.length + this.options.sizeOf(value);
    this.delete(key);
    if (bytes > this.options.maxEntryBytes || bytes > this.options.maxBytes) return false;
    this.entries.set(key, { value, bytes });
    this.totalBytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.totalBytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.totalBytes -= entry.bytes;
    }
    return true;
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }
}

/** Parsed documents kept (Apollo's document store): far above the console's and the portals' distinct queries. */
export const DOCUMENT_CACHE_LIMITS = {
  maxEntries: 1_000,
  /** Estimated bytes of the parsed documents kept (source text, tokens and AST). */
  maxBytes: 32 * 1024 * 1024,
  /** A query text longer than this (32 kB, far above any real query) is parsed again for each request. */
  maxSourceLength: 32 * 1024,
} as const;

/** Estimated bytes per lexical token of a parsed document (its Token, Location and AST node objects). */
const BYTES_PER_TOKEN = 256;

/**
 * The estimated memory of a parsed document: its source text (kept by `loc`) and about {@link BYTES_PER_TOKEN} per
 * token (graphql-js keeps the whole token list, linked from every node's location). Never `JSON.stringify` (Apollo's
 * default), which costs a walk of the whole document per store.
 */
export function documentBytes(document: DocumentNode): number {
  const source = document.loc?.source.body ?? '';
  let tokens = 0;
  for (let token = document.loc?.startToken ?? null; token; token = token.next) tokens += 1;
  return 2 * source.length + BYTES_PER_TOKEN * tokens;
}

/** Whether a document's query text is small enough to be cached (and compiled: see executor.ts). */
export function isCacheableDocument(document: DocumentNode): boolean {
  return (document.loc?.source.body.length ?? 0) <= DOCUMENT_CACHE_LIMITS.maxSourceLength;
}

/**
 * Apollo Server's `documentStore` (parsed and validated documents by query hash), bounded: at most
 * {@link DOCUMENT_CACHE_LIMITS} entries and bytes, and no document whose query text is over 32 kB. Apollo's default
 * store is bounded only by the JSON length of the documents (30 MB of JSON: several times that in memory).
 */
export class BoundedDocumentStore {
  readonly cache = new BoundedCache<DocumentNode>({
    maxEntries: DOCUMENT_CACHE_LIMITS.maxEntries,
    maxBytes: DOCUMENT_CACHE_LIMITS.maxBytes,
    maxEntryBytes: DOCUMENT_CACHE_LIMITS.maxBytes,
    sizeOf: documentBytes,
  });

  async get(key: string): Promise<DocumentNode | undefined> {
    return this.cache.get(key);
  }

  async set(key: string, value: DocumentNode): Promise<void> {
    if (isCacheableDocument(value)) this.cache.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.cache.delete(key);
  }
}
