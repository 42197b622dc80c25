/* eslint-disable no-console -- a command-line tool talks to its terminal */
import { verifyCommand } from './verify.command';

verifyCommand(process.env, {
  out: (line) => console.log(line),
  progress: (line) => process.stderr.write(line),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Not verified: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
