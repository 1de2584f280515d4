/** Small order statistics for repeated measurements. */

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error('no values to summarise');
  return [...values].sort((a, b) => a - b);
}

export function median(values: readonly number[]): number {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  const upper = s[mid] ?? 0;
  return s.length % 2 === 1 ? upper : ((s[mid - 1] ?? upper) + upper) / 2;
}

export function min(values: readonly number[]): number {
  return sorted(values)[0] ?? 0;
}

export function max(values: readonly number[]): number {
  return sorted(values).at(-1) ?? 0;
}

/** Nearest-rank percentile (p in 0..100) of an already sorted array. */
export function percentileOfSorted(sortedValues: ArrayLike<number>, p: number): number {
  if (sortedValues.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sortedValues.length);
  const index = Math.min(sortedValues.length - 1, Math.max(0, rank - 1));
  return sortedValues[index] ?? Number.NaN;
}
