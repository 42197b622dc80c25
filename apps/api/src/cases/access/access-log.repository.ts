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

/** The table refused the data (SQLSTATE classes 22, data exception, and 23, integrity constraint). */
const refusedData = (error: Error): boolean => {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
};

type Pending = { readonly entry: AccessEntry; readonly done: (error?: Error) => void };

/**
 * Every read of patient data, allowed or refused: append-only (the table refuses UPDATE and DELETE).
 * A read is answered only once its row is committed. Rows of reads that arrive while an insert is
 * being committed wait for it and go in together in the next one (a group commit): under load one
 * statement and one commit serve many reads; alone, a read waits for nothing more than its own.
 */
@Injectable()
export class AccessLogRepository {
  private pending: Pending[] = [];
  private writing = false;

  constructor(@Inject(KYSELY) private readonly db: Kysely<{ 'audit.access_log': AccessLogTable }>) {}

  /** Resolves once the entry is committed; rejects (the read must not be answered) if it could not be. */
  record(entry: AccessEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => (error === undefined ? resolve() : reject(error));
      this.pending.push({ entry, done });
      if (!this.writing) {
        void this.writePending();
      }
    });
  }

  private async writePending(): Promise<void> {
    this.writing = true;
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      const error = await this.insert(batch.map(({ entry }) => entry));
      if (error !== undefined && batch.length > 1 && refusedData(error)) {
        // One entry the table refuses must not fail the reads logged beside it: each on its own.
        // (Not on any other error: a database out of reach fails the batch at once, and a batch
        // whose commit may have happened is never written twice.)
        for (const { entry, done } of batch) {
          done(await this.insert([entry]));
        }
        continue;
      }
      for (const { done } of batch) {
        done(error);
      }
    }
    this.writing = false;
  }

  /** The entries in arrival order (ids follow it), as one statement: all of them or none. */
  private async insert(entries: readonly AccessEntry[]): Promise<Error | undefined> {
    const rows = entries.map((entry) => ({
      user_id: entry.userId,
      role: entry.role,
      case_ids: entry.caseIds,
      operation: entry.operation,
      outcome: entry.outcome,
      client_address: entry.clientAddress ?? null,
    }));
    return sql`
      INSERT INTO audit.access_log (user_id, role, case_ids, operation, outcome, client_address)
      SELECT user_id, role, case_ids, operation, outcome, client_address
      FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS (
        user_id text, role text, case_ids uuid[], operation text, outcome text, client_address text))
        WITH ORDINALITY AS entry(user_id, role, case_ids, operation, outcome, client_address, n)
      ORDER BY n`
      .execute(this.db)
      .then(
        () => undefined,
        (failed: unknown) => (failed instanceof Error ? failed : new Error('The access log could not be written')),
      );
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
