import { Writable } from 'node:stream';
import { createLogger } from '../../src/platform';

/** The production logger, writing into memory instead of stdout. */
export const captureLogs = () => {
  const lines: string[] = [];
  let partial = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = partial + chunk.toString('utf8');
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts.filter((line) => line.length > 0));
      done();
    },
  });
  return { logger: createLogger('debug', stream), lines };
};
