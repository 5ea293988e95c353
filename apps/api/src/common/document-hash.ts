import { createHash } from 'node:crypto';

/**
 * A GraphQL document's id for persisted operations: the sha256 of its text in lowercase hex, as Apollo's wire format
 * (`extensions.persistedQuery.sha256Hash`) sends it and as `persistedOperationRegister` stores it.
 */
export function documentHash(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}
