import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { KYSELY } from '../database/database';
import type { AppTables } from '../database/tables';

/** Every read of a patient's case is itself recorded: who, which case, what, when. */
@Injectable()
export class AccessLogRepository {
  constructor(@Inject(KYSELY) private readonly db: Kysely<AppTables>) {}

  async record(userId: string, caseId: string, action: string): Promise<void> {
    await this.db.insertInto('audit.access_log').values({ user_id: userId, case_id: caseId, action }).execute();
  }

  forCase(caseId: string) {
    return this.db.selectFrom('audit.access_log').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  }
}
