// Idempotency keys of the money dialogs (refund, cancellation; API.md): the SAME key only to retry the identical
// request whose outcome is unknown (lost connection, timeout, server error) — so a retry never pays twice — and a
// NEW key for any other input, after a refusal and after success (issue: a corrected refund amount was refused with
// IDEMPOTENCY_KEY_REUSED because the dialog reused the refused attempt's key).
import { HttpError } from 'ra-core';
import type { UserError } from '../data/graphqlTypes';

export interface RequestKeys {
  /** The key to send with `input` (compared as JSON): the pending one if it was for this very input, else a new one. */
  keyFor(input: Record<string, unknown>): string;
  /** After an attempt: forget the key unless the outcome is unknown (then a retry of the same input reuses it). */
  settle(error?: unknown): void;
}

/**
 * True when the server answered for certain: success, a refusal (userErrors or a rejected input, 400), or the
 * request was not let in (401/403). False for a lost connection or a server error — the money may have moved.
 */
export function outcomeKnown(error: unknown): boolean {
  if (error === undefined) return true;
  return error instanceof HttpError && [400, 401, 403].includes(error.status);
}

export function requestKeys(newKey: () => string): RequestKeys {
  let pending: { input: string; key: string } | null = null;
  return {
    keyFor(input) {
      const canonical = JSON.stringify(input);
      if (pending?.input !== canonical) pending = { input: canonical, key: newKey() };
      return pending.key;
    },
    settle(error) {
      if (outcomeKnown(error)) pending = null;
    },
  };
}

/** The userErrors of a refused mutation (runMutation's HttpError body). */
export function userErrorsOf(error: unknown): readonly UserError[] {
  if (!(error instanceof HttpError)) return [];
  return (error.body as { userErrors?: readonly UserError[] } | undefined)?.userErrors ?? [];
}

/** IDEMPOTENCY_KEY_REUSED is a message for developers: counter staff get plain words instead (i18n key). */
export function isKeyReused(error: unknown): boolean {
  return userErrorsOf(error).some((e) => e.code === 'IDEMPOTENCY_KEY_REUSED');
}
