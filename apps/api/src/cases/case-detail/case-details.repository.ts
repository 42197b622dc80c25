import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { READ_DB } from '../../projections';
import type { CaseDetails, NoteDetails, ReadModelTables } from '../../projections';

/** The case page's read model; never the event store. */
@Injectable()
export class CaseDetailsRepository {
  constructor(@Inject(READ_DB) private readonly db: Kysely<ReadModelTables>) {}

  find(caseId: string): Promise<{ details: CaseDetails; version: number } | undefined> {
    return this.db
      .selectFrom('case_details')
      .select(['details', 'version'])
      .where('case_id', '=', caseId)
      .executeTakeFirst();
  }

  /** A case's notes, oldest first: rows of their own, apart from the page. */
  async notes(caseId: string): Promise<(Omit<NoteDetails, 'addedAt'> & { addedAt: Date })[]> {
    const rows = await this.db
      .selectFrom('case_notes')
      .select(['note_id', 'text', 'author', 'added_at'])
      .where('case_id', '=', caseId)
      .orderBy('stream_revision')
      .execute();
    return rows.map((row) => ({ noteId: row.note_id, text: row.text, author: row.author, addedAt: row.added_at }));
  }
}
