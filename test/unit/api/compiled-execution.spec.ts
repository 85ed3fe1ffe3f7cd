import {
  buildSchema,
  type DocumentNode,
  execute,
  type ExecutionResult,
  getOperationAST,
  GraphQLError,
  type GraphQLScalarType,
  parse,
} from 'graphql';
import { compiledExecutor, type CompiledExecutor } from '../../../src/api/compiled-execution';

// Queries compiled once per document by graphql-jit answer as graphql-js does (issues #5/#10).

const schema = buildSchema(`
  scalar Day
  input Page { first: Int! = 50, after: String }
  type Query {
    first(page: Page!): Int!
    day(valid: Boolean!): Day
    broken: String
    name: String
  }
  type Mutation { touch: Int! }
`);
const fields = schema.getQueryType()!.getFields();
fields.first.resolve = (_root, args: { page: { first: number } }) => args.page.first;
fields.day.resolve = (_root, args: { valid: boolean }) =>
  args.valid ? new Date(Date.UTC(2026, 10, 30)) : 'mañana';
fields.broken.resolve = () => {
  throw new Error('no hay datos');
};
fields.name.resolve = () => 'tablero';
let touched = 0;
schema.getMutationType()!.getFields().touch.resolve = () => ++touched;
Object.assign(schema.getType('Day') as GraphQLScalarType, {
  serialize: (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : null),
});

function run(
  executor: CompiledExecutor,
  source: string,
  variables: Record<string, unknown> = {},
): Promise<ExecutionResult> {
  const document = parse(source);
  return executor({
    document,
    source,
    operationName: null,
    operation: getOperationAST(document),
    request: { variables },
    context: {},
  } as unknown as Parameters<CompiledExecutor>[0]);
}

/** graphql-js's own answer, as JSON (what Apollo sends). */
async function graphqlJs(source: string, variables: Record<string, unknown> = {}) {
  const document: DocumentNode = parse(source);
  return JSON.parse(
    JSON.stringify(await execute({ schema, document, variableValues: variables })),
  ) as unknown;
}

describe('compiledExecutor', () => {
  let executor: CompiledExecutor;
  beforeEach(() => {
    executor = compiledExecutor({ schema: () => schema, maxDocuments: 2 });
  });

  it('compiles a query once and answers it from the compiled code as graphql-js does', async () => {
    const query = 'query ($p: Page!) { first(page: $p) name }';
    for (const p of [{}, { first: 7 }]) {
      // graphql-jit on its own refuses `{}` (it misses the field's default): graphql-js coerces.
      expect(await run(executor, query, { p })).toEqual(await graphqlJs(query, { p }));
    }
    expect(executor.stats()).toEqual({
      compiled: 1,
      compiledRuns: 2,
      graphqlJsRuns: 0,
      compilesDeferred: 0,
    });
  });

  it('answers a resolver’s error and a scalar refusing its value with graphql-js’s errors', async () => {
    for (const query of ['{ broken name }', '{ day(valid: false) name }', '{ day(valid: true) }']) {
      const result = await run(executor, query);
      for (const error of result.errors ?? []) {
        expect(error).toBeInstanceOf(GraphQLError);
        // What Apollo's formatting reads: always an object, as graphql-js makes it.
        expect(error.extensions).toEqual({});
      }
      expect(JSON.parse(JSON.stringify(result))).toEqual(await graphqlJs(query));
    }
    const broken = await run(executor, '{ broken }');
    expect(broken.errors?.[0]?.originalError?.message).toBe('no hay datos');
    expect(executor.stats()).toMatchObject({ compiledRuns: 4, graphqlJsRuns: 0 });
  });

  it('leaves mutations and variables that do not coerce to graphql-js', async () => {
    const before = touched;
    expect(await run(executor, 'mutation { touch }')).toEqual({ data: { touch: before + 1 } });
    const query = 'query ($p: Page!) { first(page: $p) }';
    const refused = await run(executor, query, { p: { first: 'muchos' } });
    expect(refused).toEqual(expect.objectContaining({ errors: [expect.any(GraphQLError)] }));
    expect(JSON.parse(JSON.stringify(refused))).toEqual(
      await graphqlJs(query, { p: { first: 'muchos' } }),
    );
    expect(executor.stats()).toMatchObject({ compiled: 0, compiledRuns: 0, graphqlJsRuns: 2 });
  });

  it('keeps at most `maxDocuments` compiled, dropping the least recently used', async () => {
    for (const query of ['{ name }', '{ n: name }', '{ name }', '{ m: name }', '{ name }']) {
      expect(await run(executor, query)).toEqual({ data: expect.any(Object) });
    }
    // `{ n: name }` went when `{ m: name }` came; `{ name }`, used since, stayed compiled.
    expect(executor.stats()).toMatchObject({ compiled: 2, compiledRuns: 5, graphqlJsRuns: 0 });
  });

  it('compiles at most `maxCompilesPerSecond` new documents; past it graphql-js answers them', async () => {
    let now = 0;
    const budgeted = compiledExecutor({
      schema: () => schema,
      maxCompilesPerSecond: 2,
      now: () => now,
    });
    // A flood of ever-new documents: two are compiled, the third is answered all the same.
    const flood = ['{ a: name }', '{ b: name }', '{ c: name }'];
    for (const query of flood) {
      expect(await run(budgeted, query)).toEqual({ data: expect.any(Object) });
    }
    expect(budgeted.stats()).toEqual({
      compiled: 2,
      compiledRuns: 2,
      graphqlJsRuns: 1,
      compilesDeferred: 1,
    });
    // Compiled documents run compiled whatever the budget; the deferred one waits for room.
    expect(await run(budgeted, '{ a: name }')).toEqual({ data: { a: 'tablero' } });
    expect(await run(budgeted, '{ c: name }')).toEqual({ data: { c: 'tablero' } });
    expect(budgeted.stats()).toMatchObject({ compiled: 2, graphqlJsRuns: 2, compilesDeferred: 2 });
    // Half a second later the bucket has one token again: `{ c: name }` is compiled.
    now += 500;
    expect(await run(budgeted, '{ c: name }')).toEqual({ data: { c: 'tablero' } });
    expect(budgeted.stats()).toEqual({
      compiled: 3,
      compiledRuns: 4,
      graphqlJsRuns: 2,
      compilesDeferred: 2,
    });
  });
});
