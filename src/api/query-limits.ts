import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

/**
 * Static limits on a GraphQL document, checked during validation (before anything executes):
 * how deeply fields nest and a simple cost budget. Introspection (`__schema`, `__type`) is free,
 * so GraphiQL and schema tools keep working.
 */
export interface QueryLimits {
  /** Deepest field nesting allowed (a top-level field is depth 1). */
  readonly maxDepth: number;
  /** Largest static cost allowed (see {@link operationCost}). */
  readonly maxCost: number;
}

/** Multiplier of a list field without a usable `first` argument. */
export const LIST_MULTIPLIER = 10;

/** Arguments that say how many items a field returns. */
const PAGE_ARGUMENTS = new Set(['first', 'last', 'limit']);

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode | undefined>>;
  readonly operation: OperationDefinitionNode;
}

/**
 * Depth of an operation: the longest chain of nested fields, through fragments. Introspection
 * fields do not count.
 */
export function operationDepth(walk: Walk): number {
  const depthOf = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>): number => {
    if (!set) return 0;
    let max = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (isIntrospection(sel)) continue;
        max = Math.max(max, 1 + depthOf(sel.selectionSet, seen));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, depthOf(sel.selectionSet, seen));
      } else {
        const name = sel.name.value;
        const fragment = walk.fragments[name];
        if (!fragment || seen.has(name)) continue;
        max = Math.max(max, depthOf(fragment.selectionSet, new Set([...seen, name])));
      }
    }
    return max;
  };
  return depthOf(walk.operation.selectionSet, new Set());
}

/**
 * Static cost of an operation: every field costs 1, plus the cost of its selection times a
 * multiplier: the `first`/`last`/`limit` argument when a field has one (a literal, else the
 * variable's value or default, else {@link LIST_MULTIPLIER}), {@link LIST_MULTIPLIER} for any
 * other list field, 1 otherwise. The list directly inside a paged field (its `items`) is not
 * multiplied twice. Abstract selections add up every branch (an upper bound).
 */
export function operationCost(walk: Walk, variables: Record<string, unknown> = {}): number {
  const rootType = walk.schema.getRootType(walk.operation.operation);

  const variableDefault = (name: string): unknown => {
    if (name in variables) return variables[name];
    const def = walk.operation.variableDefinitions?.find((v) => v.variable.name.value === name);
    return def?.defaultValue?.kind === Kind.INT ? Number(def.defaultValue.value) : undefined;
  };
  const intValue = (node: ValueNode): number | undefined => {
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const value = variableDefault(node.name.value);
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    }
    return undefined;
  };
  const pageSize = (
    node: FieldNode,
    def: GraphQLField<unknown, unknown> | undefined,
  ): number | undefined => {
    for (const argDef of def?.args ?? []) {
      if (!PAGE_ARGUMENTS.has(argDef.name)) continue;
      const given = node.arguments?.find((a) => a.name.value === argDef.name);
      // An unknown variable counts the argument's schema default (else ×LIST_MULTIPLIER).
      const value = (given ? intValue(given.value) : undefined) ?? argDef.defaultValue;
      return typeof value === 'number' && value >= 0 ? value : LIST_MULTIPLIER;
    }
    return undefined;
  };

  const costOf = (
    set: SelectionSetNode | undefined,
    parent: GraphQLNamedType | null | undefined,
    insidePage: boolean,
    seen: ReadonlySet<string>,
  ): number => {
    if (!set) return 0;
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (isIntrospection(sel) || sel.name.value === '__typename') continue;
        const def =
          parent && (isObjectType(parent) || isInterfaceType(parent))
            ? parent.getFields()[sel.name.value]
            : undefined;
        const page = pageSize(sel, def);
        const isList = def ? isListType(getNullableType(def.type)) : false;
        const multiplier = page ?? (isList && !insidePage ? LIST_MULTIPLIER : 1);
        const child = def ? getNamedType(def.type) : undefined;
        total +=
          1 +
          multiplier *
            costOf(
              sel.selectionSet,
              child && isCompositeType(child) ? child : undefined,
              page !== undefined,
              seen,
            );
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? walk.schema.getType(sel.typeCondition.name.value) : parent;
        total += costOf(sel.selectionSet, type, insidePage, seen);
      } else {
        const name = sel.name.value;
        const fragment = walk.fragments[name];
        if (!fragment || seen.has(name)) continue;
        const type = walk.schema.getType(fragment.typeCondition.name.value);
        total += costOf(fragment.selectionSet, type, insidePage, new Set([...seen, name]));
      }
    }
    return total;
  };
  return costOf(walk.operation.selectionSet, rootType, false, new Set());
}

function isIntrospection(field: FieldNode): boolean {
  return field.name.value === '__schema' || field.name.value === '__type';
}

/** Fragments of a document by name. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const out: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) out[def.name.value] = def;
  }
  return out;
}

/**
 * A graphql-js validation rule enforcing {@link QueryLimits} on every operation of a document.
 * Variables are not known during validation: a paged field given a variable counts that
 * variable's default, else {@link LIST_MULTIPLIER}; the services also cap page sizes themselves.
 * Apollo reports its errors as `GRAPHQL_VALIDATION_FAILED` (our `VALIDATION_FAILED`).
 */
export function queryLimitsRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const document = context.getDocument();
      const walk = { schema: context.getSchema(), fragments: fragmentsOf(document), operation };
      const label = operation.name ? `Operation ${operation.name.value}` : 'The operation';
      const depth = operationDepth(walk);
      if (depth > limits.maxDepth) {
        context.reportError(
          new GraphQLError(`${label} nests ${depth} levels deep; the limit is ${limits.maxDepth}`, {
            nodes: [operation],
          }),
        );
        return;
      }
      const cost = operationCost(walk);
      if (cost > limits.maxCost) {
        context.reportError(
          new GraphQLError(
            `${label} costs ${cost}; the limit is ${limits.maxCost} (each field 1, lists ×${LIST_MULTIPLIER} or ×first)`,
            { nodes: [operation] },
          ),
        );
      }
    },
  });
}
