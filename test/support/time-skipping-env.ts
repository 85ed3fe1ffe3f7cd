import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  Runtime,
  DefaultLogger,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { TEMPORAL_TEST_SERVER } from '../../src/infra/provisioning/temporal-binaries';
import { WORKFLOWS_PATH } from '../../src/worker/create-worker';

let runtimeInstalled = false;

/** Quiet SDK logs; call once per test file (Runtime.install may run only once per process). */
export function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({
    logger: new DefaultLogger('WARN'),
    telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
  });
  runtimeInstalled = true;
}

/** Starts the time-skipping server provisioned by the tier's global setup. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = process.env[TEMPORAL_TEST_SERVER.envVar];
  if (!path)
    throw new Error(`${TEMPORAL_TEST_SERVER.envVar} is not set; the global setup provisions it`);
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
  });
}

/** Bundles `workflows/` once per test file. */
export async function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: new DefaultLogger('WARN') });
}
