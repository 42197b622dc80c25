import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { CaseCommandsModule } from '../case-commands';
import { ProjectionsModule } from '../projections';
import { AccessLogRepository, AccessLogResolver, CaseOwnersRepository, CaseReadAccess } from './access';
import { CaseDetailsRepository, CaseResolver } from './case-detail';
import { CaseloadRepository, CaseloadResolver, CaseloadService } from './caseload';
import { conflictsProviders } from './conflicts';
import { decisionsResolvers } from './decisions';
import { lifecycleResolvers } from './lifecycle';
import { CaseSubscriptionsResolver } from './live-updates';
import { CaseCommandSender, CasePayloadResolver } from './mutations';
import { opinionsResolvers } from './opinions';
import { OutcomeStatsRepository, OutcomeStatsResolver } from './outcomes';
import { recordsResolvers } from './records';
import { HistoryIntegrityResolver, StoreAnchoring } from './integrity';
import { TimelineRepository, TimelineResolver } from './timeline';

/** Every use case of a case, one folder each: its resolver, inputs and outputs. */
@Module({
  imports: [AuthModule, CaseCommandsModule, ProjectionsModule],
  providers: [
    AccessLogRepository,
    CaseOwnersRepository,
    CaseReadAccess,
    AccessLogResolver,
    CaseDetailsRepository,
    CaseResolver,
    TimelineRepository,
    TimelineResolver,
    HistoryIntegrityResolver,
    StoreAnchoring,
    CaseloadRepository,
    CaseloadService,
    CaseloadResolver,
    OutcomeStatsRepository,
    OutcomeStatsResolver,
    CaseSubscriptionsResolver,
    CaseCommandSender,
    CasePayloadResolver,
    ...lifecycleResolvers,
    ...opinionsResolvers,
    ...recordsResolvers,
    ...conflictsProviders,
    ...decisionsResolvers,
  ],
})
export class CasesModule {}
