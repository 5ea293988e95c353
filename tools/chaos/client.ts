/**
 * The chaos clients' HTTP side: one POST per attempt with a client timeout, and a classification of every answer
 * into what a careful portal may conclude from it (API.md): a payload (applied or refused: definitive), or an
 * unknown outcome (lost connection, timeout, 503, 429, a top-level internal error) to be retried with the SAME key.
 */

/** One API process the clients can reach. */
export interface ApiSlot {
  readonly name: string;
  url: string;
  /** Requests sent to it and not answered yet (the fault injector kills "mid-request" when > 0). */
  inflight: number;
  /** Until then (epoch ms) new requests go to the other process: this one lost a connection or timed out. */
  avoidUntil?: number;
}

export type Answer =
  | { readonly kind: 'payload'; readonly payload: Record<string, unknown> }
  /** A top-level error that is definitive (bad input, forbidden): the request itself is wrong. */
  | { readonly kind: 'rejected'; readonly code: string; readonly message: string }
  | { readonly kind: 'unknown'; readonly reason: string; readonly retryAfterMs: number };

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; retryAfterSeconds?: number } }[];
}

/** Codes after which the outcome of a money mutation is unknown: retry with the same key (API.md, issue #11). */
const RETRYABLE = new Set([
  'SERVICE_UNAVAILABLE',
  'REQUEST_TIMEOUT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
]);

export async function attempt(
  slot: ApiSlot,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  field: string,
  timeoutMs: number,
): Promise<Answer> {
  slot.inflight++;
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${slot.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await res.text();
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string } };
    const reason =
      e.name === 'TimeoutError' || e.name === 'AbortError'
        ? 'client timeout'
        : `network ${e.cause?.code ?? e.name ?? 'error'}`;
    return { kind: 'unknown', reason, retryAfterMs: 0 };
  } finally {
    slot.inflight--;
  }
  let body: GraphQLResponse;
  try {
    body = JSON.parse(text) as GraphQLResponse;
  } catch {
    return { kind: 'unknown', reason: `HTTP ${res.status} non-JSON`, retryAfterMs: 0 };
  }
  const payload = body.data?.[field];
  if (payload && typeof payload === 'object')
    return { kind: 'payload', payload: payload as Record<string, unknown> };
  const error = body.errors?.[0];
  const code = error?.extensions?.code ?? `HTTP_${res.status}`;
  const retryAfterMs =
    1000 * Number(error?.extensions?.retryAfterSeconds ?? res.headers.get('retry-after') ?? 0) || 0;
  if (RETRYABLE.has(code) || res.status >= 500 || res.status === 429)
    return { kind: 'unknown', reason: `HTTP ${res.status} ${code}`, retryAfterMs };
  return { kind: 'rejected', code, message: error?.message ?? text.slice(0, 200) };
}

/** Plain request for setup and checks (no classification): throws on a top-level error. */
export async function call<T>(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await res.json()) as GraphQLResponse;
  if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}
