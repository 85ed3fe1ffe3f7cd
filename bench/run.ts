import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchRow, formatTable, machineLine } from './bench-harness';
import { businessTimeScenario } from './business-time.bench';

// `npm run bench`: every scenario, a table on stdout and bench-results/latest.json.
/* eslint-disable no-console */

const SCENARIOS = [businessTimeScenario];

async function main(): Promise<void> {
  const only = process.argv[2];
  const rows: BenchRow[] = [];
  console.log(`Machine: ${machineLine()}\n`);
  for (const scenario of SCENARIOS.filter((s) => !only || s.name.includes(only))) {
    console.log(`… ${scenario.name}`);
    rows.push(...(await scenario.run()));
  }
  console.log(`\n${formatTable(rows)}\n`);
  const dir = join(__dirname, '..', '..', 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'latest.json'),
    JSON.stringify({ at: new Date().toISOString(), machine: machineLine(), rows }, null, 2),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
