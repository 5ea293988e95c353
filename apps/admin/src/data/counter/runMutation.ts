// Page actions (card, password, relations, cancel/refund, API keys) run one mutation through the console's Apollo
// client: refusals come back as the same validation HttpError the forms understand (field errors + rule ids).
import type { DocumentNode } from '@apollo/client';
import { HttpError } from 'ra-core';
import { apolloClient } from '../apolloClient';
import { normalizeDataProviderError, userErrorsToHttpError } from '../graphqlErrors';
import type { UserError } from '../graphqlTypes';

export interface Payload {
  readonly userErrors: readonly UserError[];
  readonly [key: string]: unknown;
}

/** Runs `mutation` with `{ input }` and returns its payload; throws an HttpError on any refusal or error. */
export async function runMutation<P extends Payload>(
  mutation: DocumentNode,
  field: string,
  input: Record<string, unknown>,
): Promise<P> {
  let payload: P | undefined;
  try {
    const result = await apolloClient.mutate<Record<string, P>>({ mutation, variables: { input } });
    payload = result.data?.[field];
  } catch (error) {
    throw normalizeDataProviderError(new HttpError((error as Error).message, 200, error));
  }
  if (!payload) throw new HttpError('gongji.errors.internal', 500);
  if (payload.userErrors.length > 0) throw userErrorsToHttpError(payload.userErrors);
  return payload;
}

/** A fresh idempotency key for one money operation (a retry of the same click reuses it). */
export function newIdempotencyKey(prefix: string): string {
  return `console-${prefix}-${globalThis.crypto.randomUUID()}`;
}
