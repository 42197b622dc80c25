/* eslint-disable no-console -- a command-line tool talks to its terminal */
import { projectionsCommand } from './projections.command';

// Interrupted, a rebuild drops its replay and leaves the live read models as they were; the
// embedded database is stopped on the way out.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());
process.once('SIGTERM', () => interrupt.abort());

projectionsCommand(
  process.argv.slice(2),
  process.env,
  {
    out: (line) => console.log(line),
    progress: (text) => process.stderr.write(text),
    terminal: process.stderr.isTTY === true,
  },
  interrupt.signal,
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`\nNot done: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
