/** Code-point order, independent of locale. */
export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The most frequent value (ties: the first in code order), so a choice is stable. */
export function mostCommon(values: Iterable<string>): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0];
}
