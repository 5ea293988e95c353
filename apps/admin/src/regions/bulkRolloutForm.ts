// The bulk rollout dialog's pure parts (issue: a reopened dialog kept the previous batch's reason and date, and the
// selected regions were not named before 确认).
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
