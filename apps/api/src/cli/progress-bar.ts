/** How often a terminal's bar is redrawn at most, and how many lines a log gets over the whole work. */
const REDRAW_MS = 100;
const LOG_STEPS = 10;

/**
 * Progress with an estimate of the time left. On a terminal, one line redrawn in place (at most
 * every 100 ms, and when the work reaches its total): `[####    ] 40/100 cases, ETA 12 s`.
 * Anywhere else (a CI log, a file), a line of its own at each tenth of the work, so that a log is
 * not flooded with redraws. A total may be an estimate the work goes past (a rebuild's events):
 * the bar then stays full, and a log goes on with a line per further tenth.
 */
export const progressBar = (
  unit: string,
  write: (text: string) => void = (text) => process.stderr.write(text),
  terminal: boolean = process.stderr.isTTY === true,
  now: () => number = Date.now,
) => {
  const started = now();
  let drawnAt = Number.NEGATIVE_INFINITY;
  let loggedStep = -1;
  return (done: number, total: number): void => {
    const at = now();
    const elapsed = (at - started) / 1000;
    const eta = done === 0 ? '…' : `${Math.max(0, Math.round((elapsed / done) * (total - done)))} s`;
    if (terminal) {
      if (done !== total && at - drawnAt < REDRAW_MS) {
        return;
      }
      drawnAt = at;
      const width = 30;
      const filled = Math.min(width, Math.round((done / Math.max(total, 1)) * width));
      write(`\r  [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${unit}, ETA ${eta}   `);
      return;
    }
    const step = Math.floor((done / Math.max(total, 1)) * LOG_STEPS);
    if (step === loggedStep) {
      return;
    }
    loggedStep = step;
    write(`  ${done}/${total} ${unit} (${Math.min(100, step * LOG_STEPS)}%), ETA ${eta}\n`);
  };
};
