import { Injectable } from '@nestjs/common';
import { isCaseId } from '@sot/domain';
import type { AuthenticatedUser } from '../../auth';
import { AppError } from '../../platform';
import { AccessLogRepository } from './access-log.repository';
import type { AccessOutcome } from './access-log.repository';
import { CaseOwnersRepository } from './case-owners.repository';

const outcomeOf = (error: unknown): AccessOutcome | undefined =>
  error instanceof AppError &&
  (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')
    ? error.code
    : undefined;

/**
 * Least privilege on reads: a case manager sees their own caseload. Every read of patient data
 * writes one row of the access log, and so does every refused attempt.
 */
@Injectable()
export class CaseReadAccess {
  constructor(
    private readonly owners: CaseOwnersRepository,
    private readonly accessLog: AccessLogRepository,
  ) {}

  /** Checks that `user` may read the case, logs the read (or the refusal), and returns its id. */
  async authorize(user: AuthenticatedUser, caseId: string, operation: string): Promise<string> {
    const candidate = isCaseId(caseId) ? caseId.toLowerCase() : undefined;
    let id: string;
    try {
      id = await this.allowed(user, candidate);
    } catch (error) {
      const outcome = outcomeOf(error);
      if (outcome !== undefined) {
        await this.record(user, operation, candidate ? [candidate] : [], outcome);
      }
      throw error;
    }
    await this.record(user, operation, [id]);
    return id;
  }

  /** Logs a read of several cases at once (a caseload page) or one the caller authorized itself. */
  async record(
    user: AuthenticatedUser,
    operation: string,
    caseIds: readonly string[],
    outcome: AccessOutcome = 'ALLOWED',
  ): Promise<void> {
    await this.accessLog.record({
      userId: user.id,
      role: user.role,
      operation,
      caseIds,
      outcome,
      ...(user.clientAddress ? { clientAddress: user.clientAddress } : {}),
    });
  }

  private async allowed(user: AuthenticatedUser, id: string | undefined): Promise<string> {
    if (id === undefined) {
      throw new AppError('BAD_USER_INPUT', 'A case id is a UUID', { field: 'id' });
    }
    const manager = await this.owners.managerOf(id);
    if (manager === undefined) {
      throw new AppError('NOT_FOUND', `No case ${id}`);
    }
    if (user.role === 'CASE_MANAGER' && manager !== user.id) {
      throw new AppError('FORBIDDEN', 'This case is not in your caseload');
    }
    return id;
  }
}
