import { cpuUsage, hrtime } from 'node:process';
import { isDeepStrictEqual } from 'node:util';
import { GRAPHQL_MODULE_OPTIONS, GraphQLSchemaHost } from '@nestjs/graphql';
import { type ExecutionResult, execute, getOperationAST, parse } from 'graphql';
import type { CompiledExecutor } from '../src/api/compiled-execution';
import { createApiApp } from '../src/api/create-api-app';
import { DEFAULT_CALENDAR_ID } from '../src/database/migrations/1764317000000-calendars';
import { AuthTokenService } from '../src/identity/auth-token.service';
import type { Role } from '../src/identity/role.enum';
import type { BenchRow, BenchScenario } from './bench-harness';
import { timersGql } from './dashboard.bench';
import { percentile, withBenchWorld } from './real-stack';

/* eslint-disable no-console */

const ROWS = 200;
const WARM_UP = 100;
const SAMPLES = 600;

// The SLA board's at-risk list as the web app asks for it (its first 200: ROWS).
const AT_RISK = timersGql('atRiskOnly: true');

type Executor = () => Promise<ExecutionResult>;

/**
 * Issues #5/#10: the at-risk list's GraphQL execution in process, graphql-js's executor against
 * the compiled one (src/api/compiled-execution.ts), on the schema Nest builds, with its guards,
 * field resolvers and scalars, over 200 at-risk clocks in PostgreSQL. Both run the same document
 * as the manager, alternated, each call on a fresh context; what differs is the executor. Per call:
 * this process's CPU time (user + system: the resolvers' reads included, the same for both) and
 * wall time. No HTTP, no JSON.
 */
export const graphqlExecScenario: BenchScenario = {
  name: 'graphql-exec',
  run: () =>
    withBenchWorld('graphql-exec', async (world) => {
      const [{ aurora, registrant }] = await world.db.query<
        { aurora: string; registrant: string }[]
      >(
        `SELECT (SELECT id FROM organization WHERE slug = 'comercializadora-aurora') AS aurora,
                (SELECT id FROM app_user WHERE 'CLIENT_USER' = ANY(roles) LIMIT 1) AS registrant`,
      );
      // Rows marked started, so the API's start reconciler leaves them alone.
      await world.db.query(
        `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id, calendar_id,
                             category, subject, description, state, classification, sla_status,
                             next_deadline, registered_at, workflow_started_at, last_event_seq)
         SELECT 'L3-2025-' || lpad(g::text, 6, '0'), 2025, g, 'bench-ticket:' || g, $1::uuid, $2::uuid,
                $3::uuid, 'DEVELOPMENT', 'Ticket ' || g, 'Ticket generado por el benchmark.',
                'IN_ANALYSIS', 'PROBLEM', 'at_risk', now() + g * interval '1 minute',
                now() - interval '2 days', now() - interval '2 days', 3
           FROM generate_series(1, $4::int) AS g`,
        [aurora, registrant, DEFAULT_CALENDAR_ID, ROWS],
      );
      await world.db.query(
        `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount, target_unit,
                                   started_at, deadline, at_risk_at, budget_ms, consumed_ms, consumed_as_of,
                                   at_risk_recorded_at, calendar_version)
         SELECT 'L3-2025-' || lpad(g::text, 6, '0') || ':progress:1', 'L3-2025-' || lpad(g::text, 6, '0'),
                'progress', 1, 'RUNNING', 5, 'days', now() - interval '1 day',
                now() + g * interval '1 minute', now() - interval '30 minutes',
                162000000, 3600000, now() - interval '1 hour', now() - interval '10 minutes', 1
           FROM generate_series(1, $1::int) AS g`,
        [ROWS],
      );

      const app = await createApiApp(world.config);
      await app.init();
      try {
        const [manager] = await world.db.query<
          { id: string; organizationId: string; roles: Role[]; sessionEpoch: number }[]
        >(
          `SELECT id, organization_id AS "organizationId", roles, session_epoch AS "sessionEpoch"
             FROM app_user WHERE 'MANAGER' = ANY(roles) AND active LIMIT 1`,
        );
        const { token } = app.get(AuthTokenService).issue(manager);
        // What the HTTP path hands the resolvers: a fresh context per request.
        const contextValue = () => ({ req: { headers: { authorization: `Bearer ${token}` } } });
        const schema = app.get(GraphQLSchemaHost).schema;
        const document = parse(AT_RISK);
        const operation = getOperationAST(document);
        const { gateway } = app.get<{ gateway: { load(): Promise<{ executor: unknown }> } }>(
          GRAPHQL_MODULE_OPTIONS,
        );
        const compiled = (await gateway.load()).executor as CompiledExecutor;
        const executors: Record<'graphql-js' | 'graphql-jit', Executor> = {
          'graphql-js': async () => execute({ schema, document, contextValue: contextValue() }),
          'graphql-jit': () =>
            compiled({
              document,
              source: AT_RISK,
              operationName: null,
              operation,
              request: {},
              context: contextValue(),
            } as unknown as Parameters<CompiledExecutor>[0]),
        };

        // The same answer from both, but for the minutes a running clock counts from `now`.
        const MOVING = new Set(['remainingMinutes', 'consumedMinutes', 'overdueMinutes']);
        const stable = (r: ExecutionResult): unknown =>
          JSON.parse(JSON.stringify(r), (k: string, v: unknown) =>
            MOVING.has(k) ? 0 : v,
          ) as unknown;
        const [js, jit] = [await executors['graphql-js'](), await executors['graphql-jit']()];
        const rows = (js.data as { slaTimers?: unknown[] } | undefined)?.slaTimers?.length;
        if (js.errors || rows !== ROWS || !isDeepStrictEqual(stable(js), stable(jit))) {
          throw new Error(`answers differ or fail: ${JSON.stringify({ js, jit }).slice(0, 500)}`);
        }

        const cpu: Record<string, number[]> = { 'graphql-js': [], 'graphql-jit': [] };
        const wall: Record<string, number[]> = { 'graphql-js': [], 'graphql-jit': [] };
        const order = ['graphql-js', 'graphql-jit'] as const;
        for (let i = 0; i < WARM_UP + SAMPLES; i++) {
          // Alternated, each first in half the pairs.
          for (const name of i % 2 ? [...order].reverse() : order) {
            const startCpu = cpuUsage();
            const start = hrtime.bigint();
            const result = await executors[name]();
            const elapsed = Number(hrtime.bigint() - start) / 1e6;
            const used = cpuUsage(startCpu);
            if (result.errors) throw new Error(JSON.stringify(result.errors));
            if (i < WARM_UP) continue;
            cpu[name].push((used.user + used.system) / 1000);
            wall[name].push(elapsed);
          }
        }
        console.log(
          `  [graphql-exec] ${SAMPLES} alternated calls each, ${compiled.stats().compiled} document compiled`,
        );
        const row = (name: (typeof order)[number], metric: string, values: number[]): BenchRow => ({
          scenario: 'graphql-exec at risk (200 rows)',
          metric: `${name} ${metric} p50`,
          value: percentile(values, 50),
          unit: 'ms',
          ...(name === 'graphql-jit'
            ? {
                baseline: {
                  label: 'graphql-js',
                  value: percentile(metric === 'CPU' ? cpu['graphql-js'] : wall['graphql-js'], 50),
                },
              }
            : {}),
        });
        return order.flatMap((name) => [
          row(name, 'CPU', cpu[name]),
          row(name, 'wall', wall[name]),
        ]);
      } finally {
        await app.close();
      }
    }),
};
