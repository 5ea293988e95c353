import * as domain from '@gongji/domain';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Codes raised by the API layer itself (not by a domain rule). */
export enum ApiErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  INVALID_INPUT = 'INVALID_INPUT',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  CONFLICT = 'CONFLICT',
  REASON_REQUIRED = 'REASON_REQUIRED',
  /** A kinship scope already exists for the region, purpose and date: correct it with a reason (issue #10). */
  DUPLICATE_SETTING = 'DUPLICATE_SETTING',
  /** Too many failed sign-ins for a user name: its sign-in waits until the window passes. */
  SIGN_IN_THROTTLED = 'SIGN_IN_THROTTLED',
}

/**
 * `ErrorCode` = the API's own codes + every `*ErrorCode` enum that libs/domain exports, so a refusal added to a
 * domain rule is in the schema without touching the API (and the committed SDL check shows the change).
 */
function collectErrorCodes(): Record<string, string> {
  const codes: Record<string, string> = { ...ApiErrorCode };
  for (const [name, value] of Object.entries(domain)) {
    if (!name.endsWith('ErrorCode') || typeof value !== 'object' || value === null) continue;
    for (const code of Object.values(value as Record<string, unknown>)) {
      if (typeof code === 'string') codes[code] = code;
    }
  }
  return Object.fromEntries(Object.entries(codes).sort(([a], [b]) => a.localeCompare(b)));
}

export const ErrorCode = collectErrorCodes();
registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: 'Stable machine-readable code of a business refusal (UserError.code).',
});

/** A business refusal: the mutation changed nothing (API.md). */
@ObjectType({ description: 'A business refusal: nothing was changed and no money moved.' })
export class UserError {
  @Field(() => ErrorCode, { description: 'Stable machine-readable code.' })
  code!: string;

  @Field({ description: 'Human-readable explanation, naming the rule.' })
  message!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Path of the offending input field relative to `input`, e.g. ["mutualAidUseFrom"].',
  })
  field?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The DOMAIN.md rule id that refused, e.g. "R-KIN-4".' })
  rule?: string | null;

  /**
   * Not in the schema: the values the catalogue formats into the message (money, dates, region codes…). Kept in the
   * stored reply of a money mutation, so a replay renders in the language of the replaying request.
   */
  params?: domain.MessageParams | null;
}

/**
 * A refusal raised by the API itself. `message` is the English text for logs (and for English readers when no
 * `params` are given); what `UserError.message` returns is rendered from the catalogue by `code` in the caller's
 * language (UserErrorResolver), so every `code` needs a catalogue entry (libs/domain/src/messages).
 */
export function userError(
  code: string,
  message: string,
  field?: readonly string[],
  rule?: string,
  params?: domain.MessageParams,
): UserError {
  return Object.assign(new UserError(), {
    code,
    message,
    field: field ? [...field] : null,
    rule: rule ?? null,
    params: params && Object.keys(params).length > 0 ? params : null,
  });
}

/** Turns a domain refusal into a UserError (its params travel along for the catalogue). */
export function fromDomainError(err: domain.DomainError): UserError {
  return userError(
    err.code,
    err.rule ? `${err.message} (${err.rule})` : err.message,
    err.field,
    err.rule,
    err.params,
  );
}
