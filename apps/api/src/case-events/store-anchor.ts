import { comparePositions } from '@sot/event-store';
import type { Position, RecordedEvent } from '@sot/event-store';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { linkOf } from './tamper-evidence';

/**
 * The store's head as of a moment, kept outside the database: how many events and cases, up to
 * which position, and a digest over the last link of every case's hash chain. Removing a case's
 * last events (which its own chain cannot show) changes the digest.
 */
export type StoreAnchor = {
  readonly at: string;
  readonly position: { readonly commit: string; readonly prepare: string };
  readonly events: number;
  readonly cases: number;
  readonly digest: string;
};

/** Follows events in the global order and digests the head of each stream: fed incrementally. */
export const headsDigest = () => {
  const heads = new Map<string, { revision: number; link: string }>();
  let events = 0;
  let last: Position | undefined;
  return {
    add(recorded: RecordedEvent): void {
      heads.set(recorded.streamId, { revision: recorded.streamRevision, link: linkOf(recorded) ?? '' });
      events += 1;
      last = recorded.position;
    },
    get position(): Position | undefined {
      return last;
    },
    anchor(at: Date): StoreAnchor | undefined {
      if (last === undefined) {
        return undefined;
      }
      const hash = createHash('sha256');
      for (const stream of [...heads.keys()].sort()) {
        const head = heads.get(stream)!;
        hash.update(`${stream}\u0000${head.revision}\u0000${head.link}\n`);
      }
      const position = { commit: last.commit.toString(), prepare: last.prepare.toString() };
      return { at: at.toISOString(), position, events, cases: heads.size, digest: hash.digest('base64url') };
    },
  };
};

export const isAtOrBefore = (recorded: RecordedEvent, anchor: StoreAnchor): boolean =>
  comparePositions(recorded.position, {
    commit: BigInt(anchor.position.commit),
    prepare: BigInt(anchor.position.prepare),
  }) <= 0;

/** Anchors are appended, one JSON line each: the file only grows. */
export const appendAnchor = async (file: string, anchor: StoreAnchor): Promise<void> => {
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
};

/** The newest anchor in the file, or none when there is no file yet. */
export const latestAnchor = async (file: string): Promise<StoreAnchor | undefined> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  const last = text.trimEnd().split('\n').at(-1);
  return last ? (JSON.parse(last) as StoreAnchor) : undefined;
};
