import { sql } from 'kysely';
import type { Kysely, QueryExecutorProvider } from 'kysely';

/** A patient's data key as stored: wrapped under the key-encryption key, or destroyed. */
export type StoredPatientKey =
  | { readonly caseId: string; readonly wrappedKey: Buffer; readonly wrappedBy: string }
  | { readonly caseId: string; readonly erasedAt: Date };

type Row = { case_id: string; wrapped_key: Buffer | null; wrapped_by: string | null; erased_at: Date | null };

const toKey = (row: Row): StoredPatientKey =>
  row.wrapped_key !== null && row.wrapped_by !== null
    ? { caseId: row.case_id, wrappedKey: row.wrapped_key, wrappedBy: row.wrapped_by }
    : { caseId: row.case_id, erasedAt: row.erased_at ?? new Date(0) };

/**
 * One data key per case (a case is one patient's record), kept apart from the events it opens.
 * Erasing keeps the row with its key removed: a tombstone, so no new key is ever made for an
 * erased case.
 */
export class PatientKeysRepository {
  constructor(private readonly db: Kysely<unknown>) {}

  async find(caseIds: readonly string[]): Promise<Map<string, StoredPatientKey>> {
    if (caseIds.length === 0) {
      return new Map();
    }
    const { rows } = await sql<Row>`
      SELECT case_id, wrapped_key, wrapped_by, erased_at FROM patient_data.keys
      WHERE case_id = ANY(${[...caseIds]}::uuid[])`.execute(this.db);
    return new Map(rows.map((row) => [row.case_id, toKey(row)]));
  }

  /**
   * Stores the key unless the case has one (or had one) already; answers the case's key as stored,
   * or nothing when another transaction stored one this statement could not yet see: find it then.
   */
  async insertIfAbsent(caseId: string, wrappedKey: Buffer, wrappedBy: string): Promise<StoredPatientKey | undefined> {
    const { rows } = await sql<Row>`
      WITH inserted AS (
        INSERT INTO patient_data.keys (case_id, wrapped_key, wrapped_by) VALUES (${caseId}, ${wrappedKey}, ${wrappedBy})
        ON CONFLICT (case_id) DO NOTHING
        RETURNING case_id, wrapped_key, wrapped_by, erased_at
      )
      SELECT * FROM inserted
      UNION ALL
      SELECT case_id, wrapped_key, wrapped_by, erased_at FROM patient_data.keys WHERE case_id = ${caseId}
      LIMIT 1`.execute(this.db);
    return rows[0] && toKey(rows[0]);
  }
}

/**
 * Destroys a case's key, keeping its tombstone; a second call changes nothing. Takes the caller's
 * transaction: the read-model projection destroys the key in the same commit that scrubs the case.
 */
export const destroyPatientKey = async (executor: QueryExecutorProvider, caseId: string, at: string): Promise<void> => {
  await sql`
    INSERT INTO patient_data.keys (case_id, wrapped_key, wrapped_by, erased_at) VALUES (${caseId}, NULL, NULL, ${at})
    ON CONFLICT (case_id) DO UPDATE
      SET wrapped_key = NULL, wrapped_by = NULL, erased_at = COALESCE(keys.erased_at, EXCLUDED.erased_at)`.execute(
    executor,
  );
};
