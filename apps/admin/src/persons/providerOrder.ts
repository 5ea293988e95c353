/** The new order after moving the provider at `index` one place up (-1) or down (+1) (R-KIN-5). */
export function moveProvider(providerIds: readonly string[], index: number, step: -1 | 1): string[] {
  const target = index + step;
  if (target < 0 || target >= providerIds.length) return [...providerIds];
  const next = [...providerIds];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
