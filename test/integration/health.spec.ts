import { freePort } from '../../src/infra/provisioning/temporal-binaries';
import { integrationConfig, startApi, type RunningApi } from '../support/integration-harness';

// Foundation: the health endpoint reports PostgreSQL and Temporal reachability.

describe('GET /health', () => {
  let api: RunningApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('is 200 with both dependencies up on the real stack', async () => {
    api = await startApi();
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, temporal: { status: 'up' } },
    });
  });

  it('is 503 naming Temporal when the Temporal server is unreachable', async () => {
    const closedPort = await freePort();
    api = await startApi(integrationConfig({ TEMPORAL_ADDRESS: `127.0.0.1:${closedPort}` }));
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { details: Record<string, { status: string }> };
    expect(body.details.database.status).toBe('up');
    expect(body.details.temporal.status).toBe('down');
  });
});
