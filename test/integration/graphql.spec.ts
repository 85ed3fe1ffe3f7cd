import { readFileSync, writeFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { schemaFilePath } from '../../src/api/graphql-options';
import { gql, startApi, type RunningApi } from '../support/integration-harness';

// Foundation: the GraphQL endpoint answers real queries and maps bad requests to typed errors.

describe('GraphQL endpoint', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers a real query', async () => {
    const before = Date.now();
    const { status, body } = await gql<{ systemInfo: { name: string; now: string } }>(
      api,
      '{ systemInfo { name version now } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.systemInfo.name).toBe('sla-engine');
    expect(Date.parse(body.data!.systemInfo.now)).toBeGreaterThanOrEqual(before - 1_000);
  });

  // Perf (issues 5/10): Express hashed every answer for an ETag no POST is revalidated with.
  it('answers without hashing the body into an ETag', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ systemInfo { name } }' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data?: unknown }).data).toBeDefined();
    expect(res.headers.get('etag')).toBeNull();
  });

  it.each([
    ['an unknown field', '{ nope }'],
    ['a syntax error', '{ systemInfo { '],
  ])('rejects %s with VALIDATION_FAILED and no stack trace', async (_label, query) => {
    const { body } = await gql(api, query);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:\d+/i);
  });
});

const SCHEMA_HEADER = [
  '# ------------------------------------------------------',
  '# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)',
  '# ------------------------------------------------------',
].join('\n');

describe('schema.graphql', () => {
  it('is committed and matches the schema the API serves', async () => {
    const api = await startApi();
    try {
      const served = printSchema(api.app.get(GraphQLSchemaHost).schema).trim();
      if (process.env.UPDATE_SCHEMA === '1') {
        // Byte for byte what `npm start` (NODE_ENV=development) writes there, with no final
        // newline, so starting the app leaves the committed file unchanged.
        writeFileSync(schemaFilePath(), `${SCHEMA_HEADER}\n\n${served}`);
      }
      const committed = readFileSync(schemaFilePath(), 'utf8')
        .replace(/^#.*\n/gm, '')
        .trim();
      // On a mismatch: `UPDATE_SCHEMA=1 npm run test:integration -- graphql`, then commit it.
      expect(served).toBe(committed);
    } finally {
      await api.close();
    }
  });
});
