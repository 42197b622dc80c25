import { erasedValue, patientDataFieldsOf } from '@sot/domain';
import type { CaseEventType } from '@sot/domain';
import type { JsonObject } from '@sot/event-store';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** A case's data key, imported once (a KeyObject) rather than at every event. */
export type DataKey = KeyObject;

/** The key under which a stored event keeps its sealed patient data. */
export const SEALED = '$patientData';

/** Sealed patient data: which fields it holds (in clear, so an erased event keeps its shape), and their ciphertext. */
type Sealed = { readonly v: 1; readonly fields: readonly string[]; readonly iv: string; readonly ciphertext: string };

/** What binds a sealed value to its event: it cannot be moved to another event or case and still open. */
export type EventIdentity = { readonly streamId: string; readonly eventId: string; readonly type: string };

const IV_BYTES = 12;
const TAG_BYTES = 16;

const aad = ({ streamId, eventId, type }: EventIdentity): Buffer =>
  Buffer.from(`${streamId}\u0000${eventId}\u0000${type}`);

const isSealed = (value: unknown): value is Sealed =>
  typeof value === 'object' &&
  value !== null &&
  (value as Sealed).v === 1 &&
  Array.isArray((value as Sealed).fields) &&
  typeof (value as Sealed).iv === 'string' &&
  typeof (value as Sealed).ciphertext === 'string';

/**
 * The event's data as stored: its patient data fields (see `patientDataFields`) moved into one
 * AES-256-GCM ciphertext under the patient's key. An event without such fields is stored as it is.
 */
export const sealEventData = (identity: EventIdentity, data: JsonObject, key: DataKey): JsonObject => {
  const fields = patientDataFieldsOf(identity.type).filter((field) => data[field] !== undefined);
  if (fields.length === 0) {
    return data;
  }
  const secret = Object.fromEntries(fields.map((field) => [field, data[field]]));
  const rest = Object.fromEntries(Object.entries(data).filter(([field]) => !fields.includes(field)));
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(identity));
  const ciphertext = Buffer.concat([
    cipher.update(JSON.stringify(secret), 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  const sealed: Sealed = { v: 1, fields, iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64') };
  return { ...rest, [SEALED]: sealed };
};

export class SealedDataError extends Error {
  override readonly name = 'SealedDataError';
}

/**
 * The event's data as the domain knows it: with the patient's key, the sealed fields opened; with
 * the key destroyed (`erased`), each sealed field as it reads once erased. Data stored before
 * sealing existed passes through unchanged.
 */
export const openEventData = (identity: EventIdentity, data: JsonObject, key: DataKey | 'erased'): JsonObject => {
  const sealed = data[SEALED];
  if (sealed === undefined) {
    return data;
  }
  if (!isSealed(sealed)) {
    throw new SealedDataError(`Event ${identity.eventId} holds patient data in an unknown form`);
  }
  const { [SEALED]: _sealed, ...rest } = data;
  if (key === 'erased') {
    const type = identity.type as CaseEventType;
    return { ...rest, ...Object.fromEntries(sealed.fields.map((field) => [field, erasedValue(type, field)])) };
  }
  const bytes = Buffer.from(sealed.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(aad(identity));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    const plain = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]);
    return { ...rest, ...(JSON.parse(plain.toString('utf8')) as JsonObject) };
  } catch {
    throw new SealedDataError(`The patient data of event ${identity.eventId} does not open with its case's key`);
  }
};
