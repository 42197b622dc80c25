/** How much work `workers` loops got done in `seconds`, and how long each unit took. */
export type Measurement = {
  readonly units: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
};

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * Runs `step` in `workers` concurrent loops for `seconds` (after a warm-up of a fifth of that),
 * counting the units each step reports. The load generator shares the machine with the database:
 * both sides of every comparison pay that cost alike, so ratios stay meaningful.
 */
export const measure = async (
  workers: number,
  seconds: number,
  step: (worker: number, iteration: number) => Promise<number>,
): Promise<Measurement> => {
  const warmUpEnd = Date.now() + (seconds * 1000) / 5;
  const iterations = Array.from({ length: workers }, () => 0);
  const loop = async (worker: number, until: number, latencies?: number[]): Promise<number> => {
    let units = 0;
    while (Date.now() < until) {
      const started = performance.now();
      units += await step(worker, iterations[worker]!);
      iterations[worker]! += 1;
      latencies?.push(performance.now() - started);
    }
    return units;
  };
  await Promise.all(Array.from({ length: workers }, (_, worker) => loop(worker, warmUpEnd)));
  const latencies: number[] = [];
  const started = performance.now();
  const end = Date.now() + seconds * 1000;
  const counts = await Promise.all(Array.from({ length: workers }, (_, worker) => loop(worker, end, latencies)));
  const elapsed = (performance.now() - started) / 1000;
  const units = counts.reduce((sum, count) => sum + count, 0);
  latencies.sort((a, b) => a - b);
  return {
    units,
    seconds: elapsed,
    perSecond: units / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
};
