import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { Severity } from '@sot/domain';
import { CaseStatusEnum, DateTime, PageInfo, SeverityEnum, enumOf } from '../../graphql';
import type { CaseDetails } from '../../projections';
import { CaseWarning, DeadlineStateEnum } from '../case-detail';
import { SEARCH_COUNT_LIMIT } from './search-count';
import type { DeadlineState } from '../case-detail';

export const caseOrders = ['urgency', 'deadline', 'last_activity', 'opened'] as const;
export type CaseOrder = (typeof caseOrders)[number];
export const CaseOrderEnum = enumOf(
  caseOrders,
  'CaseOrder',
  'URGENCY: overdue first, then nearest deadline, open conflicts, refused records',
);

@ObjectType({ description: 'A caseload row: what is stuck, overdue or in conflict at a glance' })
export class CaseSummary {
  @Field(() => ID) id: string;
  @Field(() => CaseStatusEnum) status: CaseDetails['status'];
  @Field({ nullable: true }) caseManagerId?: string;
  @Field({ description: '"[erased]" once the patient\'s data is erased' }) patientName: string;
  @Field() conditionName: string;
  @Field(() => SeverityEnum) severity: Severity;
  @Field(() => DateTime, { nullable: true }) deadline?: Date;
  @Field(() => Int, { nullable: true, description: 'Calendar days to the deadline: 1 tomorrow, 0 today, -1 yesterday' })
  daysLeft?: number;
  @Field(() => DeadlineStateEnum, { nullable: true }) deadlineState?: DeadlineState;
  @Field(() => Int) outstandingRecords: number;
  @Field(() => Int) refusedRecords: number;
  @Field(() => Int, { description: 'Outstanding record items past their due date' }) overdueRecords: number;
  @Field(() => Int) pendingOpinions: number;
  @Field(() => Int) openConflicts: number;
  @Field(() => [CaseWarning]) warnings: CaseWarning[];
  @Field(() => DateTime) openedAt: Date;
  @Field(() => DateTime) lastActivityAt: Date;
  @Field(() => Int) version: number;
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
  @Field(() => Int, {
    description: `How many cases match: exact, except for a search matching more than ${SEARCH_COUNT_LIMIT.toLocaleString('en')} cases, counted no further (see totalCountIsExact)`,
  })
  totalCount: number;
  @Field({
    description: `False when a search matched more than ${SEARCH_COUNT_LIMIT.toLocaleString('en')} cases: totalCount is then ${SEARCH_COUNT_LIMIT.toLocaleString('en')} and the search is worth narrowing`,
  })
  totalCountIsExact: boolean;
}

@InputType()
export class CaseFilter {
  @Field(() => [CaseStatusEnum], { nullable: true }) status?: CaseDetails['status'][];
  @Field({ nullable: true, description: 'Supervisors and auditors only; case managers always see their own' })
  caseManagerId?: string;
  @Field({ nullable: true }) overdue?: boolean;
  @Field(() => Int, { nullable: true, description: 'Deadline within this many days (and not passed)' })
  dueWithinDays?: number;
  @Field({ nullable: true }) hasOpenConflict?: boolean;
  @Field({ nullable: true, description: 'Open with record items requested or sent, not yet received' })
  waitingOnRecords?: boolean;
  @Field({ nullable: true, description: 'Open with opinions requested, not yet received' })
  waitingOnOpinions?: boolean;
  @Field({
    nullable: true,
    description: 'Part of the patient name, medical record number or condition; accents and case ignored',
  })
  search?: string;
}

@ArgsType()
export class CasesArgs {
  @Field(() => Int, { defaultValue: 25 }) first: number;
  @Field({ nullable: true }) after?: string;
  @Field(() => CaseFilter, { nullable: true }) filter?: CaseFilter;
  @Field(() => CaseOrderEnum, { defaultValue: 'urgency' }) orderBy: CaseOrder;
}

@ObjectType({ description: "How many cases each of the dashboard's saved views holds" })
export class CaseloadCounts {
  @Field(() => Int) all: number;
  @Field(() => Int, { description: 'Open, deadline passed' }) overdue: number;
  @Field(() => Int, { description: 'Open, deadline within 7 days (and not passed)' }) dueWithinWeek: number;
  @Field(() => Int) openConflicts: number;
  @Field(() => Int) waitingOnRecords: number;
  @Field(() => Int) waitingOnOpinions: number;
  @Field({
    description: `False when a search matched more than ${SEARCH_COUNT_LIMIT.toLocaleString('en')} cases: counting stopped there, \`all\` is ${SEARCH_COUNT_LIMIT.toLocaleString('en')} and each view's count covers only the cases counted (at least that many)`,
  })
  exact: boolean;
}

@ArgsType()
export class CaseloadCountsArgs {
  @Field({ nullable: true, description: 'Supervisors and auditors only; case managers always count their own' })
  caseManagerId?: string;
  @Field({ nullable: true, description: 'As in the caseload filter' }) search?: string;
}
