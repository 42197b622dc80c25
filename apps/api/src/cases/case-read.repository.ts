import { Inject, Injectable } from '@nestjs/common';
import type { ExistingCase } from '@sot/domain';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { READ_DB } from '../core/core.module';
import type { CaseSummaryRow, ReadModelTables } from '../database/tables';
import { caseView } from '../graphql/case-view';
import type { Case } from '../graphql/case.types';

/** Reads of the case read models; never the event store. */
@Injectable()
export class CaseReadRepository {
  constructor(@Inject(READ_DB) private readonly db: Kysely<ReadModelTables>) {}

  async caseView(caseId: string, now: Date): Promise<Case | undefined> {
    const row = await this.db
      .selectFrom('case_states')
      .select(['state', 'version'])
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return row ? caseView(caseId, row.state as ExistingCase, row.version, now) : undefined;
  }

  summary(caseId: string): Promise<CaseSummaryRow | undefined> {
    return this.db.selectFrom('case_summaries').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  }

  async timeline(caseId: string, first: number, afterRevision: number) {
    const [rows, total] = await Promise.all([
      this.db
        .selectFrom('timeline')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('stream_revision', '>', afterRevision)
        .orderBy('stream_revision')
        .limit(first + 1)
        .execute(),
      this.db
        .selectFrom('timeline')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount: Number(total.n) };
  }

  /** Caseload owner of a case, for authorization of reads. */
  async managerOf(caseId: string): Promise<string | null | undefined> {
    const row = await this.db
      .selectFrom('case_summaries')
      .select('case_manager_id')
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return row ? row.case_manager_id : undefined;
  }

  async outcomeRows(caseManagerId?: string) {
    let query = this.db
      .selectFrom('case_summaries')
      .select([
        'case_manager_id',
        (eb) => eb.fn.countAll<string>().as('cases'),
        (eb) => eb.fn.sum<string>('received_opinions').as('received'),
        (eb) => eb.fn.sum<string>('diagnosis_changes').as('diagnosis_changed'),
        (eb) => eb.fn.sum<string>('treatment_changes').as('treatment_changed'),
        (eb) => eb.fn.sum<string>('conflicts_raised').as('conflicts'),
        sql<string>`count(decided_at)`.as('decided'),
        sql<string | null>`avg(extract(epoch FROM decided_at - opened_at) / 86400)`.as('avg_days_to_decision'),
      ])
      .groupBy('case_manager_id');
    if (caseManagerId !== undefined) {
      query = query.where('case_manager_id', '=', caseManagerId);
    }
    return query.execute();
  }
}
