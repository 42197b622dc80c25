import { Injectable } from '@nestjs/common';
import { isCaseId } from '@sot/domain';
import type { AuthenticatedUser } from '../../auth';
import { AppError } from '../../platform';
import { AccessLogRepository } from './access-log.repository';
import { CaseOwnersRepository } from './case-owners.repository';

/** Least privilege on reads: a case manager sees their own caseload; each read is logged. */
@Injectable()
export class CaseReadAccess {
  constructor(
    private readonly owners: CaseOwnersRepository,
    private readonly accessLog: AccessLogRepository,
  ) {}

  async authorize(user: AuthenticatedUser, caseId: string, action: string): Promise<string> {
    if (!isCaseId(caseId)) {
      throw new AppError('BAD_USER_INPUT', 'A case id is a UUID', { field: 'id' });
    }
    const id = caseId.toLowerCase();
    const manager = await this.owners.managerOf(id);
    if (manager === undefined) {
      throw new AppError('NOT_FOUND', `No case ${id}`);
    }
    if (user.role === 'CASE_MANAGER' && manager !== user.id) {
      throw new AppError('FORBIDDEN', 'This case is not in your caseload');
    }
    await this.accessLog.record(user.id, id, action);
    return id;
  }
}
