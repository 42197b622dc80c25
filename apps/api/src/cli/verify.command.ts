import { CASE_STREAM_PREFIX } from '@sot/domain';
import type { EventStore } from '@sot/event-store';
import pino from 'pino';
import { createApp } from '../app.factory';
import { chainVerifier } from '../case-events';
import { EVENT_STORE, loadConfig } from '../platform';

type Io = { readonly out: (line: string) => void; readonly progress: (line: string) => void };

/**
 * `npm run verify`: recomputes the hash chain of every case stream in the store and names each
 * case whose history was changed, removed or reordered. Exit code 0 when all are intact, 1 if not.
 */
export const verifyCommand = async (env: NodeJS.ProcessEnv, io: Io): Promise<number> => {
  const config = loadConfig({ LOG_LEVEL: 'error', ...env });
  const app = await createApp(config, pino({ level: config.LOG_LEVEL }));
  await app.init();
  try {
    const store = app.get<EventStore>(EVENT_STORE);
    const streams = new Map<string, ReturnType<typeof chainVerifier>>();
    let events = 0;
    for await (const recorded of store.readAll({ filter: { streamPrefix: CASE_STREAM_PREFIX } })) {
      const verifier = streams.get(recorded.streamId) ?? chainVerifier();
      streams.set(recorded.streamId, verifier);
      verifier.add(recorded);
      events += 1;
      if (events % 10_000 === 0) {
        io.progress(`\r  ${events.toLocaleString('en')} events of ${streams.size.toLocaleString('en')} cases checked`);
      }
    }
    const broken = [...streams].filter(([, verifier]) => !verifier.result().intact);
    for (const [stream, verifier] of broken) {
      io.out(
        `  BROKEN ${stream}: first changed, removed or moved event at revision ${verifier.result().firstBrokenRevision}`,
      );
    }
    const unchained = [...streams.values()].reduce((sum, verifier) => sum + verifier.result().unchainedEvents, 0);
    io.out(
      `${broken.length === 0 ? 'Intact' : 'NOT INTACT'}: ${streams.size} cases, ${events} events` +
        (unchained > 0 ? ` (${unchained} recorded before the chain existed, not checkable)` : '') +
        (broken.length > 0 ? `; ${broken.length} case(s) with a broken history` : ''),
    );
    return broken.length === 0 ? 0 : 1;
  } finally {
    await app.close();
  }
};
