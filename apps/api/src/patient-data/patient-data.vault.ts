import { DomainError, caseIdFromStream } from '@sot/domain';
import type { JsonObject, RecordedEvent } from '@sot/event-store';
import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { KEY_BYTES } from './key-wrapping';
import type { KeyWrapper } from './key-wrapping';
import { SEALED, SealedDataError, openEventData, sealEventData } from './patient-data.cipher';
import type { DataKey, EventIdentity } from './patient-data.cipher';
import type { PatientKeysRepository, StoredPatientKey } from './patient-keys.repository';

/** What writing a case needs of its key. */
export type Sealer = {
  /** An event's data as stored: its patient data sealed. */
  readonly seal: (identity: EventIdentity, data: JsonObject) => JsonObject;
  /**
   * A keyed hash (HMAC-SHA256) of a value holding patient data: stable while the key lives, so a
   * retried command is recognised, and impossible to test guesses against once it is destroyed.
   */
  readonly fingerprint: (value: string) => string;
};
/** Opens a stored event's patient data: with the key, as written; after erasure, as erased. */
export type Opener = (recorded: RecordedEvent) => RecordedEvent;

/**
 * The one place that holds patients' data keys: made when a case is first written, unwrapped per
 * use, never cached (an erasure on another instance takes effect on the next read here), never
 * logged.
 */
export class PatientDataVault {
  constructor(
    private readonly keys: PatientKeysRepository,
    private readonly wrapper: KeyWrapper,
  ) {}

  /** What seals the events of a case being written; makes the case's key on its first write. */
  async sealerFor(caseId: string): Promise<Sealer> {
    const stored = (await this.keys.find([caseId])).get(caseId) ?? (await this.create(caseId));
    if (!('wrappedKey' in stored)) {
      throw new DomainError(
        'PATIENT_DATA_ERASED',
        "The patient's data was erased from this case: it takes no further changes",
      );
    }
    const key = await this.unwrap(stored);
    return {
      seal: (identity, data) => sealEventData(identity, data, key),
      fingerprint: (value) => createHmac('sha256', key).update(value).digest('base64url'),
    };
  }

  /** What opens the stored events of these cases: one look-up for all of them. */
  async openerFor(caseIds: Iterable<string>): Promise<Opener> {
    const stored = await this.keys.find([...new Set(caseIds)]);
    const keys = new Map<string, DataKey | 'erased'>();
    for (const [caseId, key] of stored) {
      keys.set(caseId, 'wrappedKey' in key ? await this.unwrap(key) : 'erased');
    }
    return (recorded) => {
      const caseId = caseIdFromStream(recorded.streamId);
      const key = caseId === undefined ? undefined : keys.get(caseId);
      if (key === undefined) {
        // Events of a case with no key hold no sealed data (written before sealing, or not a case's).
        return ensureUnsealed(recorded);
      }
      return { ...recorded, data: openEventData(identityOf(recorded), recorded.data, key) };
    };
  }

  private async create(caseId: string): Promise<StoredPatientKey> {
    const wrapped = await this.wrapper.wrap(randomBytes(KEY_BYTES));
    const stored = await this.keys.insertIfAbsent(caseId, wrapped, this.wrapper.id);
    return stored ?? (await this.keys.find([caseId])).get(caseId)!;
  }

  private async unwrap(stored: StoredPatientKey & { readonly wrappedBy: string; readonly wrappedKey: Buffer }) {
    if (stored.wrappedBy !== this.wrapper.id) {
      throw new SealedDataError(
        `The key of case ${stored.caseId} was wrapped by ${stored.wrappedBy}, not by the configured ${this.wrapper.id}: is PATIENT_DATA_KEY the one this database was written with?`,
      );
    }
    return createSecretKey(await this.wrapper.unwrap(stored.wrappedKey));
  }
}

/**
 * A stored event with its patient data left sealed, read as erased: what deciding a command needs
 * (no rule depends on patient data), without a key, a look-up or a decryption.
 */
export const withoutPatientData = (recorded: RecordedEvent): RecordedEvent =>
  recorded.data[SEALED] === undefined
    ? recorded
    : { ...recorded, data: openEventData(identityOf(recorded), recorded.data, 'erased') };

const identityOf = (recorded: RecordedEvent): EventIdentity => ({
  streamId: recorded.streamId,
  eventId: recorded.eventId,
  type: recorded.type,
});

/** Without a key row, sealed data could never open: say so rather than read it as erased. */
const ensureUnsealed = (recorded: RecordedEvent): RecordedEvent => {
  if (recorded.data[SEALED] !== undefined) {
    throw new SealedDataError(`Event ${recorded.eventId} holds sealed patient data, but its case has no key`);
  }
  return recorded;
};
