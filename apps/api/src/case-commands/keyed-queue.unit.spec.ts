import { KeyedQueue } from './keyed-queue';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('a keyed queue', () => {
  it('runs the tasks of one key one after another, in order, even when one fails', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
        if (fail) {
          throw new Error(name);
        }
        return name;
      };
    const results = await Promise.allSettled([
      queue.run('case-1', task('a')),
      queue.run('case-1', task('b', true)),
      queue.run('case-1', task('c')),
    ]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('runs different keys side by side', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    await Promise.all([queue.run('case-1', task('a')), queue.run('case-2', task('b'))]);
    expect(log.slice(0, 2)).toEqual(['start a', 'start b']);
  });
});
