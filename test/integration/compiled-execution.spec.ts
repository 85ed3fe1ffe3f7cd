import { GRAPHQL_MODULE_OPTIONS } from '@nestjs/graphql';
import type { CompiledExecutor } from '../../src/api/compiled-execution';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// Queries run as code graphql-jit compiled once per document (issues #5/#10), through Nest's own
// guards, pipes and resolvers, and refusals keep their codes, paths and nulls. Mutations and
// variables that do not coerce stay on graphql-js.

const COUNTS = `query ($f: SlaTimerCountFilter!) { slaTimerCounts(filter: $f) { running atRisk breached } }`;

describe('compiled query execution (issues #5/#10)', () => {
  let world: SeededWorld;
  let executor: CompiledExecutor;

  beforeAll(async () => {
    world = await createSeededWorld('compiled_exec');
    const options = world.api.app.get<{ gateway: { load(): Promise<{ executor: unknown }> } }>(
      GRAPHQL_MODULE_OPTIONS,
    );
    executor = (await options.gateway.load()).executor as CompiledExecutor;
  });
  afterAll(async () => {
    await world?.close();
  });

  /** The runs each path took while `fn` ran, and the documents compiled meanwhile. */
  const runsDuring = async (fn: () => Promise<void>) => {
    const before = executor.stats();
    await fn();
    const after = executor.stats();
    return {
      compiledRuns: after.compiledRuns - before.compiledRuns,
      graphqlJsRuns: after.graphqlJsRuns - before.graphqlJsRuns,
      compiled: after.compiled - before.compiled,
    };
  };

  it('compiles a query once and answers it from the compiled code', async () => {
    const runs = await runsDuring(async () => {
      for (let i = 0; i < 3; i++) {
        const { body } = await gql<{ slaTimerCounts: { running: number } }>(
          world.api,
          COUNTS,
          { f: {} },
          world.bearer(Role.MANAGER),
        );
        expect(body.errors).toBeUndefined();
        expect(body.data?.slaTimerCounts).toEqual({ running: 0, atRisk: 0, breached: 0 });
      }
    });
    expect(runs).toEqual({ compiledRuns: 3, graphqlJsRuns: 0, compiled: 1 });
  });

  it('keeps FORBIDDEN, NOT_FOUND and a pipe’s VALIDATION_FAILED, with their paths and nulls', async () => {
    const runs = await runsDuring(async () => {
      const forbidden = await gql(world.api, COUNTS, { f: {} }, world.bearer(Role.CLIENT_USER));
      expect(forbidden.body.data).toBeNull();
      expect(forbidden.body.errors).toEqual([
        expect.objectContaining({
          path: ['slaTimerCounts'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        }),
      ]);

      const missing = await gql(
        world.api,
        '{ systemInfo { name } ticket(number: "L3-2099-999999") { number } }',
        {},
        world.bearer(Role.MANAGER),
      );
      // `ticket` is non-null: the whole answer is null, as graphql-js has it.
      expect(missing.body.data).toBeNull();
      expect(missing.body.errors).toEqual([
        expect.objectContaining({
          path: ['ticket'],
          locations: [{ line: 1, column: 23 }],
          extensions: expect.objectContaining({ code: 'NOT_FOUND' }),
        }),
      ]);

      const invalid = await gql(
        world.api,
        COUNTS,
        { f: { organizationId: 'tulum' } },
        world.bearer(Role.MANAGER),
      );
      expect(invalid.body.data).toBeNull();
      expect(invalid.body.errors?.[0]).toMatchObject({
        path: ['slaTimerCounts'],
        extensions: { code: 'VALIDATION_FAILED' },
      });
    });
    expect(runs).toMatchObject({ compiledRuns: 3, graphqlJsRuns: 0 });
  });

  it('leaves variables that do not coerce, and mutations, to graphql-js', async () => {
    const runs = await runsDuring(async () => {
      const { body } = await gql(
        world.api,
        COUNTS,
        { f: { nope: true } },
        world.bearer(Role.MANAGER),
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      const login = await gql(
        world.api,
        'mutation { login(email: "nadie@example.com", password: "incorrecta") { token } }',
      );
      expect(login.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
    expect(runs).toEqual({ compiledRuns: 0, graphqlJsRuns: 2, compiled: 0 });
  });
});
