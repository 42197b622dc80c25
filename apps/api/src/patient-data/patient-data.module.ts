import { Global, Module } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { APP_CONFIG, KYSELY } from '../platform';
import type { AppConfig } from '../platform';
import { keyEncryptionKey } from './key-encryption-key';
import { localKeyWrapper } from './key-wrapping';
import { PatientDataVault } from './patient-data.vault';
import { PatientKeysRepository } from './patient-keys.repository';

/** Sealing and opening patients' data, for every module that writes or reads case events. */
@Global()
@Module({
  providers: [
    {
      provide: PatientDataVault,
      useFactory: async (db: Kysely<unknown>, config: AppConfig) =>
        new PatientDataVault(new PatientKeysRepository(db), localKeyWrapper(await keyEncryptionKey(config))),
      inject: [KYSELY, APP_CONFIG],
    },
  ],
  exports: [PatientDataVault],
})
export class PatientDataModule {}
