import { createHash } from 'node:crypto';
import type { EventMetadata, JsonObject, RecordedEvent } from '@sot/event-store';

/** The metadata key holding an event's link in its stream's hash chain. */
export const CHAIN_HASH = 'chainHash';

/** JSON with object keys sorted at every level: the same value hashes the same after a jsonb round trip. */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

type Hashable = { readonly type: string; readonly data: JsonObject; readonly metadata: EventMetadata };

const withoutLink = (metadata: EventMetadata): EventMetadata =>
  Object.fromEntries(Object.entries(metadata).filter(([key]) => key !== CHAIN_HASH));

/**
 * An event's link: SHA-256 of the previous link, its revision, type, data and metadata. Changing,
 * removing or reordering any stored event breaks every link after it.
 */
export const chainHash = (previous: string | undefined, revision: number, event: Hashable): string =>
  createHash('sha256')
    .update(previous ?? 'genesis')
    .update('\u0000')
    .update(String(revision))
    .update('\u0000')
    .update(event.type)
    .update('\u0000')
    .update(canonicalJson(event.data))
    .update('\u0000')
    .update(canonicalJson(withoutLink(event.metadata)))
    .digest('base64url');

export const linkOf = (recorded: Pick<RecordedEvent, 'metadata'>): string | undefined => {
  const link = recorded.metadata[CHAIN_HASH];
  return typeof link === 'string' ? link : undefined;
};

export type HistoryIntegrity = {
  readonly intact: boolean;
  /** Events whose link was recomputed and matched. */
  readonly checkedEvents: number;
  /** Events recorded before the chain existed (at the start of older streams): nothing to check. */
  readonly unchainedEvents: number;
  /** The first revision whose link does not match what is stored. */
  readonly firstBrokenRevision?: number;
};

/** Checks a stream's chain event by event, in revision order: one stream's state at a time. */
export const chainVerifier = () => {
  let previous: string | undefined;
  let checked = 0;
  let unchained = 0;
  let next = 0;
  let broken: number | undefined;
  return {
    add(recorded: RecordedEvent): void {
      if (broken !== undefined) {
        return;
      }
      const link = linkOf(recorded);
      const gap = recorded.streamRevision !== next;
      next = recorded.streamRevision + 1;
      if (link === undefined && previous === undefined && !gap) {
        unchained += 1;
      } else if (gap || link === undefined || link !== chainHash(previous, recorded.streamRevision, recorded)) {
        broken = recorded.streamRevision;
      } else {
        previous = link;
        checked += 1;
      }
    },
    result(): HistoryIntegrity {
      return {
        intact: broken === undefined,
        checkedEvents: checked,
        unchainedEvents: unchained,
        ...(broken === undefined ? {} : { firstBrokenRevision: broken }),
      };
    },
  };
};

/** Recomputes a stream's chain from its stored events, in order. */
export const verifyChain = (events: Iterable<RecordedEvent>): HistoryIntegrity => {
  const verifier = chainVerifier();
  for (const recorded of events) {
    verifier.add(recorded);
  }
  return verifier.result();
};
