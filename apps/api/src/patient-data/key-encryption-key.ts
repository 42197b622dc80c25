import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../platform';
import { KEY_BYTES } from './key-wrapping';

/**
 * The key that wraps every patient's data key: PATIENT_DATA_KEY (required in production), or, for
 * the embedded default, one generated once and kept beside the embedded data, readable by its owner only.
 */
export const keyEncryptionKey = async (config: AppConfig): Promise<Buffer> => {
  if (config.PATIENT_DATA_KEY !== undefined) {
    return Buffer.from(config.PATIENT_DATA_KEY, 'base64');
  }
  const file = join(config.dataDir, 'patient-data-key');
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  } catch {
    await mkdir(config.dataDir, { recursive: true });
    const key = randomBytes(KEY_BYTES);
    await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' }).catch((error: unknown) => {
      // Another instance wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    });
    await chmod(file, 0o600);
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  }
};
