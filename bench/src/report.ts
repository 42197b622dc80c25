import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Measurement } from './measure';

export type Figure = {
  readonly name: string;
  readonly unit: string;
  readonly measured: Measurement;
  /** The figure this one is a ratio of, measured in the same run; and the ratio it must reach. */
  readonly baseline?: string;
  readonly target?: number;
};

type Row = Figure & { readonly ratio?: number; readonly verdict?: 'PASS' | 'FAIL' };

const rowsOf = (figures: readonly Figure[]): Row[] =>
  figures.map((figure) => {
    const base = figures.find((other) => other.name === figure.baseline);
    if (!base) {
      return figure;
    }
    const ratio = figure.measured.perSecond / base.measured.perSecond;
    return figure.target === undefined
      ? { ...figure, ratio }
      : { ...figure, ratio, verdict: ratio >= figure.target ? 'PASS' : 'FAIL' };
  });

const pad = (text: string, width: number): string => text.padEnd(width);

/** One table: every figure, its baseline, the ratio, the target and PASS or FAIL. */
export const table = (figures: readonly Figure[]): string => {
  const lines = rowsOf(figures).map((row) =>
    [
      pad(row.name, 40),
      pad(`${Math.round(row.measured.perSecond).toLocaleString('en')} ${row.unit}`, 18),
      // A figure given, not measured here (units 0), has no latency.
      pad(
        row.measured.units === 0
          ? '—'
          : `p50 ${row.measured.p50Ms.toFixed(1)} ms, p99 ${row.measured.p99Ms.toFixed(1)} ms`,
        28,
      ),
      row.ratio === undefined
        ? '(baseline)'
        : `${row.ratio.toFixed(2)}x of ${row.baseline!.split(':')[0]}` +
          (row.target === undefined ? '' : `, target ${row.target}x: ${row.verdict}`),
    ].join(' '),
  );
  return [
    pad('figure', 40) + ' ' + pad('rate', 18) + ' ' + pad('latency per unit of work', 28) + ' ratio',
    ...lines,
  ].join('\n');
};

/** Writes bench/results/<date>.json: the figures, their ratios, and the machine they ran on. */
export const save = async (
  dir: string,
  figures: readonly Figure[],
  settings: Record<string, unknown>,
): Promise<string> => {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  await writeFile(file, `${JSON.stringify({ machine, settings, figures: rowsOf(figures) }, null, 2)}\n`);
  return file;
};
