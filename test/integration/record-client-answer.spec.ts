import { Role } from '../../src/identity/role.enum';
import { caughtMails, subjectHas } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { useWorldWithWorker } from '../support/world-with-worker';
import { AURORA_ORG } from '../support/demo-contract';

// L3-06 / L3-07 / L3-08 / L3-11 over GraphQL on the real stack: a client often answers by phone,
// WhatsApp or email; provider staff record that answer (`recordClientAnswer`, with the note and the
// channel). It acts as the client's own answer: an information request restarts triage with a new
// clock, a wait on the client resumes the paused clock. The staff member is the event's actor,
// the channel is in its data, the client sees it in the history, and the registrant is emailed
// once what was recorded in their name. A client calling it is FORBIDDEN, the wrong state
// INVALID_TRANSITION, a blank note or an unknown channel VALIDATION_FAILED, with nothing changed.

const OWN_ORG = AURORA_ORG;
const TICKET = `number state timeline { seq type actorRole data }
  clocks { kind run status pauses { from to } }`;

interface Ticket {
  number: string;
  state: string;
  timeline: { seq: number; type: string; actorRole: string | null; data: string }[];
  clocks: { kind: string; run: number; status: string; pauses: { to: string | null }[] }[];
}

const RECORD = `mutation ($input: RecordClientAnswerInput!) {
  recordClientAnswer(input: $input) { seq ticket { ${TICKET} } } }`;

describe('staff record the client answer given off the portal (L3-06, L3-07, L3-11)', () => {
  const world = useWorldWithWorker('record-client-answer');
  // The incident «No timbra la factura», registered by OWN_ORG's user and projected.
  const { act, registered, informationRequested, problemWaitingOnClient } = ticketJourneys(world);
  const journey = { organization: OWN_ORG };

  async function record(role: Role, input: Record<string, unknown>) {
    // An unknown enum value is refused while coercing the variables (HTTP 400), the rest with 200.
    const { body } = await gql<{ recordClientAnswer: { seq: number; ticket: Ticket } }>(
      world.api,
      RECORD,
      { input },
      world.bearer(role),
    );
    return { outcome: body.data?.recordClientAnswer, code: body.errors?.[0]?.extensions?.code };
  }

  async function read(role: Role, number: string): Promise<Ticket> {
    const { body } = await gql<{ ticket: Ticket }>(
      world.api,
      `query ($number: String!) { ticket(number: $number) { ${TICKET} allowedActions } }`,
      { number },
      world.bearer(role),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.ticket;
  }

  const recorded = (t: Ticket) =>
    t.timeline
      .filter((e) => e.type === 'recordClientAnswer')
      .map((e) => ({ role: e.actorRole, ...(JSON.parse(e.data) as object) }));

  const outbox = (number: string, type: string) =>
    world.db.query<{ recipient_address: string; status: string; text: string }[]>(
      'SELECT recipient_address, status, text FROM email_outbox WHERE ticket_number = $1 AND event_type = $2',
      [number, type],
    );

  it('L3-06: an answer by phone to an information request restarts triage, and the registrant is emailed once', async () => {
    const number = await informationRequested('¿Qué versión?', journey);
    const note = 'Usan Odoo 17 Enterprise en odoo.sh.';
    const { outcome, code } = await record(Role.AGENT, { number, note, channel: 'PHONE' });
    expect(code).toBeUndefined();
    expect(outcome!.ticket.state).toBe('REGISTERED');
    expect(recorded(outcome!.ticket)).toEqual([
      { role: 'AGENT', note, channel: 'PHONE', answered: 'INFO_REQUESTED' },
    ]);
    const triage = outcome!.ticket.clocks.filter((c) => c.kind === 'triage');
    expect(triage.map((c) => [c.run, c.status])).toEqual([
      [1, 'MET'],
      [2, 'RUNNING'],
    ]);
    // The client sees what was recorded in its name, with who recorded it.
    expect(recorded(await read(Role.CLIENT_USER, number))).toEqual(recorded(outcome!.ticket));

    // L3-11: the registrant is emailed what was recorded, once, and the SMTP catcher has it.
    const rows = await eventually(
      () => outbox(number, 'CLIENT_ANSWER_RECORDED'),
      (r) => r.length >= 1 && r.every((x) => x.status === 'SENT'),
    );
    expect(rows.map((r) => r.recipient_address)).toEqual(['usuario@aurora.example']);
    expect(rows[0].text).toContain('la respuesta que nos dio por teléfono');
    expect(rows[0].text).toContain(note);
    const mails = (await caughtMails()).filter(subjectHas(number, 'Registramos su respuesta'));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(note);
  });

  it('L3-07: a wait on the client ends with a WhatsApp answer a manager records; the paused clock resumes', async () => {
    const number = await problemWaitingOnClient('¿Nos manda los logs?', journey);
    expect((await read(Role.AGENT, number)).state).toBe('WAITING_ON_CLIENT');
    const { outcome, code } = await record(Role.MANAGER, {
      number,
      note: 'Dice que ya los mandó por correo.',
      channel: 'WHATSAPP',
    });
    expect(code).toBeUndefined();
    expect(outcome!.ticket.state).toBe('IN_ANALYSIS');
    const progress = outcome!.ticket.clocks.filter((c) => c.kind === 'progress');
    // The same run resumes (its remaining time kept), its one pause closed.
    expect(progress).toHaveLength(1);
    expect(progress[0]).toMatchObject({ run: 1, status: 'RUNNING' });
    expect(progress[0].pauses).toHaveLength(1);
    expect(progress[0].pauses[0].to).not.toBeNull();
    expect(recorded(outcome!.ticket)).toEqual([
      {
        role: 'MANAGER',
        note: 'Dice que ya los mandó por correo.',
        channel: 'WHATSAPP',
        answered: 'WAITING_ON_CLIENT',
      },
    ]);
    // The assigned agent hears that the manager recorded the answer (the ticket moves again).
    const told = await eventually(
      () => outbox(number, 'PROVIDER_CLIENT_ACTIVITY'),
      (r) => r.some((x) => x.text.includes('Dice que ya los mandó por correo.')),
    );
    expect(
      told
        .filter((x) => x.text.includes('Dice que ya los mandó por correo.'))
        .map((x) => x.recipient_address),
    ).toEqual(['agente@becken.example']);
  });

  it('refuses a client, the wrong state, a blank note and an unknown channel, changing nothing', async () => {
    const number = await registered(journey);
    const ok = { number, note: 'Por teléfono: listo.', channel: 'PHONE' };
    // REGISTERED: nothing waits on the client.
    expect((await record(Role.AGENT, ok)).code).toBe('INVALID_TRANSITION');
    await act(Role.AGENT, 'requestInformation', { number, note: '¿Qué versión?' });
    const before = await read(Role.AGENT, number);
    expect(before.state).toBe('INFO_REQUESTED');
    const refused: [Role, Record<string, unknown>, string][] = [
      [Role.CLIENT_USER, ok, 'FORBIDDEN'],
      [Role.CLIENT_APPROVER, ok, 'FORBIDDEN'],
      [Role.AGENT, { ...ok, note: '  ' }, 'VALIDATION_FAILED'],
      [Role.AGENT, { ...ok, note: '' }, 'VALIDATION_FAILED'],
      [Role.AGENT, { ...ok, channel: 'TELEGRAM' }, 'VALIDATION_FAILED'],
    ];
    for (const [role, input, expected] of refused) {
      expect(await record(role, input)).toEqual({ outcome: undefined, code: expected });
    }
    expect(await read(Role.AGENT, number)).toEqual(before);
    // Staff are offered the action while the ticket waits on the client; clients are not.
    const actions = async (role: Role) =>
      (
        await gql<{ ticket: { allowedActions: string[] } }>(
          world.api,
          `query ($number: String!) { ticket(number: $number) { allowedActions } }`,
          { number },
          world.bearer(role),
        )
      ).body.data!.ticket.allowedActions;
    expect(await actions(Role.AGENT)).toContain('recordClientAnswer');
    expect(await actions(Role.CLIENT_USER)).not.toContain('recordClientAnswer');
  });
});
