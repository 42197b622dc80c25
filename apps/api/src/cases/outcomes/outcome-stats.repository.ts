import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { READ_DB } from '../../projections';
import type { ReadModelTables } from '../../projections';

/** Outcome figures per case manager, summed in the database from the caseload rows. */
@Injectable()
export class OutcomeStatsRepository {
  constructor(@Inject(READ_DB) private readonly db: Kysely<ReadModelTables>) {}

  byManager(caseManagerId?: string) {
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
