import { GraphQLError, Kind } from 'graphql';
import type {
  ASTVisitor,
  DocumentNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';

type Measure = { depth: number; cost: number };

const LIST_ARGUMENT = 'first';
const DEFAULT_LIST_SIZE = 10;

/**
 * Depth and cost of an operation, fragments expanded. A field costs 1; a field with a `first`
 * argument multiplies what it selects by that page size, so wide pages of deep data cost more.
 */
const measure = (
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): Measure => {
  let depth = 0;
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const child = selection.selectionSet ? measure(selection.selectionSet, fragments, seen) : { depth: 0, cost: 0 };
      const first = selection.arguments?.find((argument) => argument.name.value === LIST_ARGUMENT);
      const size = first?.value.kind === Kind.INT ? Number(first.value.value) : first ? DEFAULT_LIST_SIZE : 1;
      depth = Math.max(depth, child.depth + 1);
      cost += 1 + child.cost * size;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const child = measure(selection.selectionSet, fragments, seen);
      depth = Math.max(depth, child.depth);
      cost += child.cost;
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (fragment && !seen.has(name)) {
        const child = measure(fragment.selectionSet, fragments, new Set([...seen, name]));
        depth = Math.max(depth, child.depth);
        cost += child.cost;
      }
    }
  }
  return { depth, cost };
};

const fragmentsOf = (document: DocumentNode): Record<string, FragmentDefinitionNode> =>
  Object.fromEntries(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((definition) => [definition.name.value, definition]),
  );

const violations = (
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  maxDepth: number,
  maxCost: number,
): string[] => {
  const { depth, cost } = measure(operation.selectionSet, fragments, new Set());
  return [
    ...(depth > maxDepth ? [`Query depth ${depth} exceeds the limit of ${maxDepth}`] : []),
    ...(cost > maxCost ? [`Query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages`] : []),
  ];
};

/** The same limits for a parsed document outside Apollo's validation (graphql-ws subscriptions). */
export const limitViolations = (document: DocumentNode, maxDepth: number, maxCost: number): string[] => {
  const fragments = fragmentsOf(document);
  return document.definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .flatMap((operation) => violations(operation, fragments, maxDepth, maxCost));
};

export const queryLimits = (maxDepth: number, maxCost: number): ValidationRule => {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        for (const message of violations(operation, fragments, maxDepth, maxCost)) {
          context.reportError(new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } }));
        }
      },
    };
  };
};
