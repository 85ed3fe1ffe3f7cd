import { writeFileSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { type BenchRow, formatTable, machineLine } from './bench-harness';
import { businessTimeScenario } from './business-time.bench';
import { dashboardScenario } from './dashboard.bench';
import { graphqlExecScenario } from './graphql-exec.bench';
import { intakeScenario } from './intake.bench';
import { scaleScenario } from './scale.bench';
import { timerPrecisionScenario } from './timer-precision.bench';
import { transitionScenario } from './transition.bench';

// `npm run bench`: every scenario, a table on stdout and bench-results/latest.json.
/* eslint-disable no-console */

const SCENARIOS = [
  businessTimeScenario,
  intakeScenario,
  transitionScenario,
  dashboardScenario,
  graphqlExecScenario,
  timerPrecisionScenario,
  scaleScenario,
];

async function main(): Promise<void> {
  const only = process.argv[2];
  const rows: BenchRow[] = [];
  // The real-stack scenarios share the CPUs with whatever else runs: the load is part of the result.
  const loadBefore = loadavg()[0];
  console.log(`Machine: ${machineLine()}; load average (1 min) ${loadBefore.toFixed(2)}\n`);
  for (const scenario of SCENARIOS.filter((s) => !only || s.name.includes(only))) {
    console.log(`… ${scenario.name}`);
    rows.push(...(await scenario.run()));
  }
  const loadAfter = loadavg()[0];
  console.log(
    `\n${formatTable(rows)}\n\nLoad average (1 min): ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after.`,
  );
  const dir = join(__dirname, '..', '..', 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'latest.json'),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: machineLine(),
        loadAverage1m: { before: loadBefore, after: loadAfter },
        rows,
      },
      null,
      2,
    ),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
