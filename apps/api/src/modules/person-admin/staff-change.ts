import { DomainError, type MessageParams } from '@gongji/domain';
import { type DataSource, type Manager, inTransaction, isUniqueViolation } from '@gongji/persistence';
import { ApiErrorCode, type UserError, userError } from '../../common/user-error';
import { userErrorsOf } from '../../common/refusals';

/**
 * A refusal raised by the API layer itself (not found, malformed, conflict). It is a DomainError so that
 * {@link runStaffChange} treats it like a rule's refusal: thrown inside the transaction, it rolls everything back.
 */
export function refusal(
  code: string,
  message: string,
  field?: readonly string[],
  rule?: string,
  params?: MessageParams,
): DomainError {
  return new DomainError(code, message, rule, field, params);
}

export interface StaffChangeResult<T> {
  readonly value: T | null;
  readonly userErrors: UserError[];
}

/**
 * Runs a non-money change (person, kin relation, card) in ONE transaction together with its audit row. A refusal
 * thrown by `work` (a libs/domain `…OrThrow` or {@link refusal}) rolls the transaction back — nothing is written,
 * no audit row — and is returned as a userError (API.md). A unique-index violation from a concurrent twin request
 * becomes `conflict`.
 */
export async function runStaffChange<T>(
  dataSource: DataSource,
  work: (manager: Manager) => Promise<T>,
  conflict?: () => UserError,
): Promise<StaffChangeResult<T>> {
  try {
    return { value: await inTransaction(dataSource, work), userErrors: [] };
  } catch (err) {
    if (err instanceof DomainError) return { value: null, userErrors: userErrorsOf(err) };
    if (isUniqueViolation(err)) {
      return {
        value: null,
        userErrors: [
          conflict?.() ??
            userError(ApiErrorCode.CONFLICT, 'A concurrent change conflicted with this one; try again'),
        ],
      };
    }
    throw err;
  }
}

/** Collects the refusals of independent validations, so a form shows every wrong field at once. */
export function collectRefusals(checks: readonly (() => unknown)[]): UserError[] {
  const errors: UserError[] = [];
  for (const check of checks) {
    try {
      check();
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      errors.push(...userErrorsOf(err));
    }
  }
  return errors;
}
