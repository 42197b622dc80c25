import { GraphQLError, Kind } from 'graphql';
import type { ASTVisitor, FragmentDefinitionNode, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';

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

export const queryLimits = (maxDepth: number, maxCost: number): ValidationRule => {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = Object.fromEntries(
      context
        .getDocument()
        .definitions.filter(
          (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
        )
        .map((definition) => [definition.name.value, definition]),
    );
    return {
      OperationDefinition(operation) {
        const { depth, cost } = measure(operation.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query depth ${depth} exceeds the limit of ${maxDepth}`, {
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          );
        }
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages`, {
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          );
        }
      },
    };
  };
};
