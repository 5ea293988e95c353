import type { ExplanationParams } from '../messages/explanations';
import type { MessageParams } from '../messages/params';

/**
 * Base class of every refusal raised by a rule of DOMAIN.md.
 *
 * `code` is a stable machine-readable code (surfaced as `UserError.code`), `rule` the DOMAIN.md rule id
 * that refused (surfaced as `UserError.rule`), `field` the input path the refusal is about, if any. `message` is
 * English, for logs; what users read comes from the refusal catalogue (`renderRefusal`), keyed by `code`, in their
 * language, with `params` (money, dates, region codes, enum values) formatted in.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly rule?: string,
    readonly field?: readonly string[],
    readonly params?: MessageParams,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Shape of one explanation line attached to every decision: the rule id, the English `message` (logs, rows written
 * before codes existed, fallback) and, for users, `code` + `params`, which the explanation catalogue renders in the
 * reader's language (`renderExplanation`). `params` is plain JSON, so stored transactions and replies keep it.
 */
export interface Explanation {
  readonly rule: string;
  readonly message: string;
  readonly code?: string;
  readonly params?: ExplanationParams;
}
