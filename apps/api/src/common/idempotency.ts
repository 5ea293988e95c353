/**
 * The description every money mutation's `idempotencyKey` carries (API.md; issue #11): what a client must do when it
 * does not know whether its request was applied.
 */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Idempotency key (1–255 printable characters), unique per client and request: the same key with the same input ' +
  'returns the first result and moves no money twice; with another input it is refused (IDEMPOTENCY_KEY_REUSED). ' +
  'A top-level error (e.g. SERVICE_UNAVAILABLE, REQUEST_TIMEOUT, INTERNAL_SERVER_ERROR) or a lost connection means ' +
  'the outcome is UNKNOWN: retry with the SAME key — never a new one, which could pay twice.';
