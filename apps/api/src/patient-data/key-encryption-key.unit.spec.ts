import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../platform';
import { keyEncryptionKey } from './key-encryption-key';

describe('the key-encryption key', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sot-kek-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('is PATIENT_DATA_KEY when set', async () => {
    const key = Buffer.alloc(32, 3);
    const config = loadConfig({ DATA_DIR: dataDir, PATIENT_DATA_KEY: key.toString('base64') });
    expect(await keyEncryptionKey(config)).toEqual(key);
  });

  it('is generated once for the embedded default, readable by its owner only, and the same on every start', async () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    const [first, second] = await Promise.all([keyEncryptionKey(config), keyEncryptionKey(config)]);
    expect(first).toHaveLength(32);
    expect(second).toEqual(first);
    expect(await keyEncryptionKey(config)).toEqual(first);
    expect((await stat(join(dataDir, 'patient-data-key'))).mode & 0o777).toBe(0o600);
  });
});
