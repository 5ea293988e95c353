// Adapter between the edit form and the domain's rollout rules (libs/domain/src/region): the same pure
// `validateRolloutDates` the API runs in `regionUpdate`, so the preview predicts the server's answer.
import {
  FEATURE_FIELDS,
  type Language,
  type RolloutDates,
  renderRefusal,
  validateFullCoverage,
  validateRolloutDates,
} from '@gongji/domain';

export interface PreviewViolation {
  readonly field?: string;
  readonly message: string;
  readonly rule?: string;
}

export type PreviewResult =
  | { readonly available: true; readonly violations: readonly PreviewViolation[] }
  | { readonly available: false };

/** Form values (keyed by GraphQL field) → the domain's dates keyed by feature; empty inputs mean "not set". */
function rolloutDatesOf(values: Record<string, unknown>): RolloutDates {
  return Object.fromEntries(
    Object.entries(FEATURE_FIELDS).map(([feature, field]) => {
      const value = values[field];
      return [feature, typeof value === 'string' && value ? value : null];
    }),
  ) as RolloutDates;
}

/**
 * Checks the edited dates; `province` is the province's own dates for a city or county (a region inherits
 * what it leaves empty). Messages come from the refusal catalogue of libs/domain in `language`, the same texts the
 * API answers with (issue #9). Never throws: a preview failure must not stop the officer from saving.
 */
export function checkRollout(
  values: Record<string, unknown>,
  province?: Record<string, unknown> | null,
  language: Language = 'zh',
  region?: { readonly code: string; readonly level: string; readonly name?: string } | null,
): PreviewResult {
  try {
    const violations = [
      ...validateRolloutDates(rolloutDatesOf(values), province ? rolloutDatesOf(province) : undefined),
      // R-WAL-2 (issue #10): 全域 only on a province with a wallet date, as regionUpdate decides.
      ...(region
        ? validateFullCoverage({
            code: region.code,
            level: region.level,
            walletFullCoverage: values.walletFullCoverage === true,
            walletFrom: typeof values.walletFrom === 'string' && values.walletFrom ? values.walletFrom : null,
          })
        : []),
    ];
    return {
      available: true,
      violations: violations.map((v) => ({
        field: String(v.field),
        // without the rule: the preview shows it beside the message
        message: renderRefusal({ code: v.code, message: v.message, params: v.params }, language, (code) =>
          code === region?.code ? region.name : undefined,
        ),
        rule: v.rule,
      })),
    };
  } catch {
    return { available: false };
  }
}
