import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { READ_DB } from '../../projections';
import type { CaseDetails, ReadModelTables } from '../../projections';

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
}
