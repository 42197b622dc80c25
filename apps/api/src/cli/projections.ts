/* eslint-disable no-console -- a command-line tool talks to its terminal */
import { projectionsCommand } from './projections.command';

projectionsCommand(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  progress: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Not done: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
