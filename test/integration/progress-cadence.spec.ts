import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { useWorldWithWorker } from '../support/world-with-worker';

// L3-07: "progress updates sent to the client on a cadence the provider sets". Managers and admins
// set a client's cadence on its support policy; a problem ticket registered afterwards runs its
// periodic-update clock on it; tickets already open keep theirs; bad values and other roles are
// refused with nothing changed. Real API, PostgreSQL, Temporal and worker.

const POLICY_FIELDS = 'progressCadenceMinutes progressCadenceIsDefault history { kind reason }';
const SET_CADENCE = `mutation ($input: SetProgressCadenceInput!) {
  setProgressCadence(input: $input) { ${POLICY_FIELDS} } }`;
const POLICY = `query ($organizationId: ID!) { supportPolicy(organizationId: $organizationId) {
  ${POLICY_FIELDS} } }`;
const CLOCKS = 'calendarId clocks { kind status startedAt deadline budgetMinutes target }';
const REGISTER = `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`;
const CLASSIFY = `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) {
  ticket { state ${CLOCKS} timeline { type at } } } }`;
const DEADLINE = `query ($from: DateTime!, $amount: Int!, $calendarId: ID) {
  businessDeadline(from: $from, amount: $amount, unit: BUSINESS_HOURS, calendarId: $calendarId) {
    deadline } }`;

interface Policy {
  progressCadenceMinutes: number;
  progressCadenceIsDefault: boolean;
  history: { kind: string; reason: string | null }[];
}
interface Classified {
  state: string;
  calendarId: string;
  clocks: {
    kind: string;
    status: string;
    startedAt: string;
    deadline: string;
    budgetMinutes: number;
    target: string;
  }[];
  timeline: { type: string; at: string }[];
}

describe('L3-07 progress-update cadence set by the provider per client', () => {
  const world = useWorldWithWorker('cadence');
  const aurora = () => world.orgIds['comercializadora-aurora'];

  const setCadence = async (role: Role, minutes: unknown, organizationId = aurora()) => {
    const { body } = await gql<{ setProgressCadence: Policy }>(
      world.api,
      SET_CADENCE,
      { input: { organizationId, progressCadenceMinutes: minutes, reason: 'Cliente crítico' } },
      world.bearer(role),
    );
    return { policy: body.data?.setProgressCadence, code: body.errors?.[0]?.extensions?.code };
  };
  const policy = async () => {
    const { body } = await gql<{ supportPolicy: Policy }>(
      world.api,
      POLICY,
      { organizationId: aurora() },
      world.bearer(Role.MANAGER),
    );
    return body.data!.supportPolicy;
  };
  const register = async (subject: string) => {
    const { body } = await gql<{ registerTicket: { number: string } }>(
      world.api,
      REGISTER,
      { input: { category: 'INCIDENT', subject, description: 'El timbrado falla desde ayer.' } },
      world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.registerTicket.number;
  };
  const classifyAsProblem = async (number: string) => {
    const { body } = await gql<{ classifyTicket: { ticket: Classified } }>(
      world.api,
      CLASSIFY,
      { input: { number, classification: 'PROBLEM' } },
      world.bearer(Role.AGENT),
    );
    expect(body.errors).toBeUndefined();
    const ticket = body.data!.classifyTicket.ticket;
    expect(ticket.state).toBe('IN_ANALYSIS');
    return ticket;
  };

  it('new problem tickets run their progress clock on the cadence the manager set; open ones keep theirs', async () => {
    expect(await policy()).toMatchObject({
      progressCadenceMinutes: 480,
      progressCadenceIsDefault: true,
    });
    const before = await register('Registrado antes del cambio');

    const set = await setCadence(Role.MANAGER, 240);
    expect(set.code).toBeUndefined();
    expect(set.policy).toMatchObject({
      progressCadenceMinutes: 240,
      progressCadenceIsDefault: false,
    });
    expect(set.policy!.history.at(-1)).toEqual({
      kind: 'TERMS_CHANGED',
      reason: 'Cliente crítico',
    });
    const after = await register('Registrado después del cambio');

    const ticket = await classifyAsProblem(after);
    const progress = ticket.clocks.find((c) => c.kind === 'progress')!;
    expect(progress).toMatchObject({ status: 'RUNNING', budgetMinutes: 240 });
    // The clock starts at the automatic assignment: its deadline is 4 business hours later on
    // the ticket's calendar, as the API's own deadline calculator computes it.
    const assigned = ticket.timeline.find((e) => e.type === 'ASSIGNED')!;
    expect(Date.parse(progress.startedAt)).toBeGreaterThanOrEqual(Date.parse(assigned.at));
    const { body } = await gql<{ businessDeadline: { deadline: string } }>(world.api, DEADLINE, {
      from: progress.startedAt,
      amount: 4,
      calendarId: ticket.calendarId,
    });
    expect(progress.deadline).toBe(body.data!.businessDeadline.deadline);

    // Registered under the default: it keeps 8 business hours.
    const older = await classifyAsProblem(before);
    expect(older.clocks.find((c) => c.kind === 'progress')).toMatchObject({ budgetMinutes: 480 });

    // Null restores the default for tickets registered from then on.
    expect((await setCadence(Role.ADMIN, null)).policy).toMatchObject({
      progressCadenceMinutes: 480,
      progressCadenceIsDefault: true,
    });
    await setCadence(Role.MANAGER, 240);
  });

  it('refuses values that are not whole business minutes from 60 to 4800 with VALIDATION_FAILED, nothing changed', async () => {
    await setCadence(Role.MANAGER, 240);
    const history = (await policy()).history.length;
    for (const bad of [59, 4801, 0, -60, 90.5, '240']) {
      expect({ bad, code: (await setCadence(Role.MANAGER, bad)).code }).toEqual({
        bad,
        code: 'VALIDATION_FAILED',
      });
    }
    expect(await policy()).toMatchObject({ progressCadenceMinutes: 240 });
    expect((await policy()).history).toHaveLength(history);
    // Both bounds are accepted.
    expect((await setCadence(Role.MANAGER, 60)).policy!.progressCadenceMinutes).toBe(60);
    expect((await setCadence(Role.MANAGER, 4800)).policy!.progressCadenceMinutes).toBe(4800);
  });

  it('only provider managers and admins set it: clients and agents get FORBIDDEN, nothing changed', async () => {
    await setCadence(Role.MANAGER, 300);
    for (const role of [Role.CLIENT_USER, Role.CLIENT_APPROVER, Role.AGENT]) {
      expect({ role, code: (await setCadence(role, 120)).code }).toEqual({
        role,
        code: 'FORBIDDEN',
      });
    }
    expect(await policy()).toMatchObject({ progressCadenceMinutes: 300 });
  });
});
