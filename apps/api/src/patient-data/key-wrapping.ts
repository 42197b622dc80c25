import { createCipheriv, createDecipheriv, createHash, createSecretKey, randomBytes } from 'node:crypto';

/**
 * Wraps (encrypts) each patient's data key under a key-encryption key, so the table of patient
 * keys is useless without it. This is the seam for a KMS: an implementation calling the KMS's
 * encrypt/decrypt (or generate-data-key) keeps the key-encryption key out of this process
 * entirely; see docs/PATIENT-DATA.md.
 */
export type KeyWrapper = {
  /** Names the key-encryption key, stored beside each wrapped key so keys can be rewrapped after rotation. */
  readonly id: string;
  readonly wrap: (dataKey: Buffer) => Promise<Buffer>;
  readonly unwrap: (wrapped: Buffer) => Promise<Buffer>;
};

const IV_BYTES = 12;
const TAG_BYTES = 16;

export const KEY_BYTES = 32;

/** AES-256-GCM under a key held by this process (from PATIENT_DATA_KEY, or generated beside the embedded data). */
export const localKeyWrapper = (keyEncryptionKey: Buffer): KeyWrapper => {
  if (keyEncryptionKey.length !== KEY_BYTES) {
    throw new Error(`The patient data key-encryption key must be ${KEY_BYTES} bytes, not ${keyEncryptionKey.length}`);
  }
  // A fingerprint, never the key: enough to tell which key wrapped a row.
  const id = `local:${createHash('sha256').update(keyEncryptionKey).digest('base64url').slice(0, 16)}`;
  // Imported once: a raw key would be imported again at every wrap and unwrap (a rebuild unwraps a
  // key per case of each batch).
  const key = createSecretKey(keyEncryptionKey);
  const aad = Buffer.from(id);
  return {
    id,
    wrap: (dataKey) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad);
      const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), ciphertext]));
    },
    unwrap: (wrapped) => {
      const decipher = createDecipheriv('aes-256-gcm', key, wrapped.subarray(0, IV_BYTES));
      decipher.setAAD(aad);
      decipher.setAuthTag(wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Promise.resolve(
        Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]),
      );
    },
  };
};
