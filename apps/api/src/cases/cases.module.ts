import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionsModule } from '../projections/projections.module';
import { AccessLogRepository } from './access-log.repository';
import { CaseCommandService } from './case-command.service';
import { CaseLifecycleResolver } from './case-lifecycle.resolver';
import { CaseQueriesResolver } from './case-queries.resolver';
import { CaseReadAccess } from './case-read-access';
import { CaseReadRepository } from './case-read.repository';
import { CaseSubscriptionsResolver } from './case-subscriptions.resolver';
import { CaseloadRepository } from './caseload.repository';
import { CaseloadService } from './caseload.service';
import { ExecuteCaseCommandHandler } from './execute-case-command.handler';
import { OpinionsResolver } from './opinions.resolver';
import { OutcomeStatsResolver } from './outcome-stats.resolver';
import { RecordsResolver } from './records.resolver';

@Module({
  imports: [CqrsModule, ProjectionsModule],
  providers: [
    ExecuteCaseCommandHandler,
    CaseCommandService,
    CaseReadRepository,
    CaseloadRepository,
    CaseloadService,
    AccessLogRepository,
    CaseReadAccess,
    CaseQueriesResolver,
    CaseLifecycleResolver,
    OpinionsResolver,
    RecordsResolver,
    CaseSubscriptionsResolver,
    OutcomeStatsResolver,
  ],
})
export class CasesModule {}
