import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import { KYSELY } from '../../platform';

export type AccessLogTable = {
  id: Generated<string>;
  user_id: string;
  role: string | null;
  case_ids: string[];
  operation: string;
  outcome: string;
  client_address: string | null;
  at: ColumnType<Date, string | undefined, never>;
};

export type AccessLogRow = Selectable<AccessLogTable>;

/** ALLOWED, or the code the request was refused with (FORBIDDEN, NOT_FOUND, ...). */
export type AccessOutcome = 'ALLOWED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT';

export type AccessEntry = {
  readonly userId: string;
  readonly role: string;
  readonly operation: string;
  readonly caseIds: readonly string[];
  readonly outcome: AccessOutcome;
  readonly clientAddress?: string;
};

export type AccessLogFilter = {
  readonly userId?: string;
  readonly caseId?: string;
  readonly operation?: string;
  readonly outcome?: string;
  readonly from?: Date;
  readonly to?: Date;
};

/** Every read of patient data, allowed or refused: append-only (the table refuses UPDATE and DELETE). */
@Injectable()
export class AccessLogRepository {
  constructor(@Inject(KYSELY) private readonly db: Kysely<{ 'audit.access_log': AccessLogTable }>) {}

  async record(entry: AccessEntry): Promise<void> {
    await this.db
      .insertInto('audit.access_log')
      .values({
        user_id: entry.userId,
        role: entry.role,
        case_ids: [...entry.caseIds],
        operation: entry.operation,
        outcome: entry.outcome,
        client_address: entry.clientAddress ?? null,
      })
      .execute();
  }

  /** Newest first, `first` rows below the id `before` (the cursor). */
  async page(filter: AccessLogFilter, first: number, before?: string): Promise<AccessLogRow[]> {
    let query = this.db.selectFrom('audit.access_log').selectAll();
    if (filter.userId !== undefined) {
      query = query.where('user_id', '=', filter.userId);
    }
    if (filter.caseId !== undefined) {
      query = query.where(sql<boolean>`case_ids @> ARRAY[${filter.caseId}]::uuid[]`);
    }
    if (filter.operation !== undefined) {
      query = query.where('operation', '=', filter.operation);
    }
    if (filter.outcome !== undefined) {
      query = query.where('outcome', '=', filter.outcome);
    }
    if (filter.from !== undefined) {
      query = query.where('at', '>=', filter.from);
    }
    if (filter.to !== undefined) {
      query = query.where('at', '<', filter.to);
    }
    if (before !== undefined) {
      query = query.where('id', '<', before);
    }
    return query.orderBy('id', 'desc').limit(first).execute();
  }
}
