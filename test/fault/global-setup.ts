import {
  resolveTemporalBinary,
  TEMPORAL_CLI,
} from '../../src/infra/provisioning/temporal-binaries';
import { TOOLS_DIR } from '../support/paths';
import { buildWorker } from '../support/worker-process';

/**
 * Builds the worker once for the tier (each spec runs it as a child process it can SIGKILL) and
 * provisions the Temporal CLI; each spec then starts a stack of its own (`fault-stack.ts`).
 */
export default async function globalSetup(): Promise<void> {
  const [buildDir, cli] = await Promise.all([
    buildWorker(),
    resolveTemporalBinary(TEMPORAL_CLI, {
      cacheDir: TOOLS_DIR,
      log: (line) => process.stdout.write(`  [setup] ${line}\n`),
    }),
  ]);
  Object.assign(process.env, {
    FAULT_WORKER_BUILD: buildDir,
    [TEMPORAL_CLI.envVar]: cli.path,
  });
}
