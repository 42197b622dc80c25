import { Inject, Injectable } from '@nestjs/common';
import type { ColumnType, Generated, Kysely } from 'kysely';
import { KYSELY } from '../../platform';

export type AccessLogTable = {
  id: Generated<string>;
  user_id: string;
  case_id: string;
  action: string;
  at: Generated<ColumnType<Date, Date | string, Date | string>>;
};

/** Every read of a patient's case is itself recorded: who, which case, what, when. */
@Injectable()
export class AccessLogRepository {
  constructor(@Inject(KYSELY) private readonly db: Kysely<{ 'audit.access_log': AccessLogTable }>) {}

  async record(userId: string, caseId: string, action: string): Promise<void> {
    await this.db.insertInto('audit.access_log').values({ user_id: userId, case_id: caseId, action }).execute();
  }

  forCase(caseId: string) {
    return this.db.selectFrom('audit.access_log').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  }
}
