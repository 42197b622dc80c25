import { Args, Query, Resolver } from '@nestjs/graphql';
import { isCaseId } from '@sot/domain';
import { CurrentUser } from '../../auth';
import type { AuthenticatedUser } from '../../auth';
import { AppError } from '../../platform';
import { AccessLogRepository } from './access-log.repository';
import type { AccessLogFilter } from './access-log.repository';
import { AccessLogArgs, AccessLogConnection } from './access-log.types';
import type { AccessLogFilterInput } from './access-log.types';

const CURSOR = /^\d{1,19}$/;
const MAX_ID = 9_223_372_036_854_775_807n;
const isCursor = (value: string): boolean => CURSOR.test(value) && BigInt(value) <= MAX_ID;

const toFilter = (input: AccessLogFilterInput = {}): AccessLogFilter => {
  if (input.caseId && !isCaseId(input.caseId)) {
    throw new AppError('BAD_USER_INPUT', 'caseId is a UUID', { field: 'filter.caseId' });
  }
  const { userId, caseId, operation, outcome, from, to } = input;
  return {
    ...(userId ? { userId } : {}),
    ...(caseId ? { caseId: caseId.toLowerCase() } : {}),
    ...(operation ? { operation } : {}),
    ...(outcome ? { outcome } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
};

@Resolver()
export class AccessLogResolver {
  constructor(private readonly log: AccessLogRepository) {}

  @Query(() => AccessLogConnection, {
    description: 'Who read which patient data, or tried to, newest first. Auditors and supervisors only.',
  })
  async accessLog(@CurrentUser() user: AuthenticatedUser, @Args() args: AccessLogArgs): Promise<AccessLogConnection> {
    if (user.role === 'CASE_MANAGER') {
      throw new AppError('FORBIDDEN', 'The access log is for auditors and supervisors');
    }
    if (args.first < 1 || args.first > 500) {
      throw new AppError('BAD_USER_INPUT', 'first must be between 1 and 500', { field: 'first' });
    }
    if (args.after !== undefined && args.after !== null && !isCursor(args.after)) {
      throw new AppError('BAD_USER_INPUT', 'after is the endCursor of an earlier page', { field: 'after' });
    }
    const rows = await this.log.page(toFilter(args.filter ?? undefined), args.first + 1, args.after ?? undefined);
    const entries = rows.slice(0, args.first).map((row) => ({
      id: row.id,
      at: row.at,
      userId: row.user_id,
      role: row.role ?? undefined,
      operation: row.operation,
      caseIds: row.case_ids,
      outcome: row.outcome,
      clientAddress: row.client_address ?? undefined,
    }));
    return {
      entries,
      pageInfo: { hasNextPage: rows.length > args.first, endCursor: entries.at(-1)?.id },
    };
  }
}
