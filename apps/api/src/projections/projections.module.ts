import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CaseUpdatesListener } from './case-updates.listener';
import { ConflictSaga } from './conflict.saga';
import { ProjectionsService } from './projections.service';

@Module({
  imports: [CqrsModule],
  providers: [ProjectionsService, CaseUpdatesListener, ConflictSaga],
  exports: [ProjectionsService, CaseUpdatesListener],
})
export class ProjectionsModule {}
