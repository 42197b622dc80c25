/* eslint-disable no-console -- a command-line tool talks to its terminal */
import { createUserCommand } from './create-user.command';

const readLine = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8').split('\n')[0] ?? '';
};

createUserCommand(process.argv.slice(2), {
  // The one place the command meets the environment: it is validated inside, like the api's.
  env: process.env,
  readLine,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Not created: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
