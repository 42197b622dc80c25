/** The delay before retry number `failures` (1, 2, ...): doubling from `initialMs`, capped at `maxMs`. */
export const backoffDelay = (failures: number, initialMs: number, maxMs: number): number =>
  Math.min(initialMs * 2 ** Math.max(failures - 1, 0), maxMs);
