import type { BenchRow, BenchScenario } from './bench-harness';
import { percentile, withBenchWorld } from './real-stack';
import { slaTimerWorkflow } from '../workflows/sla-timer/sla-timer.workflow';
import { slaTimerWorkflowId } from '../workflows/sla-timer/sla-timer.contract';

const TIMERS = 60;
const GOAL_P99_MS = 1_000;
const TICKET_KEY = 'BENCH-TIMERS';

/**
 * Issue 10 item 1: how late an SLA timer fires. The real `slaTimerWorkflow` on the real worker and
 * dev server, deadlines spread 2–5 s ahead; lateness is `fired_at - deadline` of its `sla_event`
 * row (workflow time of the firing task), and `recorded_at - deadline` (row committed).
 */
export const timerPrecisionScenario: BenchScenario = {
  name: 'timer precision',
  run: () =>
    withBenchWorld('timers', async (world) => {
      const base = Date.now() + 2_000;
      await Promise.all(
        Array.from({ length: TIMERS }, async (_, i) => {
          const clockId = `bench-timer-${i}`;
          await world.client.workflow.start(slaTimerWorkflow, {
            taskQueue: world.config.temporal.taskQueue,
            workflowId: slaTimerWorkflowId(clockId),
            args: [
              {
                clockId,
                ticketKey: TICKET_KEY,
                kind: 'triage',
                deadline: new Date(base + Math.round((3_000 * i) / (TIMERS - 1))).toISOString(),
              },
            ],
          });
        }),
      );
      const until = Date.now() + 30_000;
      let rows: { fired: number; recorded: number }[] = [];
      while (Date.now() < until) {
        rows = (
          await world.db.query<{ fired: string; recorded: string }[]>(
            `SELECT extract(epoch FROM fired_at - deadline) * 1000 AS fired,
                    extract(epoch FROM recorded_at - deadline) * 1000 AS recorded
               FROM sla_event WHERE ticket_key = $1 AND event = 'breached'`,
            [TICKET_KEY],
          )
        ).map((r) => ({ fired: Number(r.fired), recorded: Number(r.recorded) }));
        if (rows.length === TIMERS) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      if (rows.length !== TIMERS) throw new Error(`only ${rows.length}/${TIMERS} timers fired`);
      const fired = rows.map((r) => r.fired);
      const recorded = rows.map((r) => r.recorded);
      const row = (metric: string, values: number[], p: number, goal: boolean): BenchRow => ({
        scenario: 'timer precision',
        metric: `${metric} p${p} (n=${values.length})`,
        value: percentile(values, p),
        unit: 'ms',
        ...(goal
          ? {
              goal: {
                text: `< ${GOAL_P99_MS} ms`,
                met: percentile(values, p) < GOAL_P99_MS,
              },
            }
          : {}),
      });
      return [
        row('fired_at − deadline', fired, 50, false),
        row('fired_at − deadline', fired, 99, true),
        row('recorded_at − deadline', recorded, 50, false),
        row('recorded_at − deadline', recorded, 99, false),
      ];
    }),
};
