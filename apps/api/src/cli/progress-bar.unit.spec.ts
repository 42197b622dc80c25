import { progressBar } from './progress-bar';

describe('the progress of long work', () => {
  it('writes a log a line at each tenth of the work, not a redraw per step', () => {
    const written: string[] = [];
    let clock = 0;
    const progress = progressBar(
      'events',
      (text) => written.push(text),
      false,
      () => clock,
    );
    for (let done = 0; done <= 1_000; done += 1) {
      clock += 10;
      progress(done, 1_000);
    }
    expect(written).toHaveLength(11);
    expect(written.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    expect(written[0]).toBe('  0/1000 events (0%), ETA …\n');
    expect(written[5]).toBe('  500/1000 events (50%), ETA 5 s\n');
    expect(written.at(-1)).toBe('  1000/1000 events (100%), ETA 0 s\n');
  });

  it('redraws a terminal line at most every 100 ms, and always its end', () => {
    const written: string[] = [];
    let clock = 0;
    const progress = progressBar(
      'cases',
      (text) => written.push(text),
      true,
      () => clock,
    );
    for (let done = 1; done <= 100; done += 1) {
      clock += 7;
      progress(done, 100);
    }
    // 700 ms of steps: a redraw per 100 ms at most, then the last one.
    expect(written.length).toBeGreaterThanOrEqual(7);
    expect(written.length).toBeLessThanOrEqual(9);
    expect(written.every((text) => text.startsWith('\r  ['))).toBe(true);
    expect(written.at(-1)).toBe(`\r  [${'#'.repeat(30)}] 100/100 cases, ETA 0 s   `);
  });

  it('goes on past a total that was an estimate: a line per further tenth in a log, redraws still limited', () => {
    const logged: string[] = [];
    const drawn: string[] = [];
    let clock = 0;
    const log = progressBar(
      'events',
      (text) => logged.push(text),
      false,
      () => clock,
    );
    const bar = progressBar(
      'events',
      (text) => drawn.push(text),
      true,
      () => clock,
    );
    for (let done = 0; done <= 200; done += 1) {
      clock += 10;
      log(done, 100);
      bar(done, 100);
    }
    expect(logged).toHaveLength(21);
    expect(logged.at(-1)).toBe('  200/100 events (100%), ETA 0 s\n');
    // 2 s of steps: about one redraw per 100 ms, and the one at the total.
    expect(drawn.length).toBeLessThanOrEqual(22);
    expect(drawn.at(-1)).toMatch(/\] (19\d|200)\/100 events, ETA 0 s {3}$/);
  });

  it('takes a total of nothing (an empty store) without dividing by it', () => {
    const logged: string[] = [];
    progressBar(
      'events',
      (text) => logged.push(text),
      false,
      () => 0,
    )(0, 0);
    expect(logged).toEqual(['  0/0 events (0%), ETA …\n']);
  });
});
