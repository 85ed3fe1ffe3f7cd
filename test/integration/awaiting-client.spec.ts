import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';
import { AURORA_ORG, TULUM_ORG } from '../support/demo-contract';

// «Se necesita su respuesta» on the client's list (L3-06, L3-07, L3-09, L3-11), over GraphQL on
// the real stack: `Ticket.awaitingClient` marks the tickets whose next step is the client's, and
// `tickets(filter: { awaitingClient: true })` («Mostrar: Esperan mi respuesta») lists exactly
// those, by the same rule: information requested, a wait on the client; an estimate awaiting its
// written authorization counts for approvers and staff, not for a portal user who cannot authorize.
// A client only ever sees its own organization's; a wrong type is VALIDATION_FAILED.

const OWN_ORG = AURORA_ORG;
const OTHER_ORG = TULUM_ORG;

const LIST = `query ($filter: TicketFilter) {
  tickets(filter: $filter, first: 100) { items { number state awaitingClient } } }`;

describe('tickets waiting on the client (L3-06, L3-07, L3-09)', () => {
  const world = useWorldWithWorker('awaiting-client');
  const numbers: Record<string, string> = {};

  const act = async (
    role: Role,
    mutation: string,
    type: string,
    input: Record<string, unknown>,
  ) => {
    const { body } = await gql(
      world.api,
      `mutation ($input: ${type}!) { ${mutation}(input: $input) { seq } }`,
      { input },
      world.bearer(role),
    );
    expect(body.errors).toBeUndefined();
  };
  const register = (subject: string, org = OWN_ORG) =>
    registerProjectedTicket(
      world,
      { category: 'INCIDENT', subject, description: 'Detalle del caso.' },
      org,
    );

  async function list(role: Role, filter: Record<string, unknown> | null, org?: string) {
    const { body } = await gql<{
      tickets: { items: { number: string; state: string; awaitingClient: boolean }[] };
    }>(world.api, LIST, { filter }, world.bearer(role, org));
    return { items: body.data?.tickets.items, code: body.errors?.[0]?.extensions?.code };
  }
  const numbersOf = (items: { number: string }[] | undefined) =>
    new Set((items ?? []).map((i) => i.number));

  beforeAll(async () => {
    numbers.registered = await register('Sin respuesta pendiente');
    numbers.info = await register('Información pedida');
    await act(Role.AGENT, 'requestInformation', 'TicketActionInput', {
      number: numbers.info,
      note: '¿Qué versión?',
    });
    numbers.waiting = await register('En espera del cliente');
    await act(Role.AGENT, 'classifyTicket', 'ClassifyTicketInput', {
      number: numbers.waiting,
      classification: 'PROBLEM',
    });
    await act(Role.AGENT, 'waitOnClient', 'TicketActionInput', {
      number: numbers.waiting,
      note: '¿Nos manda los logs?',
    });
    numbers.estimate = await register('Reporte nuevo');
    await act(Role.AGENT, 'classifyTicket', 'ClassifyTicketInput', {
      number: numbers.estimate,
      classification: 'REQUIREMENT',
      requirementKind: 'DEVELOPMENT',
    });
    await act(Role.AGENT, 'submitEstimate', 'SubmitEstimateInput', {
      number: numbers.estimate,
      hours: 4,
      scope: 'Reporte por zona',
    });
    numbers.otherInfo = await register('Información pedida a Tulum', OTHER_ORG);
    await act(Role.AGENT, 'requestInformation', 'TicketActionInput', {
      number: numbers.otherInfo,
      note: '¿Qué versión?',
    });
  }, 120_000);

  it('a portal user: the marker and the filter agree; an estimate is the approver’s, not theirs', async () => {
    const all = await list(Role.CLIENT_USER, null);
    const marked = (all.items ?? []).filter((i) => i.awaitingClient).map((i) => i.number);
    expect(new Set(marked)).toEqual(new Set([numbers.info, numbers.waiting]));
    const filtered = await list(Role.CLIENT_USER, { awaitingClient: true });
    expect(filtered.code).toBeUndefined();
    expect(numbersOf(filtered.items)).toEqual(new Set([numbers.info, numbers.waiting]));
    expect(filtered.items!.every((i) => i.awaitingClient)).toBe(true);
  });

  it('an approver also has the estimate awaiting its written authorization (L3-09)', async () => {
    const filtered = await list(Role.CLIENT_APPROVER, { awaitingClient: true });
    expect(numbersOf(filtered.items)).toEqual(
      new Set([numbers.info, numbers.waiting, numbers.estimate]),
    );
  });

  it("a client only ever sees its own organization's; staff see every client's", async () => {
    const other = await list(Role.CLIENT_USER, { awaitingClient: true }, OTHER_ORG);
    expect(numbersOf(other.items)).toEqual(new Set([numbers.otherInfo]));
    const staff = await list(Role.MANAGER, { awaitingClient: true });
    expect(numbersOf(staff.items)).toEqual(
      new Set([numbers.info, numbers.waiting, numbers.estimate, numbers.otherInfo]),
    );
    expect(numbersOf(staff.items).has(numbers.registered)).toBe(false);
  });

  it('combines with other filters and refuses a wrong type', async () => {
    const open = await list(Role.CLIENT_USER, { awaitingClient: true, states: ['INFO_REQUESTED'] });
    expect(numbersOf(open.items)).toEqual(new Set([numbers.info]));
    expect((await list(Role.CLIENT_USER, { awaitingClient: 'yes' })).code).toBe(
      'VALIDATION_FAILED',
    );
  });
});
