import { CASE_STREAM_PREFIX } from '@sot/domain';
import type { EventStore } from '@sot/event-store';
import pino from 'pino';
import { createApp } from '../app.factory';
import { chainVerifier, headsDigest, isAtOrBefore, latestAnchor } from '../case-events';
import type { StoreAnchor } from '../case-events';
import { EVENT_STORE, loadConfig } from '../platform';

type Io = { readonly out: (line: string) => void; readonly progress: (line: string) => void };

/** What the store holds now, up to the anchor's position, against what the anchor recorded then. */
const anchorFinding = (anchor: StoreAnchor | undefined, now: ReturnType<typeof headsDigest>): string | undefined => {
  if (anchor === undefined) {
    return undefined;
  }
  const seen = now.anchor(new Date(anchor.at));
  const same =
    seen !== undefined && seen.digest === anchor.digest && seen.events === anchor.events && seen.cases === anchor.cases;
  return same
    ? undefined
    : `  ANCHOR BROKEN: the store no longer holds what was anchored at ${anchor.at} (${anchor.events} events of ${anchor.cases} cases; now ${seen?.events ?? 0} of ${seen?.cases ?? 0}): events were removed or changed`;
};

/**
 * `npm run verify`: recomputes the hash chain of every case stream in the store and names each
 * case whose history was changed, removed or reordered; then checks the store against its latest
 * anchor (ANCHOR_FILE), which shows a case's last events removed. Exit code 0 when all is intact, 1 if not.
 */
export const verifyCommand = async (env: NodeJS.ProcessEnv, io: Io): Promise<number> => {
  const config = loadConfig({ LOG_LEVEL: 'error', ...env });
  const app = await createApp(config, pino({ level: config.LOG_LEVEL }));
  await app.init();
  try {
    const store = app.get<EventStore>(EVENT_STORE);
    const anchor = await latestAnchor(config.anchorFile);
    const asAnchored = headsDigest();
    const streams = new Map<string, ReturnType<typeof chainVerifier>>();
    let events = 0;
    for await (const recorded of store.readAll({ filter: { streamPrefix: CASE_STREAM_PREFIX } })) {
      const verifier = streams.get(recorded.streamId) ?? chainVerifier();
      streams.set(recorded.streamId, verifier);
      verifier.add(recorded);
      if (anchor && isAtOrBefore(recorded, anchor)) {
        asAnchored.add(recorded);
      }
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
    const anchorBroken = anchorFinding(anchor, asAnchored);
    if (anchorBroken) {
      io.out(anchorBroken);
    }
    io.out(
      anchor
        ? `  Anchor of ${anchor.at} (${anchor.events} events) ${anchorBroken ? 'does not match' : 'matches'}`
        : `  No anchor yet in ${config.anchorFile}: removing a case's last events would not show`,
    );
    const unchained = [...streams.values()].reduce((sum, verifier) => sum + verifier.result().unchainedEvents, 0);
    const intact = broken.length === 0 && anchorBroken === undefined;
    io.out(
      `${intact ? 'Intact' : 'NOT INTACT'}: ${streams.size} cases, ${events} events` +
        (unchained > 0 ? ` (${unchained} recorded before the chain existed, not checkable)` : '') +
        (broken.length > 0 ? `; ${broken.length} case(s) with a broken history` : '') +
        (anchorBroken ? '; the anchor does not match' : ''),
    );
    return intact ? 0 : 1;
  } finally {
    await app.close();
  }
};
