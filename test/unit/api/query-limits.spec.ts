import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getIntrospectionQuery,
  Kind,
  type OperationDefinitionNode,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import {
  fragmentsOf,
  operationCost,
  operationDepth,
  queryLimitsRule,
} from '../../../src/api/query-limits';
import * as webOperations from '../../../web/src/api/operations';

// Issue 5 item 5: static depth and cost limits, checked in validation before execution.

const schema = buildSchema(readFileSync(join(__dirname, '../../../schema.graphql'), 'utf8'));
const LIMITS = { maxDepth: 12, maxCost: 5_000 };

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const walk = { schema, fragments: fragmentsOf(document), operation };
  return { depth: operationDepth(walk), cost: operationCost(walk, variables) };
}

function errorsOf(query: string, limits = LIMITS): string[] {
  return validate(schema, parse(query), [...specifiedRules, queryLimitsRule(limits)]).map(
    (e) => e.message,
  );
}

describe('query limits', () => {
  it('counts depth through fragments and inline fragments', () => {
    expect(measure('{ me { id organization { id name } } }').depth).toBe(3);
    expect(
      measure('query { ...F } fragment F on Query { me { ... on User { organization { id } } } }')
        .depth,
    ).toBe(3);
  });

  it('costs fields 1, lists ×10 and paged fields ×first (their items not twice)', () => {
    expect(measure('{ me { id email } }').cost).toBe(3);
    // tickets(first: 5): 1 + 5 × (items 1 + 2 leaves)
    expect(measure('{ tickets(first: 5) { items { number state } } }').cost).toBe(1 + 5 * 3);
    // a variable counts its value when known, else its default, else ×10
    const paged = 'query ($n: Int = 7) { tickets(first: $n) { items { number } } }';
    expect(measure(paged).cost).toBe(1 + 7 * 2);
    expect(measure(paged, { n: 50 }).cost).toBe(1 + 50 * 2);
    // the schema default of `first` (25) when the argument is left out
    expect(measure('{ tickets { items { number } } }').cost).toBe(1 + 25 * 2);
  });

  it('rejects a document nested deeper than the limit, before execution', () => {
    const deep = '{ me { organization { id } } }';
    expect(errorsOf(deep, { maxDepth: 2, maxCost: 1000 })).toEqual([
      'The operation nests 3 levels deep; the limit is 2',
    ]);
    expect(errorsOf(deep, { maxDepth: 3, maxCost: 1000 })).toEqual([]);
  });

  it('rejects a document over the cost budget', () => {
    const errors = errorsOf('query Big { tickets(first: 100) { items { number state } } }', {
      maxDepth: 12,
      maxCost: 200,
    });
    expect(errors).toEqual([
      'Operation Big costs 301; the limit is 200 (each field 1, lists ×10 or ×first)',
    ]);
  });

  it('never limits introspection (GraphiQL and schema tools)', () => {
    expect(errorsOf(getIntrospectionQuery(), { maxDepth: 3, maxCost: 10 })).toEqual([]);
  });

  it('lets every operation of the web app through with the default limits', () => {
    const documents = Object.values(webOperations).filter(
      (v): v is string => typeof v === 'string' && /^\s*(query|mutation)/.test(v),
    );
    expect(documents.length).toBeGreaterThan(5);
    for (const document of documents) {
      expect(errorsOf(document)).toEqual([]);
      const { depth, cost } = measure(document);
      expect(depth).toBeLessThanOrEqual(LIMITS.maxDepth);
      expect(cost).toBeLessThanOrEqual(LIMITS.maxCost);
    }
  });
});
