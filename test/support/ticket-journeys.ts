import { defaultMexicoCityCalendar, localDateOf } from '../../src/business-time/engine';
import { Role } from '../../src/identity/role.enum';
import { TicketProjectionService } from '../../src/tickets/ticket-projection.service';
import type { ReadModelSlice } from '../../workflows/ticket/ticket-projection';
import { gql } from './integration-harness';
import type { SeededWorld } from './seeded-world';
import {
  registerProjectedTicket,
  registerTicket,
  type TicketApi,
  type TicketRegistration,
  type WorldWithWorker,
} from './world-with-worker';

// The ways integration specs take a ticket to the state their test starts from, through GraphQL as
// the screens do: a client user registers it, an agent triages it as a DEVELOPMENT requirement and
// estimates it (L3-08), the client's approver authorizes the estimate in writing (L3-09, L3-12:
// its hours are reserved), an agent publishes its release date and starts the development, and
// releases it for the client's tests (L3-09). Or an agent asks the client for information (L3-06),
// or triages it as a problem (L3-07) and waits on the client. Each step fails the test on any
// GraphQL error.

/** The ticket a ticket mutation answers with (`TransitionOutcome.ticket`). */
export interface ActedTicket {
  state: string;
  releaseDate: string | null;
}

/** A DEVELOPMENT requirement to take on: its registration and its estimate. */
export interface RequirementJourney {
  subject: string;
  /** Default: `registerTicket`'s. */
  description?: string;
  /** The estimate's hours. */
  hours: number;
  /** The estimate's scope; default: the subject. */
  scope?: string;
  /** The approver's written authorization; default: `Autorizo <hours> h.` */
  statement?: string;
  /** The client organization registering it and authorizing it; default: the first. */
  organization?: string;
  /** Wait until the read model holds the registration (`registerProjectedTicket`). */
  projected?: boolean;
}

/** The incident the problem journeys register unless told otherwise. */
export const INCIDENT: TicketRegistration = {
  category: 'INCIDENT',
  subject: 'No timbra la factura',
  description: 'Error al timbrar.',
};

/** A ticket to register and triage; always waited for in the read model. */
export interface TriageJourney {
  /** Default: {@link INCIDENT}. */
  registration?: TicketRegistration;
  /** The client organization registering it; default: the first. */
  organization?: string;
}

export interface TicketJourneys {
  /**
   * Runs the ticket mutation `mutation` (its input of GraphQL type `type`) as the demo user holding
   * `role` (in `organization` for client roles); returns the ticket it answers with.
   */
  readonly act: (
    role: Role,
    mutation: string,
    input: object,
    type?: string,
    organization?: string,
  ) => Promise<ActedTicket>;
  /**
   * Registered by the client user, the read model holding its registration
   * (`registerProjectedTicket`): REGISTERED, triage running.
   */
  readonly registered: (journey?: TriageJourney) => Promise<string>;
  /** …and the client asked for information with `note` (L3-06): INFO_REQUESTED. */
  readonly informationRequested: (note: string, journey?: TriageJourney) => Promise<string>;
  /** …or triaged as a problem (L3-07): IN_ANALYSIS, its progress clock running. */
  readonly problemInAnalysis: (journey?: TriageJourney) => Promise<string>;
  /** …and waiting on the client with `note`: WAITING_ON_CLIENT, the progress clock paused. */
  readonly problemWaitingOnClient: (note: string, journey?: TriageJourney) => Promise<string>;
  /** Registered, triaged as a requirement and estimated: ESTIMATE_SUBMITTED, for the approver. */
  readonly estimatedRequirement: (journey: RequirementJourney) => Promise<string>;
  /** …and its estimate authorized by the approver: SCHEDULING. */
  readonly scheduledRequirement: (journey: RequirementJourney) => Promise<string>;
  /** …its release date published (default: `businessClosing()`) and the development started. */
  readonly requirementInDevelopment: (
    journey: RequirementJourney & { releaseDate?: string },
  ) => Promise<string>;
  /** …and released for the client's tests with `note`: RELEASED_FOR_TESTING. */
  readonly requirementReleasedForTesting: (
    journey: RequirementJourney & { releaseDate?: string },
    note: string,
  ) => Promise<string>;
  /**
   * Provider staff (default: the manager) mark Aurora's ticket «Sin cargo al paquete» (L3-18): its
   * hours are neither held nor charged.
   */
  readonly markNoCharge: (number: string, by?: { role?: Role; reason?: string }) => Promise<void>;
  /**
   * An agent logs `hours` of work on the ticket today (Mexico City): charged to its authorized
   * estimate's reservation (L3-12/L3-13).
   */
  readonly logTime: (number: string, hours: number) => Promise<void>;
}

/** The closing (18:00 Mexico City = 00:00 UTC) of a weekday at least 5 days ahead. */
export function businessClosing(): string {
  const d = new Date(Date.now() + 5 * 86_400_000);
  while ([0, 6].includes(d.getUTCDay())) d.setUTCDate(d.getUTCDate() + 1);
  return `${d.toISOString().slice(0, 10)}T23:00:00.000Z`;
}

/** Why the journeys' staff waive a ticket by default (L3-18). */
const NO_CHARGE_REASON = 'Corrige un defecto de nuestra entrega anterior.';

/** The journeys on `world` (a seeded world, read live or not). */
export function ticketJourneys(
  world: TicketApi & Pick<SeededWorld, 'db' | 'orgIds'>,
): TicketJourneys {
  const act: TicketJourneys['act'] = async (
    role,
    mutation,
    input,
    type = 'TicketActionInput',
    organization,
  ) => {
    const { body } = await gql<Record<string, { ticket: ActedTicket }>>(
      world.api,
      `mutation ($input: ${type}!) { ${mutation}(input: $input) { ticket { state releaseDate } } }`,
      { input },
      world.bearer(role, organization),
    );
    expect(body.errors).toBeUndefined();
    return body.data![mutation].ticket;
  };

  const registered = (journey: TriageJourney = {}): Promise<string> =>
    registerProjectedTicket(world, journey.registration ?? INCIDENT, journey.organization);

  const problemInAnalysis = async (journey: TriageJourney = {}): Promise<string> => {
    const number = await registered(journey);
    const classified = await act(
      Role.AGENT,
      'classifyTicket',
      { number, classification: 'PROBLEM' },
      'ClassifyTicketInput',
    );
    expect(classified.state).toBe('IN_ANALYSIS');
    return number;
  };

  const estimatedRequirement = async (journey: RequirementJourney): Promise<string> => {
    const { subject, description, hours, organization } = journey;
    const register = journey.projected ? registerProjectedTicket : registerTicket;
    const number = await register(
      world,
      { subject, ...(description === undefined ? {} : { description }) },
      organization,
    );
    await act(
      Role.AGENT,
      'classifyTicket',
      { number, classification: 'REQUIREMENT', requirementKind: 'DEVELOPMENT' },
      'ClassifyTicketInput',
    );
    const submitted = await act(
      Role.AGENT,
      'submitEstimate',
      { number, hours, scope: journey.scope ?? subject },
      'SubmitEstimateInput',
    );
    expect(submitted.state).toBe('ESTIMATE_SUBMITTED');
    return number;
  };

  const scheduledRequirement = async (journey: RequirementJourney): Promise<string> => {
    const number = await estimatedRequirement(journey);
    const authorized = await act(
      Role.CLIENT_APPROVER,
      'authorizeEstimate',
      {
        number,
        estimateVersion: 1,
        statement: journey.statement ?? `Autorizo ${journey.hours} h.`,
      },
      'AuthorizeEstimateInput',
      journey.organization,
    );
    expect(authorized.state).toBe('SCHEDULING');
    return number;
  };

  const requirementInDevelopment = async (
    journey: RequirementJourney & { releaseDate?: string },
  ): Promise<string> => {
    const number = await scheduledRequirement(journey);
    await act(
      Role.AGENT,
      'setReleaseDate',
      { number, releaseDate: journey.releaseDate ?? businessClosing() },
      'SetReleaseDateInput',
    );
    await act(Role.AGENT, 'startDevelopment', { number });
    return number;
  };

  return {
    act,
    registered,
    async informationRequested(note, journey) {
      const number = await registered(journey);
      const asked = await act(Role.AGENT, 'requestInformation', { number, note });
      expect(asked.state).toBe('INFO_REQUESTED');
      return number;
    },
    problemInAnalysis,
    async problemWaitingOnClient(note, journey) {
      const number = await problemInAnalysis(journey);
      const waiting = await act(Role.AGENT, 'waitOnClient', { number, note });
      expect(waiting.state).toBe('WAITING_ON_CLIENT');
      return number;
    },
    estimatedRequirement,
    scheduledRequirement,
    requirementInDevelopment,
    async requirementReleasedForTesting(journey, note) {
      const number = await requirementInDevelopment(journey);
      const released = await act(Role.AGENT, 'releaseForTesting', { number, note });
      expect(released.state).toBe('RELEASED_FOR_TESTING');
      return number;
    },
    async markNoCharge(number, { role = Role.MANAGER, reason = NO_CHARGE_REASON } = {}) {
      const { body } = await gql(
        world.api,
        `mutation ($input: SetTicketNoChargeInput!) { setTicketNoCharge(input: $input) { noCharge } }`,
        {
          input: {
            organizationId: world.orgIds['comercializadora-aurora'],
            ticketNumber: number,
            noCharge: true,
            reason,
          },
        },
        world.bearer(role),
      );
      expect(body.errors).toBeUndefined();
    },
    async logTime(number, hours) {
      const year = new Date().getUTCFullYear();
      const today = localDateOf(defaultMexicoCityCalendar(year - 1, year + 1), new Date());
      const { body } = await gql(
        world.api,
        `mutation ($input: LogTicketTimeInput!) { logTicketTime(input: $input) { chargedHours } }`,
        { input: { number, date: today, hours, description: 'Análisis y desarrollo' } },
        world.bearer(Role.AGENT),
      );
      expect(body.errors).toBeUndefined();
    },
  };
}

/**
 * What the ticket workflow hands the real projection when one of its timers fires (a reminder):
 * `event` as the ticket's next event, with its read-model slice as last projected (no clock
 * changed). Projected twice, as a retried activity would: appended once, the second time nothing.
 */
export async function projectTimerEvent(
  world: Pick<WorldWithWorker, 'db' | 'worker'>,
  number: string,
  event: { type: string; at: string; data: Record<string, unknown> },
): Promise<void> {
  const [last] = await world.db.query<{ seq: number; read_model: ReadModelSlice }[]>(
    `SELECT seq, read_model FROM ticket_event
      WHERE ticket_number = $1 AND read_model IS NOT NULL ORDER BY seq DESC LIMIT 1`,
    [number],
  );
  const batch = {
    ticketNumber: number,
    events: [{ seq: last.seq + 1, ...event, actor: null }],
    slice: { ...last.read_model, clocks: [] },
  };
  const projection = world.worker.context.get(TicketProjectionService);
  expect(await projection.project(batch)).toEqual({ appended: 1 });
  expect(await projection.project(batch)).toEqual({ appended: 0 });
}
