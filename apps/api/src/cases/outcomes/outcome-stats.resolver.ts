import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../../auth';
import type { AuthenticatedUser } from '../../auth';
import { AppError } from '../../platform';
import { OutcomeStatsRepository } from './outcome-stats.repository';
import { OutcomeStats } from './outcome-stats.types';
import type { OutcomeRates } from './outcome-stats.types';

/** 2015 review of 6,791 second opinions (reported by the Wall Street Journal). */
export const PUBLISHED_BASELINE = {
  diagnosisChangedRate: 0.148,
  treatmentChangedRate: 0.374,
  source: '2015 review of 6,791 second opinions: diagnosis changed 14.8%, treatment 37.4%',
};

type Row = Awaited<ReturnType<OutcomeStatsRepository['byManager']>>[number];

const rates = (rows: readonly Row[]): OutcomeRates => {
  const sum = (pick: (row: Row) => string | null | undefined) =>
    rows.reduce((total, row) => total + Number(pick(row) ?? 0), 0);
  const cases = sum((row) => row.cases);
  const receivedOpinions = sum((row) => row.received);
  const diagnosisChanged = sum((row) => row.diagnosis_changed);
  const treatmentChanged = sum((row) => row.treatment_changed);
  const decidedCases = sum((row) => row.decided);
  const weightedDays = rows.reduce(
    (total, row) => total + Number(row.avg_days_to_decision ?? 0) * Number(row.decided),
    0,
  );
  return {
    cases,
    receivedOpinions,
    diagnosisChanged,
    treatmentChanged,
    diagnosisChangedRate: receivedOpinions ? diagnosisChanged / receivedOpinions : undefined,
    treatmentChangedRate: receivedOpinions ? treatmentChanged / receivedOpinions : undefined,
    decidedCases,
    averageDaysToDecision: decidedCases ? weightedDays / decidedCases : undefined,
    conflictsPerCase: cases ? sum((row) => row.conflicts) / cases : undefined,
  };
};

@Resolver()
export class OutcomeStatsResolver {
  constructor(private readonly stats: OutcomeStatsRepository) {}

  @Query(() => OutcomeStats, {
    description: 'How often opinions changed the diagnosis or the treatment, against published figures',
  })
  async outcomeStats(
    @CurrentUser() user: AuthenticatedUser,
    @Args('caseManagerId', { nullable: true }) caseManagerId?: string,
  ): Promise<OutcomeStats> {
    if (user.role === 'CASE_MANAGER' && caseManagerId !== undefined && caseManagerId !== user.id) {
      throw new AppError('FORBIDDEN', 'A case manager sees the statistics of their own caseload only', {
        field: 'caseManagerId',
      });
    }
    const scope = user.role === 'CASE_MANAGER' ? user.id : caseManagerId;
    const rows = await this.stats.byManager(scope);
    return {
      overall: rates(rows),
      byManager: rows
        .filter((row) => row.case_manager_id !== null)
        .map((row) => ({ caseManagerId: row.case_manager_id!, rates: rates([row]) })),
      baseline: PUBLISHED_BASELINE,
    };
  }
}
