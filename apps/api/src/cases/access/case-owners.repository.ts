import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { READ_DB } from '../../projections';
import type { ReadModelTables } from '../../projections';

/** Whose caseload a case is in, as the read model has it: what read authorization checks. */
@Injectable()
export class CaseOwnersRepository {
  constructor(@Inject(READ_DB) private readonly db: Kysely<ReadModelTables>) {}

  /** The case manager of a case: null when it has none, undefined when there is no such case. */
  async managerOf(caseId: string): Promise<string | null | undefined> {
    const row = await this.db
      .selectFrom('case_summaries')
      .select('case_manager_id')
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return row ? row.case_manager_id : undefined;
  }
}
