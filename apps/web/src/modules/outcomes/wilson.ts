/** Below this many opinions a rate says little: the page says so next to it. */
export const SMALL_SAMPLE = 30;

/**
 * The Wilson score interval (95%) of a proportion: honest at small samples and near 0 or 1,
 * where the textbook normal interval goes below zero.
 */
export const wilson = (successes: number, trials: number, z = 1.96): { low: number; high: number } | undefined => {
  if (trials <= 0) {
    return undefined;
  }
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const margin = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return { low: Math.max(0, centre - margin), high: Math.min(1, centre + margin) };
};

export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
