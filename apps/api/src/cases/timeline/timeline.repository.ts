import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { READ_DB } from '../../projections';
import type { ReadModelTables, TimelineRow } from '../../projections';

export type TimelinePage = { rows: TimelineRow[]; hasNextPage: boolean; totalCount: number };

/** A case's audit trail, a page at a time. */
@Injectable()
export class TimelineRepository {
  constructor(@Inject(READ_DB) private readonly db: Kysely<ReadModelTables>) {}

  /** Entries after `afterRevision`; with `until`, only those recorded by then (a case as it stood). */
  async page(caseId: string, first: number, afterRevision: number, until?: Date): Promise<TimelinePage> {
    let entries = this.db.selectFrom('timeline').where('case_id', '=', caseId);
    if (until !== undefined) {
      entries = entries.where('recorded_at', '<=', until);
    }
    const [rows, total] = await Promise.all([
      entries
        .selectAll()
        .where('stream_revision', '>', afterRevision)
        .orderBy('stream_revision')
        .limit(first + 1)
        .execute(),
      entries.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount: Number(total.n) };
  }
}
