import { type DomainError, refusalsOf } from '@gongji/domain';
import { type UserError, fromDomainError } from './user-error';

/** Every refusal a domain error carries (issue #9: all at once, most fundamental first), as userErrors. */
export function userErrorsOf(err: DomainError): UserError[] {
  return refusalsOf(err).map(fromDomainError);
}
