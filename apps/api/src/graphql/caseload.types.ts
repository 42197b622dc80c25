import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DateTime } from './scalars';
import { CaseOrder, CaseStatus, Severity } from './enums';
import { CaseWarning } from './case.types';

@ObjectType({ description: 'A caseload row: what is stuck, overdue or in conflict at a glance' })
export class CaseSummary {
  @Field(() => ID) id: string;
  @Field(() => CaseStatus) status: string;
  @Field({ nullable: true }) caseManagerId?: string;
  @Field() patientName: string;
  @Field() conditionName: string;
  @Field(() => Severity) severity: string;
  @Field(() => DateTime, { nullable: true }) deadline?: Date;
  @Field(() => Int, { nullable: true, description: 'Negative when overdue' }) daysLeft?: number;
  @Field(() => Int) outstandingRecords: number;
  @Field(() => Int) refusedRecords: number;
  @Field(() => Int) pendingOpinions: number;
  @Field(() => Int) openConflicts: number;
  @Field(() => [CaseWarning]) warnings: CaseWarning[];
  @Field(() => DateTime) openedAt: Date;
  @Field(() => DateTime) lastActivityAt: Date;
  @Field(() => Int) version: number;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field({ nullable: true }) endCursor?: string;
}

@ObjectType()
export class CaseEdge {
  @Field() cursor: string;
  @Field(() => CaseSummary) node: CaseSummary;
}

@ObjectType()
export class CaseConnection {
  @Field(() => [CaseEdge]) edges: CaseEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@InputType()
export class CaseFilter {
  @Field(() => [CaseStatus], { nullable: true }) status?: string[];
  @Field({ nullable: true, description: 'Supervisors and auditors only; case managers always see their own' })
  caseManagerId?: string;
  @Field({ nullable: true }) overdue?: boolean;
  @Field(() => Int, { nullable: true, description: 'Deadline within this many days (and not passed)' })
  dueWithinDays?: number;
  @Field({ nullable: true }) hasOpenConflict?: boolean;
  @Field({ nullable: true, description: 'Matches patient name or condition' }) search?: string;
}

@ArgsType()
export class CasesArgs {
  @Field(() => Int, { defaultValue: 25 }) first: number;
  @Field({ nullable: true }) after?: string;
  @Field(() => CaseFilter, { nullable: true }) filter?: CaseFilter;
  @Field(() => CaseOrder, { defaultValue: 'urgency' }) orderBy: string;
}

@ObjectType()
export class TimelineEntry {
  @Field(() => Int) revision: number;
  @Field() eventType: string;
  @Field(() => DateTime) occurredAt: Date;
  @Field(() => DateTime) recordedAt: Date;
  @Field({ nullable: true }) actorId?: string;
  @Field() summary: string;
}

@ObjectType()
export class TimelineConnection {
  @Field(() => [TimelineEntry]) entries: TimelineEntry[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType()
export class OutcomeRates {
  @Field(() => Int) cases: number;
  @Field(() => Int) receivedOpinions: number;
  @Field(() => Int) diagnosisChanged: number;
  @Field(() => Int) treatmentChanged: number;
  @Field({ nullable: true, description: 'Share of received opinions that changed the diagnosis' })
  diagnosisChangedRate?: number;
  @Field({ nullable: true }) treatmentChangedRate?: number;
  @Field(() => Int) decidedCases: number;
  @Field({ nullable: true }) averageDaysToDecision?: number;
  @Field({ nullable: true }) conflictsPerCase?: number;
}

@ObjectType()
export class ManagerOutcomes {
  @Field() caseManagerId: string;
  @Field(() => OutcomeRates) rates: OutcomeRates;
}

@ObjectType({ description: 'Published figures to compare against' })
export class OutcomeBaseline {
  @Field() diagnosisChangedRate: number;
  @Field() treatmentChangedRate: number;
  @Field() source: string;
}

@ObjectType()
export class OutcomeStats {
  @Field(() => OutcomeRates) overall: OutcomeRates;
  @Field(() => [ManagerOutcomes]) byManager: ManagerOutcomes[];
  @Field(() => OutcomeBaseline) baseline: OutcomeBaseline;
}
