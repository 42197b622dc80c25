import { Args, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo } from 'graphql-parse-resolve-info';
import type { ResolveTree } from 'graphql-parse-resolve-info';
import { CurrentUser } from '../../auth';
import type { AuthenticatedUser } from '../../auth';
import { CaseloadService } from './caseload.service';
import { CaseConnection, CaseloadCounts, CaseloadCountsArgs, CasesArgs } from './caseload.types';

/** The fields of CaseSummary the query asks for under edges.node (aliases, fragments and @include/@skip included). */
const rowFields = (info: GraphQLResolveInfo): ReadonlySet<string> | undefined => {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  if (!tree) {
    return undefined;
  }
  const children = (parent: ResolveTree, type: string, name: string) =>
    Object.values(parent.fieldsByTypeName[type] ?? {}).filter((field) => field.name === name);
  const nodes = children(tree, 'CaseConnection', 'edges').flatMap((edges) => children(edges, 'CaseEdge', 'node'));
  return new Set(nodes.flatMap((node) => Object.values(node.fieldsByTypeName['CaseSummary'] ?? {}).map((f) => f.name)));
};

@Resolver()
export class CaseloadResolver {
  constructor(private readonly caseload: CaseloadService) {}

  @Query(() => CaseConnection, {
    description: 'The caseload: a case manager sees their own; supervisors and auditors all',
  })
  cases(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: CasesArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CaseConnection> {
    return this.caseload.list(user, args, rowFields(info));
  }

  @Query(() => CaseloadCounts, { description: "How many cases each saved view holds, in the caller's caseload" })
  caseloadCounts(@CurrentUser() user: AuthenticatedUser, @Args() args: CaseloadCountsArgs): Promise<CaseloadCounts> {
    return this.caseload.counts(user, args);
  }
}
