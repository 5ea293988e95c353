import type { BasisPoints } from '../money/money';
import type { ExplanationParams } from '../messages/explanations';
import type { Explanation } from '../shared/domain-error';

/**
 * One explanation line: the DOMAIN.md rule id that decided, what it decided in English, and the explanation
 * catalogue's `code` with the `params` it formats in (Chinese by default, English equal to `message`).
 */
export function explain(
  rule: string,
  message: string,
  code?: string,
  params?: ExplanationParams,
): Explanation {
  if (code === undefined) return { rule, message };
  return params === undefined ? { rule, message, code } : { rule, message, code, params };
}

/** Basis points as a percentage for explanations: 5000 → "50%", 9150 → "91.5%", 125 → "1.25%". */
export function formatRate(rate: BasisPoints): string {
  const whole = Math.trunc(rate / 100);
  const rest = Math.abs(rate % 100);
  if (rest === 0) return `${whole}%`;
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}
