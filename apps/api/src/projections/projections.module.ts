import { Module } from '@nestjs/common';
import type { Database } from '@sot/postgres';
import { DATABASE, READ_MODEL_SCHEMA_NAME } from '../platform';
import { CaseUpdatesListener } from './case-updates/case-updates.listener';
import { ProjectionsService } from './projections.service';
import { READ_DB, READ_MODELS, openReadModels } from './read-models';
import type { ReadModelDatabase } from './read-models';
import { ReadYourWrites } from './read-your-writes';

@Module({
  providers: [
    {
      provide: READ_MODELS,
      useFactory: (database: Database, schema: string) => openReadModels(database, schema),
      inject: [DATABASE, READ_MODEL_SCHEMA_NAME],
    },
    { provide: READ_DB, useFactory: (readModels: ReadModelDatabase) => readModels.db, inject: [READ_MODELS] },
    ProjectionsService,
    ReadYourWrites,
    CaseUpdatesListener,
  ],
  exports: [READ_MODELS, READ_DB, ProjectionsService, ReadYourWrites, CaseUpdatesListener],
})
export class ProjectionsModule {}
