// The bulk rollout dialog's pure parts (issue: a reopened dialog kept the previous batch's reason and date, and the
// selected regions were not named before 确认; audit C #2/#3: more than 100 regions, past dates without a reason,
// retrying the refused regions).
import { FEATURE_FIELDS, type Feature as DomainFeature, rolloutCorrectionDay } from '@gongji/domain';
import type { RolloutLine } from '../data/policy/policyRules';
import type { Feature } from '../data/policy/policyTypes';

/** Every batch starts from an empty form: a reason (the document number) is never carried into the next batch. */
export const freshBatchForm = (today: string) => ({ feature: 'WALLET' as Feature, date: today, reason: '' });

/** The selected regions as "name（code）", in the order selected; a name not loaded (yet) shows the code alone. */
export function selectedRegionLabels(
  ids: readonly unknown[],
  records: ReadonlyArray<{ id: unknown; name?: string; code?: string } | undefined>,
): string[] {
  const names = new Map(records.filter((r) => r !== undefined).map((r) => [String(r.id), r.name]));
  return ids.map((id) => {
    const name = names.get(String(id));
    return name ? `${name}（${String(id)}）` : String(id);
  });
}

/** The API takes 1 to 100 region codes per `regionsRolloutSet` (API.md). */
export const ROLLOUT_BATCH_MAX = 100;

/** The selection in submissions of at most {@link ROLLOUT_BATCH_MAX} codes, in the order selected, each code once. */
export function rolloutBatches(ids: readonly unknown[], size = ROLLOUT_BATCH_MAX): string[][] {
  const codes = [...new Set(ids.map((id) => String(id).trim()).filter(Boolean))];
  const batches: string[][] = [];
  for (let i = 0; i < codes.length; i += size) batches.push(codes.slice(i, i + size));
  return batches;
}

/**
 * The lines of every batch as one result: refusals first (the officer acts on those), then changed, then unchanged;
 * within an outcome, in the order submitted.
 */
export function combineRolloutLines(batches: ReadonlyArray<readonly RolloutLine[]>): RolloutLine[] {
  const order = { REFUSED: 0, CHANGED: 1, UNCHANGED: 2 } as const;
  return batches.flat().sort((a, b) => order[a.outcome] - order[b.outcome]);
}

/** A batch the server did not answer (network, session, input): each of its regions is refused with that message. */
export function failedBatchLines(
  codes: readonly string[],
  message: string,
  names: ReadonlyMap<string, string>,
) {
  return codes.map((code): RolloutLine => ({
    regionCode: code,
    name: names.get(code) ?? code,
    outcome: 'REFUSED',
    messages: [message],
  }));
}

/** The regions to select again after a result with refusals (重试未成功的). */
export const refusedCodes = (lines: readonly RolloutLine[]) =>
  lines.filter((l) => l.outcome === 'REFUSED').map((l) => l.regionCode);

/**
 * The day that makes a reason compulsory (R-KIN-3/R-WAL-2 corrections are audited with their reason), or null: the
 * same pure rule the API runs (libs/domain `rolloutCorrectionDay`) for each selected region's own current date of the
 * feature (a date in force since today or earlier that moves rewrites what applied) and for the new date (a day before
 * today back-dates the opening). `regions` are the loaded records (own dates by GraphQL field); a region that inherits
 * its date is decided by the server, which compares the date in force.
 */
export function bulkPastDayNeedingReason(
  feature: Feature,
  date: string,
  today: string,
  reason: string,
  regions: ReadonlyArray<Record<string, unknown> | undefined> = [],
): string | null {
  const field = FEATURE_FIELDS[feature as DomainFeature];
  const newDay = date || null;
  const days = [
    rolloutCorrectionDay(null, newDay, today, reason),
    ...regions.map((r) => {
      const own = r?.[field];
      return typeof own === 'string' && own ? rolloutCorrectionDay(own, newDay, today, reason) : null;
    }),
  ].filter((d): d is string => d !== null);
  return days.sort()[0] ?? null;
}

/** Which hint the date field shows: empty clears, a future day is scheduled, today opens now, a past day needs a reason. */
export function dateHint(date: string, today: string): 'clear' | 'scheduled' | 'now' | 'past' {
  if (!date) return 'clear';
  if (date > today) return 'scheduled';
  return date === today ? 'now' : 'past';
}
