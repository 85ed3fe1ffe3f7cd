import { Logger } from '@nestjs/common';
import { Role } from '../../src/identity/role.enum';
import { freePort } from '../../src/infra/provisioning/temporal-binaries';
import { gql } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// Issue 10 item 2: while Temporal is unreachable the API answers UNAVAILABLE, and logs it as one
// warning line per request, not as a crash with a stack trace (an outage would flood the log).

describe('API during a Temporal outage', () => {
  let world: SeededWorld;
  beforeAll(async () => {
    const closedPort = await freePort();
    world = await createSeededWorld('outage', { TEMPORAL_ADDRESS: `127.0.0.1:${closedPort}` });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('answers a registration UNAVAILABLE and logs a warning, no ERROR', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error');
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    try {
      const { body } = await gql(
        world.api,
        'mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }',
        {
          input: {
            category: 'DEVELOPMENT',
            subject: 'Registro durante la caída',
            description: 'Temporal no responde.',
          },
        },
        world.bearer(Role.CLIENT_USER),
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
      expect(errors.mock.calls).toEqual([]);
      expect(warnings.mock.calls.map((c) => String(c[0]))).toContainEqual(
        expect.stringMatching(/^dependency unavailable: /),
      );
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
  });
});
