// Failed reads of the pages, without React (LoadError.tsx shows them): an unreachable server is said as such and
// asked again, a refusal or a missing record is not.
import type { Query } from '@tanstack/react-query';
import {
  ERROR_MESSAGES,
  isNetworkFailure,
  isServiceUnavailable,
  isTransportText,
} from '../data/graphqlErrors';

/** How often a page whose server could not be reached asks again. */
export const RETRY_UNREACHABLE_MS = 5000;

/** True when an error is the server being unreachable or unavailable (not a refusal, not "not found"). */
export function isTransient(error: unknown): boolean {
  return isNetworkFailure(error) || isServiceUnavailable(error);
}

/** The i18n key (or server text) to show for a failed read. */
export function loadErrorMessage(error: unknown): string {
  if (isNetworkFailure(error)) return ERROR_MESSAGES.network;
  if (isServiceUnavailable(error)) return ERROR_MESSAGES.unavailable;
  const message = (error as Error | null)?.message;
  // Apollo's English (go.apollo.dev URL, "Response not successful") is never shown, whichever way it got here.
  if (isTransportText(message)) return ERROR_MESSAGES.internal;
  return message || 'ra.notification.http_error';
}

/**
 * react-query's `refetchInterval` for the pages' reads: every {@link RETRY_UNREACHABLE_MS} while the last attempt
 * failed because the server could not be reached, never otherwise.
 */
export function refetchWhileUnreachable(
  query: Pick<Query, 'state'> | { readonly state: { readonly error: unknown } },
): number | false {
  return isTransient(query.state.error) ? RETRY_UNREACHABLE_MS : false;
}
