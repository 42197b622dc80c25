/** A one-line progress bar with an estimate of the time left, redrawn on stderr: `[####    ] 40/100 cases, ETA 12 s`. */
export const progressBar = (unit: string, write: (text: string) => void = (text) => process.stderr.write(text)) => {
  const started = Date.now();
  return (done: number, total: number): void => {
    const width = 30;
    const filled = Math.min(width, Math.round((done / Math.max(total, 1)) * width));
    const elapsed = (Date.now() - started) / 1000;
    const eta = done === 0 ? '…' : `${Math.max(0, Math.round((elapsed / done) * (total - done)))} s`;
    write(`\r  [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${unit}, ETA ${eta}   `);
  };
};
