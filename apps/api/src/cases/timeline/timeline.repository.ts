import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { READ_DB } from '../../projections';
import type { ReadModelTables, TimelineRow } from '../../projections';

export type TimelinePage = { rows: TimelineRow[]; hasNextPage: boolean; totalCount: number };

/** A case's audit trail, a page at a time. */
@Injectable()
export class TimelineRepository {
  constructor(@Inject(READ_DB) private readonly db: Kysely<ReadModelTables>) {}

  async page(caseId: string, first: number, afterRevision: number): Promise<TimelinePage> {
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
}
