import { removeWorkerBuild } from '../support/worker-process';

export default function globalTeardown(): void {
  const buildDir = process.env.FAULT_WORKER_BUILD;
  if (buildDir) removeWorkerBuild(buildDir);
}
