import { DomainError } from './domain-error';

/**
 * How fundamental a refusal is (issue #9: "all refusals at once, in the right order"): what does not exist comes
 * first, then dates and rollout, then scope (who may do what), then money. A client fixes the first and sees the
 * rest at the same time instead of one per attempt.
 */
export enum RefusalStage {
  EXISTENCE = 0,
  DATES = 1,
  SCOPE = 2,
  MONEY = 3,
}

/** Several refusals of one request, most fundamental first; behaves as its first refusal where one is expected. */
export class DomainRefusals extends DomainError {
  constructor(readonly refusals: readonly DomainError[]) {
    const first = refusals[0];
    super(first.code, first.message, first.rule, first.field);
  }
}

/** Every refusal a DomainError stands for: the list of a {@link DomainRefusals}, else the error itself. */
export function refusalsOf(error: DomainError): readonly DomainError[] {
  return error instanceof DomainRefusals ? error.refusals : [error];
}

/**
 * Collects the refusals of a rule check instead of stopping at the first one. `check` records a refusal when its
 * condition fails; `throwIfAny` throws them all (ordered by stage, then by the order they were checked) — a single
 * one as itself, several as {@link DomainRefusals}.
 */
export class RefusalCollector {
  private readonly found: { stage: RefusalStage; seq: number; error: DomainError }[] = [];

  /** Records `refusal()` when `ok` is false; returns `ok`. */
  check(ok: boolean, stage: RefusalStage, refusal: () => DomainError): boolean {
    if (!ok) this.add(stage, refusal());
    return ok;
  }

  add(stage: RefusalStage, error: DomainError): void {
    this.found.push({ stage, seq: this.found.length, error });
  }

  get any(): boolean {
    return this.found.length > 0;
  }

  throwIfAny(): void {
    if (this.found.length === 0) return;
    const ordered = [...this.found].sort((a, b) => a.stage - b.stage || a.seq - b.seq).map((f) => f.error);
    throw ordered.length === 1 ? ordered[0] : new DomainRefusals(ordered);
  }
}
