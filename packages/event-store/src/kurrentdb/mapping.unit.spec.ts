import {
  ANY,
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  NO_STREAM,
  STREAM_EXISTS,
  StreamDeletedError,
  UnavailableError,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type { RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import { EventStoreError, EventStoreUnavailableError, WrongExpectedVersionError } from '../types';
import { fromRecordedEvent, matchesFilter, toEventData, toServerFilter, toStoreError, toStreamState } from './mapping';

const stored = (overrides: Partial<KurrentRecordedEvent> = {}): KurrentRecordedEvent =>
  ({
    streamId: 'case-1',
    id: '6f1c1e5e-2a5b-4c47-9a39-3c1a3b0f9d11',
    isJson: true,
    revision: 4n,
    type: 'OpinionReceived',
    created: new Date('2026-11-25T10:00:00Z'),
    data: { requestId: 'r1', diagnosis: 'Stage II' },
    metadata: { schemaVersion: 2, commandId: 'cmd-1', actor: { id: 'ana', role: 'CASE_MANAGER' } },
    position: { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_991n },
    ...overrides,
  }) as KurrentRecordedEvent;

describe('kurrentdb mapping', () => {
  it('turns expected revisions into the client’s stream states', () => {
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState('stream_exists')).toBe(STREAM_EXISTS);
    expect(toStreamState(41)).toBe(41n);
  });

  it('writes data and metadata as JSON events under our event id', () => {
    const data = toEventData({
      eventId: '0b8f3c52-95a4-4d0e-8f7b-2f0f0f6c1a01',
      type: 'NoteAdded',
      data: { noteId: 'n1', text: 'ünïcödé ✓' },
      metadata: { schemaVersion: 1, commandId: 'cmd-9', actor: { id: 'ana' } },
    });
    expect(data).toMatchObject({
      id: '0b8f3c52-95a4-4d0e-8f7b-2f0f0f6c1a01',
      contentType: 'application/json',
      type: 'NoteAdded',
      data: { noteId: 'n1', text: 'ünïcödé ✓' },
      metadata: { schemaVersion: 1, commandId: 'cmd-9', actor: { id: 'ana' } },
    });
  });

  it('reads a stored event back with revision, commit and prepare positions kept exact', () => {
    const event = stored();
    expect(fromRecordedEvent(event, event.position!)).toEqual({
      eventId: '6f1c1e5e-2a5b-4c47-9a39-3c1a3b0f9d11',
      type: 'OpinionReceived',
      data: { requestId: 'r1', diagnosis: 'Stage II' },
      metadata: { schemaVersion: 2, commandId: 'cmd-1', actor: { id: 'ana', role: 'CASE_MANAGER' } },
      streamId: 'case-1',
      streamRevision: 4,
      position: { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_991n },
      recordedAt: new Date('2026-11-25T10:00:00Z'),
    });
  });

  it('refuses binary events instead of guessing at their content', () => {
    const binary = stored({ isJson: false, data: new Uint8Array([1, 2]) });
    expect(() => fromRecordedEvent(binary, binary.position!)).toThrow(EventStoreError);
  });

  it('maps a wrong expected version with both revisions', () => {
    const error = new KurrentWrongExpectedVersionError(undefined, {
      streamName: 'case-1',
      expected: 3n,
      current: 5n,
    });
    expect(toStoreError(error, 'appending')).toEqual(new WrongExpectedVersionError('case-1', 3, 5));
    const missing = new KurrentWrongExpectedVersionError(undefined, {
      streamName: 'case-2',
      expected: STREAM_EXISTS,
      current: NO_STREAM,
    });
    expect(toStoreError(missing, 'appending')).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
  });

  it('maps unavailable and deadline exceeded, from the client or raw gRPC, to UNAVAILABLE', () => {
    for (const error of [
      new UnavailableError(),
      new DeadlineExceededError(),
      Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }),
      Object.assign(new Error('4 DEADLINE_EXCEEDED'), { code: 4 }),
    ]) {
      const mapped = toStoreError(error, 'appending to case-1');
      expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
      expect(mapped).toMatchObject({
        code: 'UNAVAILABLE',
        message: expect.stringMatching(/appending to case-1/) as string,
      });
    }
  });

  it('reads the wire sentinels the client passes through as negative revisions', () => {
    const error = new KurrentWrongExpectedVersionError(undefined, {
      streamName: 'case-3',
      expected: -1n,
      current: -1n,
    });
    expect(toStoreError(error, 'appending')).toMatchObject({ expected: 'no_stream', actual: 'no_stream' });
  });

  it('never lets a client error type reach callers', () => {
    const cancelled = toStoreError(new CancelledError(), 'subscribing to $all');
    expect(cancelled).toBeInstanceOf(EventStoreUnavailableError);
    const denied = toStoreError(new AccessDeniedError(), 'appending to case-1');
    expect(denied).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/credentials in EVENTSTORE_URL/) as string,
    });
    const deleted = toStoreError(new StreamDeletedError(undefined, 'case-9'), 'reading case-9');
    expect(deleted).toBeInstanceOf(EventStoreError);
    expect(deleted).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('leaves errors it does not know alone', () => {
    const bug = new TypeError('x is undefined');
    expect(toStoreError(bug, 'reading')).toBe(bug);
  });

  it('filters on the server by stream prefix, else by exact event types, else all but system events', () => {
    expect(toServerFilter({ streamPrefix: 'case-' })).toMatchObject({ filterOn: 'streamName', prefixes: ['case-'] });
    expect(toServerFilter({ eventTypes: ['CaseOpened', 'A.B'] })).toMatchObject({
      filterOn: 'eventType',
      regex: '^(?:CaseOpened|A\\.B)$',
    });
    expect(toServerFilter(undefined)).toMatchObject({ filterOn: 'streamName', regex: '^[^$]' });
    expect(
      matchesFilter({ streamId: 'case-1', type: 'NoteAdded' }, { streamPrefix: 'case-', eventTypes: ['NoteAdded'] }),
    ).toBe(true);
    expect(
      matchesFilter({ streamId: 'case-1', type: 'CaseOpened' }, { streamPrefix: 'case-', eventTypes: ['NoteAdded'] }),
    ).toBe(false);
    expect(matchesFilter({ streamId: '$stats', type: '$statsCollected' }, undefined)).toBe(false);
  });
});
