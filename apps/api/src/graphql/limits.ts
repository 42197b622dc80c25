import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, Kind, validate } from 'graphql';
import type { DocumentNode, GraphQLSchema, ValidationContext, ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';

export type QueryLimits = { readonly maxDepth: number; readonly maxCost: number; readonly maxAliases: number };

const refusal = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

/** GraphQL Armor's checks, reporting our code instead of a bare syntax error. */
const armor = (limits: QueryLimits): ValidationRule[] => {
  const report = (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(refusal(error.message.replace(/^Syntax Error: /, '')));
  const common = { exposeLimits: true, propagateOnRejection: false, onReject: [report] };
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, flattenFragments: true }),
    maxAliasesRule({ ...common, n: limits.maxAliases }),
  ];
};

/** A page of `first` items costs `first` times what each item selects; `first` as sent, or its default. */
const pageSize: ComplexityEstimator = ({ args, childComplexity }) => {
  const first: unknown = args.first;
  return typeof first === 'number' ? 1 + childComplexity * Math.max(first, 0) : undefined;
};

/** Documents without variables cost the same every time: computed once per operation (Apollo reuses the DocumentNode). */
const fixedCosts = new WeakMap<DocumentNode, Map<string, number | undefined>>();
const hasVariables = (document: DocumentNode): boolean =>
  document.definitions.some(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && (definition.variableDefinitions?.length ?? 0) > 0,
  );

/** The cost, or undefined when the variables do not fit the operation (execution then says why). */
const costOf = (
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  name?: string,
): number | undefined => {
  if (hasVariables(document)) {
    return computeCost(schema, document, variables, name);
  }
  const costs = fixedCosts.get(document) ?? new Map<string, number | undefined>();
  fixedCosts.set(document, costs);
  const key = name ?? '';
  if (!costs.has(key)) {
    costs.set(key, computeCost(schema, document, variables, name));
  }
  return costs.get(key);
};

const computeCost = (
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  name?: string,
): number | undefined => {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      ...(name ? { operationName: name } : {}),
      estimators: [pageSize, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    return undefined;
  }
};

const costViolation = (cost: number | undefined, limits: QueryLimits): GraphQLError | undefined =>
  cost !== undefined && cost > limits.maxCost
    ? refusal(`Query cost ${cost} exceeds the limit of ${limits.maxCost}: ask for smaller pages`)
    : undefined;

/**
 * Depth, aliases and cost of an operation, the cost with its variables (`first: $n` at its value,
 * a missing `first` at its default). The same verdicts over HTTP and over graphql-ws.
 */
/**
 * Depth and aliases depend on the document only. Apollo hands over the same DocumentNode for a query
 * it has seen (its document cache), so each is checked once, not on every request.
 */
const shapeVerdicts = new WeakMap<DocumentNode, GraphQLError[]>();
const shapeViolations = (schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits): GraphQLError[] => {
  let verdict = shapeVerdicts.get(document);
  if (verdict === undefined) {
    verdict = validate(schema, document, armor(limits)).filter((error) => error.extensions.code === 'BAD_USER_INPUT');
    shapeVerdicts.set(document, verdict);
  }
  return verdict;
};

export const limitViolations = (
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
  operationName?: string,
): GraphQLError[] => {
  const shape = shapeViolations(schema, document, limits);
  if (shape.length > 0) {
    return shape;
  }
  const violation = costViolation(costOf(schema, document, variables, operationName), limits);
  return violation ? [violation] : [];
};

/** Checked once Apollo knows the operation and before it runs; thrown, so nothing runs. */
export const queryLimits = (limits: QueryLimits): ApolloServerPlugin => ({
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ schema, document, request, operationName }) => {
        const [first] = limitViolations(schema, document, request.variables ?? {}, limits, operationName ?? undefined);
        return first ? Promise.reject(first) : Promise.resolve();
      },
    }),
});
