import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { useWorldWithWorker } from '../support/world-with-worker';

// Typed errors a client can word in its own language: next to the English `message`, each
// refusal carries a stable `extensions.reason` and its parameters (class-validator rules with
// their limits, INSUFFICIENT_HOURS with the hours, a taken email, the workflow's own refusals
// carried as `ApplicationFailure` details). L3-09 (the client authorizes
// the estimate), L3-12 (authorization reserves prepaid hours).

interface GqlError {
  message: string;
  extensions: Record<string, unknown>;
}

describe('Machine-readable reasons in errors[].extensions (L3-09, L3-12)', () => {
  const world = useWorldWithWorker('error-reasons');

  async function send(role: Role, mutation: string, inputType: string, input: object) {
    const { body } = await gql<Record<string, unknown>>(
      world.api,
      `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`,
      { input },
      world.bearer(role),
    );
    return body.errors?.[0] as GqlError | undefined;
  }

  async function classifiedRequirement(): Promise<string> {
    const { body } = await gql<{ registerTicket: { number: string } }>(
      world.api,
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
      {
        input: {
          category: 'DEVELOPMENT',
          subject: 'Tablero de ventas',
          description: 'Un tablero de ventas por región.',
        },
      },
      world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    const number = body.data!.registerTicket.number;
    const classified = await send(Role.AGENT, 'classifyTicket', 'ClassifyTicketInput', {
      number,
      classification: 'REQUIREMENT',
      requirementKind: 'DEVELOPMENT',
    });
    expect(classified).toBeUndefined();
    return number;
  }

  it('a class-validator refusal lists each broken rule with its property, constraint and limit', async () => {
    const number = await classifiedRequirement();
    const error = await send(Role.AGENT, 'submitEstimate', 'SubmitEstimateInput', {
      number,
      hours: -3,
      scope: 'Tablero',
    });
    expect(error?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'INPUT_CONSTRAINTS',
      violations: [
        { path: 'hours', property: 'hours', constraint: 'min', args: [0.25], limit: 0.25 },
      ],
    });
    // The English sentence stays for API users.
    expect(error?.message).toMatch(/hours must not be less than 0.25/);
  });

  it('an estimate beyond the available hours is INSUFFICIENT_HOURS with the hours, whatever path it took', async () => {
    const number = await classifiedRequirement();
    expect(
      await send(Role.AGENT, 'submitEstimate', 'SubmitEstimateInput', {
        number,
        hours: 9000,
        scope: 'Tablero enorme',
      }),
    ).toBeUndefined();
    const balance = await gql<{ hourBalance: { available: number } }>(
      world.api,
      `query ($id: ID!) { hourBalance(organizationId: $id) { available } }`,
      { id: world.orgIds['comercializadora-aurora'] },
      world.bearer(Role.MANAGER),
    );
    const available = balance.body.data!.hourBalance.available;
    const error = await send(Role.CLIENT_APPROVER, 'authorizeEstimate', 'AuthorizeEstimateInput', {
      number,
      estimateVersion: 1,
      statement: 'Autorizo las 9000 horas.',
    });
    expect(error?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'INSUFFICIENT_HOURS',
      requestedHours: 9000,
      availableHours: available,
      shortfallHours: 9000 - available,
    });
    expect(error?.message).toMatch(/^Not enough prepaid hours/);
  });

  it("the workflow's refusals arrive with their reason and parameters (L3-09)", async () => {
    const number = await classifiedRequirement();
    const estimate = { number, hours: 2, scope: 'Tablero' };
    expect(
      await send(Role.AGENT, 'submitEstimate', 'SubmitEstimateInput', estimate),
    ).toBeUndefined();
    // The Update's validator refuses: no read-model check answers for it.
    const again = await send(Role.AGENT, 'submitEstimate', 'SubmitEstimateInput', estimate);
    expect(again).toMatchObject({
      message: 'cannot submitEstimate a ticket in state ESTIMATE_SUBMITTED',
      extensions: {
        code: 'INVALID_TRANSITION',
        reason: 'WRONG_STATE',
        action: 'submitEstimate',
        state: 'ESTIMATE_SUBMITTED',
      },
    });
    const stale = await send(Role.CLIENT_APPROVER, 'authorizeEstimate', 'AuthorizeEstimateInput', {
      number,
      estimateVersion: 2,
      statement: 'Autorizo la versión 2.',
    });
    expect(stale?.extensions).toEqual({
      code: 'INVALID_TRANSITION',
      reason: 'ESTIMATE_NOT_SUBMITTED',
      estimateVersion: 2,
      currentVersion: 1,
    });
  });

  it("the API's own refusals name the role and the missing thing", async () => {
    const number = await classifiedRequirement();
    const forbidden = await send(Role.CLIENT_USER, 'submitEstimate', 'SubmitEstimateInput', {
      number,
      hours: 2,
      scope: 'Tablero',
    });
    expect(forbidden?.extensions).toEqual({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
      action: 'submitEstimate',
      allowedRoles: ['AGENT', 'MANAGER', 'ADMIN'],
    });
    const missing = await send(Role.AGENT, 'submitEstimate', 'SubmitEstimateInput', {
      number: 'L3-2026-999999',
      hours: 2,
      scope: 'Tablero',
    });
    expect(missing?.extensions).toEqual({
      code: 'NOT_FOUND',
      reason: 'NOT_FOUND',
      entity: 'ticket',
      id: 'L3-2026-999999',
    });
  });

  it('a taken email is CONFLICT EMAIL_TAKEN with the email', async () => {
    const email = `repetido-${Date.now()}@tulum.example`;
    const input = {
      organizationId: world.orgIds['grupo-industrial-tulum'],
      email,
      displayName: 'Usuario Repetido',
      roles: ['CLIENT_USER'],
      temporaryPassword: 'temporal-password-123',
    };
    expect(await send(Role.ADMIN, 'createUser', 'CreateUserInput', input)).toBeUndefined();
    const again = await send(Role.ADMIN, 'createUser', 'CreateUserInput', input);
    expect(again?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN', email });
  });
});
