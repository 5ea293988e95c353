/**
 * Base class of every refusal raised by a rule of DOMAIN.md.
 *
 * `code` is a stable machine-readable code (surfaced as `UserError.code`), `rule` the DOMAIN.md rule id
 * that refused (surfaced as `UserError.rule`), `field` the input path the refusal is about, if any.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly rule?: string,
    readonly field?: readonly string[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Shape of one explanation line attached to every decision (rule id + human-readable message). */
export interface Explanation {
  readonly rule: string;
  readonly message: string;
}
