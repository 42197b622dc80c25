/* eslint-disable no-console -- a command-line tool talks to its terminal */
import { demoDataCommand } from './demo/demo-data.command';

demoDataCommand(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Demo data not written: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
