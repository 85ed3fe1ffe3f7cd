import {
  resolveTemporalBinary,
  TEMPORAL_TEST_SERVER,
} from '../../src/infra/provisioning/temporal-binaries';
import { TOOLS_DIR } from '../support/paths';

/** Provisions the time-skipping test server once; test files read its path from the env var. */
export default async function globalSetup(): Promise<void> {
  const server = await resolveTemporalBinary(TEMPORAL_TEST_SERVER, {
    cacheDir: TOOLS_DIR,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.env[TEMPORAL_TEST_SERVER.envVar] = server.path;
}
