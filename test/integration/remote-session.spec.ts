import { addBusinessDays, defaultMexicoCityCalendar } from '../../src/business-time/engine';
import { Locale } from '../../src/identity/locale.enum';
import { Role } from '../../src/identity/role.enum';
import { RecipientDates } from '../../src/notifications/templates/format';
import {
  type CaughtMail,
  caughtAtLeast,
  caughtCalendars,
  caughtMails,
  subjectHas,
} from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';
import { AURORA_ORG } from '../support/demo-contract';

// L3-06 over GraphQL on the real stack (API, PostgreSQL, Temporal worker, outbox, SMTP catcher):
// staff propose a remote session with a meeting link (https only) and a duration (15–240 min);
// the registrant is emailed once, with the time range and an .ics (METHOD:REQUEST, one UID per
// ticket's session, a higher SEQUENCE when re-proposed). The client confirms it
// (`acceptRemoteSession`: the state and the stopped triage clock stay) or cannot attend
// (`declineRemoteSession`: a reason and maybe another time; back to REGISTERED with a new triage
// clock). Staff are emailed once per answer and recipient. Wrong role FORBIDDEN, wrong state or
// proposal INVALID_TRANSITION, bad input VALIDATION_FAILED, each with nothing recorded.
// QA S60b #6 (RFC 5546): the agent holding the session (the assignee, else its proposer) gets the
// same calendar entry when the client confirms it; a decline, or the ticket cancelled with the
// session ahead, cancels the entry (METHOD:CANCEL, the invitation's UID, a higher SEQUENCE) in
// every calendar the invitation reached, with the email of that event, never a second one.
// QA S62: only there: a reassignment moves a confirmed session from the calendar of whoever held
// it (METHOD:CANCEL) to the new agent's (METHOD:REQUEST), in the assignment's one email each; a
// later cancellation goes to whoever holds it then; a participant added after the invitation
// reads the cancellation without an .ics.

const OWN_ORG = AURORA_ORG;
const REGISTRANT = 'usuario@aurora.example';
const LINK = 'https://meet.example.com/abc-defg-hij';
const TICKET = `number state
  remoteSessionAt
  remoteSession {
    proposal at durationMinutes link note
    accepted { at by } declined { at by reason suggestedAt } withdrawn { at by note }
  }
  clocks { kind run status deadline }
  timeline { seq type actorRole data }
  allowedActions awaitingClient confirmedRemoteSessionAt`;

interface Ticket {
  number: string;
  state: string;
  remoteSession: {
    proposal: number;
    at: string;
    durationMinutes: number;
    link: string | null;
    note: string | null;
    accepted: { at: string; by: string } | null;
    declined: { reason: string; suggestedAt: string | null } | null;
    withdrawn?: { at: string; by: string; note: string | null } | null;
  } | null;
  clocks: { kind: string; run: number; status: string; deadline: string | null }[];
  timeline: { seq: number; type: string; actorRole: string | null; data: string }[];
  allowedActions: string[];
  awaitingClient: boolean;
  confirmedRemoteSessionAt: string | null;
}

interface Outbox {
  recipient_address: string;
  status: string;
  text: string;
  attachments: { filename: string; content: string }[];
}

function calendar() {
  const year = new Date().getUTCFullYear();
  return defaultMexicoCityCalendar(year, year + 1);
}
/** Three hours before the closing of the `n`th next business day: inside business time. */
const businessHour = (n: number): string =>
  new Date(addBusinessDays(calendar(), new Date(), n).getTime() - 3 * 3_600_000).toISOString();
const plain = (s: string): string => s.replace(/[\u202f\u2009\u00a0]/g, ' ');

describe('remote sessions the client can act on (L3-06)', () => {
  const world = useWorldWithWorker('remote-session');

  const register = () =>
    registerProjectedTicket(
      world,
      { category: 'INCIDENT', subject: 'No timbra la factura', description: 'Error al timbrar.' },
      OWN_ORG,
    );

  async function mutate(role: Role, mutation: string, type: string, input: object) {
    const { body } = await gql<Record<string, { ticket: Ticket }>>(
      world.api,
      `mutation ($input: ${type}!) { ${mutation}(input: $input) { seq ticket { ${TICKET} } } }`,
      { input },
      world.bearer(role, role.startsWith('CLIENT') ? OWN_ORG : undefined),
    );
    return { ticket: body.data?.[mutation]?.ticket, code: body.errors?.[0]?.extensions?.code };
  }
  const propose = (input: object, role = Role.AGENT) =>
    mutate(role, 'proposeRemoteSession', 'ProposeRemoteSessionInput', input);
  const accept = (input: object, role = Role.CLIENT_USER) =>
    mutate(role, 'acceptRemoteSession', 'AcceptRemoteSessionInput', input);
  const decline = (input: object, role = Role.CLIENT_USER) =>
    mutate(role, 'declineRemoteSession', 'DeclineRemoteSessionInput', input);
  const withdraw = (input: object, role = Role.AGENT) =>
    mutate(role, 'withdrawRemoteSession', 'WithdrawRemoteSessionInput', input);

  async function read(number: string, role = Role.AGENT): Promise<Ticket> {
    const { body } = await gql<{ ticket: Ticket }>(
      world.api,
      `query ($number: String!) { ticket(number: $number) { ${TICKET} } }`,
      { number },
      world.bearer(role, role.startsWith('CLIENT') ? OWN_ORG : undefined),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.ticket;
  }
  /** The client's «Esperan mi respuesta» list (TicketFilter.awaitingClient). */
  async function awaiting(): Promise<string[]> {
    const { body } = await gql<{ tickets: { items: { number: string }[] } }>(
      world.api,
      `{ tickets(first: 100, filter: { awaitingClient: true }) { items { number } } }`,
      {},
      world.bearer(Role.CLIENT_USER, OWN_ORG),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.tickets.items.map((i) => i.number);
  }
  const eventCount = async (number: string) =>
    (
      await world.db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM ticket_event WHERE ticket_number = $1',
        [number],
      )
    )[0].n;
  const outbox = (number: string, type: string) =>
    world.db.query<Outbox[]>(
      `SELECT recipient_address, status, text, attachments FROM email_outbox
        WHERE ticket_number = $1 AND event_type = $2 ORDER BY created_at`,
      [number, type],
    );
  const sent = (number: string, type: string, n: number) =>
    eventually(
      () => outbox(number, type),
      (rows) => rows.length >= n && rows.every((r) => r.status === 'SENT'),
    );
  const ics = (row: Outbox): Record<string, string> => {
    const text = Buffer.from(row.attachments[0].content, 'base64')
      .toString('utf8')
      .replace(/\r\n[ \t]/g, '');
    return Object.fromEntries(
      text
        .split('\r\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf(':')).split(';')[0], l.slice(l.indexOf(':') + 1)]),
    );
  };
  const triage = (t: Ticket) =>
    t.clocks.filter((c) => c.kind === 'triage').map((c) => `${c.run}:${c.status}`);

  /** The address of the staff member who proposed the ticket's current session. */
  const proposerEmail = async (n: string): Promise<string> =>
    (
      await world.db.query<{ email: string }[]>(
        `SELECT u.email FROM ticket t JOIN app_user u
            ON u.id = (t.details -> 'remoteSession' ->> 'proposedBy')::uuid
          WHERE t.number = $1`,
        [n],
      )
    )[0].email;
  /** The calendar files of the caught emails, by recipient (one email each). */
  const calendarsByRecipient = async (mails: CaughtMail[]) =>
    Object.fromEntries(
      await Promise.all(
        mails.map(async (m) => [m.to.join(','), await caughtCalendars(m)] as const),
      ),
    );

  let number: string;
  let at: string;
  /** The client's invitation (proposal 1), as the registrant's calendar holds it. */
  let invitation: Record<string, string>;
  let proposer: string;
  /** The agent's copy, sent with the client's confirmation. */
  let agentInvitation: Record<string, string>;
  /** Proposal 2, after the decline: a new calendar entry (QA S63 #4). */
  let reproposal: Record<string, string>;

  it('L3-06: a proposal with a non-https link or a duration out of 15–240 is VALIDATION_FAILED, nothing recorded', async () => {
    number = await register();
    at = businessHour(2);
    const before = await eventCount(number);
    for (const input of [
      { number, at, link: 'http://meet.example.com/abc' },
      { number, at, link: 'ftp://files.example.com' },
      { number, at, link: 'meet.example.com/abc' },
      { number, at, durationMinutes: 10 },
      { number, at, durationMinutes: 300 },
    ]) {
      const { code, ticket } = await propose(input);
      expect({ input, code }).toEqual({ input, code: 'VALIDATION_FAILED' });
      expect(ticket).toBeUndefined();
    }
    expect(await eventCount(number)).toBe(before);
    expect((await read(number)).state).toBe('REGISTERED');
  });

  it('L3-06: the proposal keeps its link and duration; the registrant gets one email with the range and an .ics', async () => {
    const { ticket, code } = await propose({ number, at, link: LINK, durationMinutes: 90 });
    expect(code).toBeUndefined();
    expect(ticket!.state).toBe('REMOTE_SESSION_PROPOSED');
    expect(ticket!.remoteSession).toMatchObject({
      proposal: 1,
      at,
      durationMinutes: 90,
      link: LINK,
      accepted: null,
      declined: null,
    });
    const client = await read(number, Role.CLIENT_USER);
    expect(client.awaitingClient).toBe(true);
    expect(await awaiting()).toContain(number);
    // Not confirmed yet: the lists say the client's answer is awaited (QA S60b #9).
    expect(client.confirmedRemoteSessionAt).toBeNull();
    expect(client.remoteSession).toMatchObject({ proposal: 1, durationMinutes: 90, link: LINK });
    expect(client.allowedActions).toEqual(
      expect.arrayContaining(['acceptRemoteSession', 'declineRemoteSession']),
    );

    const rows = await sent(number, 'REMOTE_SESSION_PROPOSED', 1);
    expect(rows.map((r) => r.recipient_address)).toEqual([REGISTRANT]);
    expect(plain(rows[0].text)).toMatch(
      /Sesión remota propuesta: .+ [ap]\.m\. \(hora de la Ciudad de México\)\n/,
    );
    expect(plain(rows[0].text)).toContain(`Unirse a la sesión: ${LINK}`);
    const entry = ics(rows[0]);
    expect(entry).toMatchObject({ METHOD: 'REQUEST', LOCATION: LINK });
    expect(
      Date.parse(
        entry.DTSTART.replace(/(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z/, '$1-$2-$3T$4:$5:$6Z'),
      ),
    ).toBe(Date.parse(at));
    const mails = (await caughtMails()).filter(subjectHas(number, 'Sesión remota propuesta'));
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([REGISTRANT]);
    expect(mails[0].attachments).toEqual([
      expect.objectContaining({ filename: `${number}-remote-session.ics` }),
    ]);
    const [calendar] = await caughtCalendars(mails[0]);
    // QA S62 #9: not confirmed yet: tentative in the client's calendar.
    expect(calendar.props).toMatchObject({ METHOD: 'REQUEST', STATUS: 'TENTATIVE' });
    invitation = calendar.props;
    proposer = await proposerEmail(number);
  });

  it('L3-06: staff may not answer for the client, a stale proposal is refused; nothing recorded', async () => {
    const before = await eventCount(number);
    expect((await accept({ number, proposal: 1 }, Role.AGENT)).code).toBe('FORBIDDEN');
    expect((await decline({ number, proposal: 1, reason: 'x' }, Role.MANAGER)).code).toBe(
      'FORBIDDEN',
    );
    expect((await accept({ number, proposal: 2 })).code).toBe('INVALID_TRANSITION');
    expect((await decline({ number, proposal: 1, reason: '   ' })).code).toBe('VALIDATION_FAILED');
    expect(
      (
        await decline({
          number,
          proposal: 1,
          reason: 'Ese día no',
          suggestedAt: '2020-01-01T10:00:00Z',
        })
      ).code,
    ).toBe('VALIDATION_FAILED');
    expect(await eventCount(number)).toBe(before);
  });

  it('L3-06: the client confirms: the state and the stopped triage clock stay; staff are emailed once each', async () => {
    const { ticket, code } = await accept({ number, proposal: 1 });
    expect(code).toBeUndefined();
    expect(ticket!.state).toBe('REMOTE_SESSION_PROPOSED');
    expect(ticket!.remoteSession!.accepted).not.toBeNull();
    expect(triage(ticket!)).toEqual(['1:MET']);
    // Confirmed once: no longer offered, and refused if asked again.
    const confirmed = await read(number, Role.CLIENT_USER);
    expect(confirmed.allowedActions).not.toContain('acceptRemoteSession');
    expect(confirmed.allowedActions).toContain('declineRemoteSession');
    // Nor does it wait on the client any more (L3-06): the session comes next.
    expect(confirmed.awaitingClient).toBe(false);
    expect(await awaiting()).not.toContain(number);
    // QA S60b #9: no clock runs, but the ticket waits for the session at its time: the ticket and
    // its work-list entry say when (the lists' «Sesión remota: …», not «Sin plazo en curso»).
    expect(confirmed.confirmedRemoteSessionAt).toBe(at);
    const entry = await eventually(
      async () => {
        const { body } = await gql<{
          workList: { ticketNumber: string; confirmedRemoteSessionAt: string | null }[];
        }>(
          world.api,
          `{ workList(first: 200) { ticketNumber confirmedRemoteSessionAt } }`,
          {},
          world.bearer(Role.AGENT),
        );
        expect(body.errors).toBeUndefined();
        return body.data!.workList.find((e) => e.ticketNumber === number);
      },
      (e) => Boolean(e?.confirmedRemoteSessionAt),
    );
    expect(entry?.confirmedRemoteSessionAt).toBe(at);
    expect((await accept({ number, proposal: 1 })).code).toBe('INVALID_TRANSITION');
    // Staff see the confirmation on the ticket.
    expect((await read(number)).remoteSession!.accepted).not.toBeNull();

    const rows = await sent(number, 'PROVIDER_CLIENT_ACTIVITY', 1);
    const accepted = rows.filter((r) =>
      /confirmó la sesión remota|confirmed the remote session/.test(r.text),
    );
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(accepted.map((r) => r.recipient_address)).not.toContain(REGISTRANT);
    expect(new Set(accepted.map((r) => r.recipient_address)).size).toBe(accepted.length);
    expect(accepted[0].text).toMatch(/Sesión remota|Remote session/);
    const caught = await caughtMails();
    const mails = [
      ...caught.filter(subjectHas(number, 'El cliente confirmó la sesión remota')),
      ...caught.filter(subjectHas(number, 'Client confirmed the remote session')),
    ];
    expect(mails).toHaveLength(accepted.length);
    // QA S60b #6: the agent who proposed it (nobody is assigned in triage) now gets the same
    // calendar entry; the other agents told of it get none.
    expect(mails.map((m) => m.to[0])).toContain(proposer);
    const calendars = await calendarsByRecipient(mails);
    for (const [to, files] of Object.entries(calendars)) {
      if (to !== proposer) expect({ to, files }).toEqual({ to, files: [] });
    }
    // QA S63 #12: nobody is assigned, so every agent is told; the proposer reads it as theirs, the
    // others who proposed it (each in their language).
    for (const m of mails) {
      if (m.to[0] === proposer) {
        expect(m.text).toMatch(/Usted propuso esta sesión\.|You proposed this session\./);
        expect(m.text).not.toMatch(
          /este aviso llega a todos los agentes|this notice goes to every agent/,
        );
      } else {
        expect(m.text).not.toMatch(/Usted propuso esta sesión|You proposed this session/);
        expect(m.text).toMatch(/ propuso esta sesión\.| proposed this session\./);
      }
    }
    expect(calendars[proposer]).toHaveLength(1);
    expect(calendars[proposer][0].props).toMatchObject({
      METHOD: 'REQUEST',
      UID: invitation.UID,
      DTSTART: invitation.DTSTART,
      DTEND: invitation.DTEND,
      ATTENDEE: `mailto:${proposer}`,
    });
    agentInvitation = calendars[proposer][0].props;
    // QA S62 #9: the registrant's own confirmation settles the entry in their calendar (the same
    // UID, a higher SEQUENCE, STATUS:CONFIRMED), in one email, not in the staff's.
    const confirmedRows = await sent(number, 'REMOTE_SESSION_CONFIRMED', 1);
    expect(confirmedRows.map((r) => r.recipient_address)).toEqual([REGISTRANT]);
    const [confirmedMail, ...again] = (await caughtMails(REGISTRANT)).filter(
      subjectHas(number, 'Sesión remota confirmada'),
    );
    expect(again).toEqual([]);
    expect(confirmedMail.text).toContain(`Confirmó la sesión remota del ticket ${number}.`);
    expect(plain(confirmedMail.text)).toMatch(
      /Sesión remota confirmada: .+ [ap]\.m\. \(hora de la Ciudad de México\)\n/,
    );
    const [settled] = await caughtCalendars(confirmedMail);
    expect(settled.props).toMatchObject({
      METHOD: 'REQUEST',
      STATUS: 'CONFIRMED',
      UID: invitation.UID,
      DTSTART: invitation.DTSTART,
      DTEND: invitation.DTEND,
      ATTENDEE: `mailto:${REGISTRANT}`,
    });
    expect(Number(settled.props.SEQUENCE)).toBeGreaterThan(Number(invitation.SEQUENCE));
    // Staff get theirs above (PROVIDER_CLIENT_ACTIVITY), not this one too.
    expect(
      (await caughtMails()).filter(
        (m) =>
          m.to[0] !== REGISTRANT &&
          m.subject.includes(number) &&
          /Sesión remota confirmada|Remote session confirmed/.test(m.subject),
      ),
    ).toEqual([]);
  });

  it('L3-06: the client cannot attend: back to REGISTERED with a new triage clock; staff emailed; a re-proposal is a new calendar entry (QA S63 #4)', async () => {
    const suggestedAt = businessHour(3);
    const reason = 'Ese día tenemos cierre contable.';
    const { ticket, code } = await decline({ number, proposal: 1, reason, suggestedAt });
    expect(code).toBeUndefined();
    expect(ticket!.state).toBe('REGISTERED');
    expect(ticket!.remoteSession!.declined).toEqual({
      reason,
      suggestedAt,
      at: expect.any(String),
      by: expect.any(String),
    });
    expect(triage(ticket!)).toEqual(['1:MET', '2:RUNNING']);
    // The session no longer comes next: the new triage clock does (QA S60b #9).
    expect(ticket!.confirmedRemoteSessionAt).toBeNull();
    // Not in REMOTE_SESSION_PROPOSED any more.
    expect((await decline({ number, proposal: 1, reason })).code).toBe('INVALID_TRANSITION');

    const staff = await eventually(
      () => outbox(number, 'PROVIDER_CLIENT_ACTIVITY'),
      (rows) => rows.some((r) => r.text.includes(reason)) && rows.every((r) => r.status === 'SENT'),
    );
    const declined = staff.filter((r) => r.text.includes(reason));
    expect(declined.map((r) => r.recipient_address)).not.toContain(REGISTRANT);
    expect(new Set(declined.map((r) => r.recipient_address)).size).toBe(declined.length);
    // Each in their own language (the seeded agents speak Spanish or English).
    expect(declined[0].text).toMatch(/Horario que sugiere|Suggested time/);
    const caught = await caughtMails();
    const declinedMails = [
      ...caught.filter(subjectHas(number, 'El cliente no puede en el horario')),
      ...caught.filter(subjectHas(number, 'Client cannot attend the remote session')),
    ];
    expect(declinedMails).toHaveLength(declined.length);
    // S64: each says when the new triage clock is due, with what to do within it.
    const due = ticket!.clocks.find((c) => c.kind === 'triage' && c.status === 'RUNNING')!;
    for (const m of declinedMails) {
      expect(plain(m.text)).toMatch(
        /con un nuevo plazo de atención inicial de 8 horas hábiles: vence el .+\. Proponga otro horario|with a new 8-business-hour triage clock: due .+\. Propose another time/,
      );
    }
    // QA S60b #6: the agent had the entry (the client had confirmed it): their decline email
    // cancels it; the other agents, who never had it, get no calendar file.
    const agentCalendars = await calendarsByRecipient(declinedMails);
    for (const [to, files] of Object.entries(agentCalendars)) {
      if (to !== proposer) expect({ to, files }).toEqual({ to, files: [] });
    }
    expect(agentCalendars[proposer].map((c) => c.props)).toEqual([
      expect.objectContaining({
        METHOD: 'CANCEL',
        STATUS: 'CANCELLED',
        UID: agentInvitation.UID,
        ATTENDEE: `mailto:${proposer}`,
      }),
    ]);
    expect(Number(agentCalendars[proposer][0].props.SEQUENCE)).toBeGreaterThan(
      Number(agentInvitation.SEQUENCE),
    );
    // And the registrant, whose calendar got the invitation, gets one email that cancels it (es-MX).
    const cancelled = await sent(number, 'REMOTE_SESSION_CANCELLED', 1);
    expect(cancelled.map((r) => r.recipient_address)).toEqual([REGISTRANT]);
    const clientMails = (await caughtMails(REGISTRANT)).filter(
      subjectHas(number, 'Sesión remota cancelada'),
    );
    expect(clientMails).toHaveLength(1);
    expect(clientMails[0].text).toContain(reason);
    // S64: it says when the new triage clock is due, in the registrant's language and zone.
    expect(plain(clientMails[0].text)).toContain(
      `El ticket vuelve a «Registrado» con un nuevo plazo de atención inicial de 8 horas hábiles: lo atenderemos a más tardar el ${plain(new RecipientDates(Locale.ES_MX, 'America/Mexico_City').instant(due.deadline!))}.`,
    );
    const [clientCancel] = await caughtCalendars(clientMails[0]);
    expect(clientCancel.props).toMatchObject({
      METHOD: 'CANCEL',
      STATUS: 'CANCELLED',
      UID: invitation.UID,
      DTSTART: invitation.DTSTART,
      ATTENDEE: `mailto:${REGISTRANT}`,
    });
    expect(Number(clientCancel.props.SEQUENCE)).toBeGreaterThan(Number(invitation.SEQUENCE));

    // Staff re-propose the time the client suggested: proposal 2. QA S63 #4: a new calendar entry
    // (a new .ics UID): the client's calendar keeps the cancelled UID cancelled.
    const again = await propose({ number, at: suggestedAt });
    expect(again.code).toBeUndefined();
    expect(again.ticket!.remoteSession).toMatchObject({
      proposal: 2,
      at: suggestedAt,
      durationMinutes: 60,
      link: null,
      accepted: null,
      declined: null,
    });
    const rows = await sent(number, 'REMOTE_SESSION_PROPOSED', 2);
    expect(rows.map((r) => r.recipient_address)).toEqual([REGISTRANT, REGISTRANT]);
    const [first, second] = rows.map(ics);
    expect(first.UID).toBe(invitation.UID);
    expect(second.METHOD).toBe('REQUEST');
    expect(second.UID).not.toBe(invitation.UID);
    // The .ics that arrived in the client's mailbox says the same.
    const reproposed = (await caughtMails(REGISTRANT)).filter(
      subjectHas(number, 'Sesión remota propuesta'),
    );
    expect(reproposed).toHaveLength(2);
    const arrived = await Promise.all(reproposed.map(async (m) => (await caughtCalendars(m))[0]));
    expect(arrived.map((c) => c.props.UID).sort()).toEqual([first.UID, second.UID].sort());
    reproposal = second;
    // The old proposal cannot be answered any more.
    expect((await accept({ number, proposal: 1 })).code).toBe('INVALID_TRANSITION');
    expect((await accept({ number, proposal: 2 })).code).toBeUndefined();
  });

  it("QA S60b #6: the ticket cancelled with its confirmed session ahead takes it out of the registrant's and the agent's calendars, in the cancellation emails", async () => {
    // The last test left proposal 2 confirmed by the client.
    const { body } = await gql<{ cancelTicket: { ticket: { state: string } } }>(
      world.api,
      `mutation ($input: TicketActionInput!) { cancelTicket(input: $input) { ticket { state } } }`,
      { input: { number, note: 'Lo resolvimos internamente.' } },
      world.bearer(Role.CLIENT_USER, OWN_ORG),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.cancelTicket.ticket.state).toBe('CANCELLED');

    const clientRows = await sent(number, 'CANCELLED', 1);
    expect(clientRows.map((r) => r.recipient_address)).toEqual([REGISTRANT]);
    const [clientMail] = (await caughtMails(REGISTRANT)).filter(
      subjectHas(number, 'Ticket cancelado'),
    );
    expect(clientMail.text).toMatch(/La sesión remota del .+ queda cancelada/);
    const [clientCancel] = await caughtCalendars(clientMail);
    // QA S63 #4: proposal 2's own entry (its UID), not the one the decline already cancelled.
    expect(clientCancel.props).toMatchObject({
      METHOD: 'CANCEL',
      UID: reproposal.UID,
      ATTENDEE: `mailto:${REGISTRANT}`,
    });
    const proposal2 = (await outbox(number, 'REMOTE_SESSION_PROPOSED')).map(ics)[1];
    expect(clientCancel.props.DTSTART).toBe(proposal2.DTSTART);
    expect(Number(clientCancel.props.SEQUENCE)).toBeGreaterThan(Number(proposal2.SEQUENCE));

    // The agent holding proposal 2 (confirmed) gets its cancellation with the client's notice.
    const agent = await proposerEmail(number);
    const staff = await eventually(
      () => outbox(number, 'PROVIDER_CLIENT_ACTIVITY'),
      (rows) =>
        rows.some((r) => r.text.includes('Lo resolvimos internamente.')) &&
        rows.every((r) => r.status === 'SENT'),
    );
    const notices = staff.filter((r) => r.text.includes('Lo resolvimos internamente.'));
    expect(notices.filter((r) => r.attachments.length > 0).map((r) => r.recipient_address)).toEqual(
      [agent],
    );
    const caught = (await caughtMails(agent)).filter(
      (m) =>
        m.subject.includes(number) &&
        /El cliente canceló el ticket|Client cancelled the ticket/.test(m.subject),
    );
    expect(caught).toHaveLength(1);
    const [agentCancel] = await caughtCalendars(caught[0]);
    expect(agentCancel.props).toMatchObject({
      METHOD: 'CANCEL',
      UID: reproposal.UID,
      DTSTART: proposal2.DTSTART,
      ATTENDEE: `mailto:${agent}`,
    });
  });

  it("QA S62: a reassignment moves the confirmed session between the agents' calendars; the cancellation then reaches only the calendars that hold it", async () => {
    const n = await register();
    const sessionAt = businessHour(2);
    expect((await propose({ number: n, at: sessionAt, link: LINK })).code).toBeUndefined();
    expect((await accept({ number: n, proposal: 1 })).code).toBeUndefined();
    const first = await proposerEmail(n);
    // The agent who proposed it holds it (nobody assigned): their copy of the confirmation.
    const confirmations = await eventually(
      async () =>
        (await caughtMails(first)).filter(
          (m) => m.subject.includes(n) && /confirmó|confirmed/.test(m.subject),
        ),
      (mails) => mails.length === 1,
    );
    const [held] = await caughtCalendars(confirmations[0]);
    expect(held.props).toMatchObject({ METHOD: 'REQUEST', ATTENDEE: `mailto:${first}` });

    // An approver follows the ticket after the invitation went out.
    const [{ id: approverId, email: approver }] = await world.db.query<
      { id: string; email: string }[]
    >(`SELECT id, email FROM app_user WHERE email = 'aprobador@aurora.example'`);
    const added = await gql(
      world.api,
      `mutation ($input: TicketParticipantInput!) { addTicketParticipant(input: $input) { id } }`,
      { input: { number: n, userId: approverId } },
      world.bearer(Role.AGENT),
    );
    expect(added.body.errors).toBeUndefined();

    // Another agent gets the ticket before the session.
    const second = `agente-s62-${Date.now()}@becken.example`;
    const [{ organization_id: provider }] = await world.db.query<{ organization_id: string }[]>(
      'SELECT organization_id FROM app_user WHERE email = $1',
      [first],
    );
    const created = await gql<{ createUser: { id: string } }>(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: provider,
          email: second,
          displayName: 'Beatriz Agente',
          roles: ['AGENT'],
          temporaryPassword: 'temporal-password-123',
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    const moved = await gql(
      world.api,
      `mutation ($input: ReassignTicketInput!) { reassignTicket(input: $input) { seq } }`,
      { input: { number: n, agentId: created.body.data!.createUser.id } },
      world.bearer(Role.MANAGER),
    );
    expect(moved.body.errors).toBeUndefined();

    // One assignment email each: the new agent's invites, the previous holder's cancels.
    const assigned = await sent(n, 'PROVIDER_ASSIGNED', 2);
    expect(assigned.map((r) => r.recipient_address).sort()).toEqual([first, second].sort());
    const assignedMails = (await caughtMails())
      .filter(subjectHas(n, 'Ticket asignado a'))
      .concat((await caughtMails()).filter(subjectHas(n, 'Ticket assigned to')));
    expect(assignedMails.map((m) => m.to.join(',')).sort()).toEqual([first, second].sort());
    const calendars = await calendarsByRecipient(assignedMails);
    expect(calendars[second].map((c) => c.props)).toEqual([
      expect.objectContaining({
        METHOD: 'REQUEST',
        STATUS: 'CONFIRMED',
        UID: held.props.UID,
        DTSTART: held.props.DTSTART,
        ATTENDEE: `mailto:${second}`,
      }),
    ]);
    expect(calendars[first].map((c) => c.props)).toEqual([
      expect.objectContaining({
        METHOD: 'CANCEL',
        STATUS: 'CANCELLED',
        UID: held.props.UID,
        ATTENDEE: `mailto:${first}`,
      }),
    ]);
    const handed = Number(calendars[second][0].props.SEQUENCE);
    expect(handed).toBeGreaterThan(Number(held.props.SEQUENCE));
    expect(Number(calendars[first][0].props.SEQUENCE)).toBe(handed);

    // The client cancels the ticket: the registrant (who had the invitation) and the agent who
    // holds the session now get the CANCEL; the approver, added later, the email without a file;
    // the previous agent nothing more.
    const cancelled = await gql(
      world.api,
      `mutation ($input: TicketActionInput!) { cancelTicket(input: $input) { seq } }`,
      { input: { number: n, note: 'Ya quedó resuelto.' } },
      world.bearer(Role.CLIENT_USER, OWN_ORG),
    );
    expect(cancelled.body.errors).toBeUndefined();
    const clientRows = await sent(n, 'CANCELLED', 2);
    expect(clientRows.map((r) => r.recipient_address).sort()).toEqual([approver, REGISTRANT]);
    const [registrantMail] = (await caughtMails(REGISTRANT)).filter(
      subjectHas(n, 'Ticket cancelado'),
    );
    const [registrantCancel] = await caughtCalendars(registrantMail);
    expect(registrantCancel.props).toMatchObject({
      METHOD: 'CANCEL',
      UID: held.props.UID,
      ATTENDEE: `mailto:${REGISTRANT}`,
    });
    const approverMails = (await caughtMails(approver)).filter(subjectHas(n, 'Ticket cancelado'));
    expect(approverMails).toHaveLength(1);
    expect(await caughtCalendars(approverMails[0])).toEqual([]);
    expect(plain(approverMails[0].text)).toMatch(/La sesión remota del .+ queda cancelada\./);
    expect(approverMails[0].text).not.toContain('.ics');

    const staff = await eventually(
      () => outbox(n, 'PROVIDER_CLIENT_ACTIVITY'),
      (rows) =>
        rows.some((r) => r.text.includes('Ya quedó resuelto.')) &&
        rows.every((r) => r.status === 'SENT'),
    );
    const notices = staff.filter((r) => r.text.includes('Ya quedó resuelto.'));
    expect(notices.map((r) => r.recipient_address)).toEqual([second]);
    const [agentMail] = (await caughtMails(second)).filter(
      (m) => m.subject.includes(n) && /cancel/i.test(m.subject),
    );
    const [agentCancel] = await caughtCalendars(agentMail);
    expect(agentCancel.props).toMatchObject({
      METHOD: 'CANCEL',
      UID: held.props.UID,
      ATTENDEE: `mailto:${second}`,
    });
    expect(Number(agentCancel.props.SEQUENCE)).toBeGreaterThan(handed);
    // The previous agent hears nothing more of it (no second cancellation).
    expect(
      (await caughtMails(first)).filter((m) => m.subject.includes(n) && /cancel/i.test(m.subject)),
    ).toEqual([]);
  });

  /** The id and address of the demo user behind `role`'s login. */
  async function me(role: Role): Promise<{ id: string; email: string }> {
    const { body } = await gql<{ me: { id: string; email: string } }>(
      world.api,
      '{ me { id email } }',
      {},
      world.bearer(role),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.me;
  }
  const classify = (n: string, agentId: string, headers = world.bearer(Role.AGENT)) =>
    gql(
      world.api,
      `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { seq } }`,
      { input: { number: n, classification: 'PROBLEM', agentId } },
      headers,
    );
  /** A new provider agent, and their login. */
  async function newAgent(name: string): Promise<{ id: string; email: string; headers: object }> {
    const email = `agente-s63-${Date.now()}@becken.example`;
    const [{ organization_id: provider }] = await world.db.query<{ organization_id: string }[]>(
      `SELECT organization_id FROM app_user WHERE email = 'agente@becken.example'`,
    );
    const password = 'temporal-password-123';
    const created = await gql<{ createUser: { id: string } }>(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: provider,
          email,
          displayName: name,
          roles: ['AGENT'],
          temporaryPassword: password,
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    const login = await gql<{ login: { token: string } }>(
      world.api,
      `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
      { email, password },
    );
    expect(login.body.errors).toBeUndefined();
    return {
      id: created.body.data!.createUser.id,
      email,
      headers: { authorization: `Bearer ${login.body.data!.login.token}` },
    };
  }
  /** The staff's copy of the client's confirmation (a REQUEST), once it went. */
  const confirmationTo = async (n: string, address: string) => {
    const mails = await eventually(
      async () =>
        (await caughtMails(address)).filter(
          (m) => m.subject.includes(n) && /confirmó|confirmed/.test(m.subject),
        ),
      (found) => found.length === 1,
    );
    const [calendar] = await caughtCalendars(mails[0]);
    expect(calendar.props).toMatchObject({ METHOD: 'REQUEST', ATTENDEE: `mailto:${address}` });
    return calendar;
  };

  it('QA S63: an agent who classifies the ticket for themselves is handed the confirmed session (REQUEST) and its holder gets the CANCEL, one email each; one who holds it already gets none', async () => {
    const agent = await newAgent('Beatriz Agente');
    const holder = await me(Role.AGENT);
    // Another agent proposes the session and holds it once the client confirms it.
    const n = await register();
    expect((await propose({ number: n, at: businessHour(2), link: LINK })).code).toBeUndefined();
    expect((await accept({ number: n, proposal: 1 })).code).toBeUndefined();
    const held = await confirmationTo(n, holder.email);

    // The agent classifies it naming themselves: no «assigned to you» email, but the session.
    const classified = await classify(n, agent.id, agent.headers as Record<string, string>);
    expect(classified.body.errors).toBeUndefined();
    const rows = await sent(n, 'PROVIDER_ASSIGNED', 2);
    expect(rows.map((r) => r.recipient_address).sort()).toEqual([agent.email, holder.email].sort());
    const [own, ...moreOwn] = (await caughtMails(agent.email)).filter(
      subjectHas(n, 'Sesión remota a su cargo'),
    );
    expect(moreOwn).toEqual([]);
    expect(own.text).toContain(`Usted tomó el ticket ${n}.`);
    const [request, ...otherFiles] = await caughtCalendars(own);
    expect(otherFiles).toEqual([]);
    expect(request.props).toMatchObject({
      METHOD: 'REQUEST',
      STATUS: 'CONFIRMED',
      UID: held.props.UID,
      DTSTART: held.props.DTSTART,
      ATTENDEE: `mailto:${agent.email}`,
    });
    expect(Number(request.props.SEQUENCE)).toBeGreaterThan(Number(held.props.SEQUENCE));
    expect((await caughtMails(agent.email)).filter(subjectHas(n, 'Ticket asignado a'))).toEqual([]);
    // The previous holder reads English (Alex Agent's language).
    const [previous, ...morePrevious] = (await caughtMails(holder.email)).filter(
      subjectHas(n, 'Ticket assigned to Beatriz Agente'),
    );
    expect(morePrevious).toEqual([]);
    expect(previous.text).toContain(`Beatriz Agente took ticket ${n}.`);
    expect(plain(previous.text)).toMatch(
      /The remote session of .+ goes to Beatriz Agente with the ticket/,
    );
    const [cancel] = await caughtCalendars(previous);
    expect(cancel.props).toMatchObject({
      METHOD: 'CANCEL',
      UID: held.props.UID,
      ATTENDEE: `mailto:${holder.email}`,
      SEQUENCE: request.props.SEQUENCE,
    });

    // The agent proposed the session themselves (their calendar holds it): classifying it for
    // themselves emails nobody of the assignment (the client's CLASSIFIED went with it).
    const m = await register();
    expect((await propose({ number: m, at: businessHour(2), link: LINK })).code).toBeUndefined();
    expect((await accept({ number: m, proposal: 1 })).code).toBeUndefined();
    await confirmationTo(m, holder.email);
    expect((await classify(m, holder.id)).body.errors).toBeUndefined();
    await sent(m, 'CLASSIFIED', 1);
    expect(await outbox(m, 'PROVIDER_ASSIGNED')).toEqual([]);
  });

  it('QA S62, QA S63 #5: staff withdraw a confirmed session: back to REGISTERED, the triage clock met and a new one running; the client and the agent holding it get its cancellation, once each', async () => {
    const n = await register();
    expect((await propose({ number: n, at: businessHour(2), link: LINK })).code).toBeUndefined();
    expect((await accept({ number: n, proposal: 1 })).code).toBeUndefined();
    const agent = await proposerEmail(n);
    const [invite] = await sent(n, 'REMOTE_SESSION_PROPOSED', 1);
    // A client may not withdraw it; a stale proposal is refused; nothing recorded.
    const before = await eventCount(n);
    expect((await withdraw({ number: n, proposal: 1 }, Role.CLIENT_USER)).code).toBe('FORBIDDEN');
    expect((await withdraw({ number: n, proposal: 2 })).code).toBe('INVALID_TRANSITION');
    expect(await eventCount(n)).toBe(before);
    // The agent's copy of the confirmation went out before the session is withdrawn.
    await eventually(
      () => outbox(n, 'PROVIDER_CLIENT_ACTIVITY'),
      (rows) =>
        rows.some((r) => r.attachments.length > 0) && rows.every((r) => r.status === 'SENT'),
    );

    const { ticket, code } = await withdraw(
      { number: n, proposal: 1, note: 'Ya quedó corregido el timbrado.' },
      Role.MANAGER,
    );
    expect(code).toBeUndefined();
    expect(ticket!.state).toBe('REGISTERED');
    expect(ticket!.remoteSession!.withdrawn).toMatchObject({
      note: 'Ya quedó corregido el timbrado.',
    });
    expect(triage(ticket!)).toEqual(['1:MET', '2:RUNNING']);
    expect(ticket!.confirmedRemoteSessionAt).toBeNull();
    expect(ticket!.allowedActions).not.toContain('withdrawRemoteSession');
    // Nothing pending any more.
    expect((await withdraw({ number: n, proposal: 1 })).code).toBe('INVALID_TRANSITION');

    const rows = await sent(n, 'REMOTE_SESSION_WITHDRAWN', 2);
    expect(rows.map((r) => r.recipient_address).sort()).toEqual([agent, REGISTRANT].sort());
    // Each row says what its .ics does (the holders are read from that, not from the files).
    expect(
      await world.db.query(
        `SELECT DISTINCT event_type, ics_method, ics_entries FROM email_outbox
          WHERE ticket_number = $1
            AND event_type IN ('REMOTE_SESSION_PROPOSED', 'REMOTE_SESSION_CONFIRMED',
                               'REMOTE_SESSION_WITHDRAWN')
          ORDER BY event_type`,
        [n],
      ),
    ).toEqual([
      {
        event_type: 'REMOTE_SESSION_CONFIRMED',
        ics_method: 'REQUEST',
        ics_entries: ['remote-session'],
      },
      {
        event_type: 'REMOTE_SESSION_PROPOSED',
        ics_method: 'REQUEST',
        ics_entries: ['remote-session'],
      },
      {
        event_type: 'REMOTE_SESSION_WITHDRAWN',
        ics_method: 'CANCEL',
        ics_entries: ['remote-session'],
      },
    ]);
    const [clientMail, ...more] = (await caughtMails(REGISTRANT)).filter(
      subjectHas(n, 'Sesión remota cancelada'),
    );
    expect(more).toEqual([]);
    expect(clientMail.text).toContain('retiró la sesión remota');
    expect(clientMail.text).toContain('Ya quedó corregido el timbrado.');
    // S64: it says when the new triage clock is due, in the registrant's language and zone.
    const due = ticket!.clocks.find((c) => c.kind === 'triage' && c.status === 'RUNNING')!;
    expect(plain(clientMail.text)).toContain(
      `El ticket vuelve a «Registrado» con un nuevo plazo de atención inicial de 8 horas hábiles: lo atenderemos a más tardar el ${plain(new RecipientDates(Locale.ES_MX, 'America/Mexico_City').instant(due.deadline!))}.`,
    );
    const [clientCancel] = await caughtCalendars(clientMail);
    expect(clientCancel.props).toMatchObject({
      METHOD: 'CANCEL',
      UID: ics(invite).UID,
      ATTENDEE: `mailto:${REGISTRANT}`,
    });
    expect(Number(clientCancel.props.SEQUENCE)).toBeGreaterThan(Number(ics(invite).SEQUENCE));
    const agentMails = (await caughtMails(agent)).filter(
      (m) =>
        m.subject.includes(n) && /Sesión remota cancelada|Remote session cancelled/.test(m.subject),
    );
    expect(agentMails).toHaveLength(1);
    // The staff's side reads the new triage clock's deadline with what to do within it.
    expect(plain(agentMails[0].text)).toMatch(
      /con un nuevo plazo de atención inicial de 8 horas hábiles: vence el .+\. Clasifíquelo|with a new 8-business-hour triage clock: due .+\. Classify it/,
    );
    const [agentCancel] = await caughtCalendars(agentMails[0]);
    expect(agentCancel.props).toMatchObject({
      METHOD: 'CANCEL',
      UID: ics(invite).UID,
      ATTENDEE: `mailto:${agent}`,
    });
  });

  it('QA S63 #4, #12: a session withdrawn by someone else is told to its proposer; the next proposal is a new calendar entry, which its confirmation keeps', async () => {
    const n = await register();
    expect((await propose({ number: n, at: businessHour(2), link: LINK })).code).toBeUndefined();
    const agent = await proposerEmail(n);
    const [invite] = await sent(n, 'REMOTE_SESSION_PROPOSED', 1);
    // Not confirmed: only the client's calendar holds it. A manager withdraws it.
    expect((await withdraw({ number: n, proposal: 1 }, Role.MANAGER)).code).toBeUndefined();

    // QA S63 #12: the proposer is told (staff email, their language), without a calendar file:
    // their calendar never held it. The manager who withdrew it is not emailed.
    const rows = await sent(n, 'REMOTE_SESSION_WITHDRAWN', 2);
    expect(rows.map((r) => r.recipient_address).sort()).toEqual([agent, REGISTRANT].sort());
    const agentMails = (await caughtMails(agent)).filter(
      (m) =>
        m.subject.includes(n) && /Sesión remota cancelada|Remote session cancelled/.test(m.subject),
    );
    expect(agentMails).toHaveLength(1);
    expect(agentMails[0].text).toMatch(
      /Le avisamos porque usted propuso esta sesión\.|You are told because you proposed this session\./,
    );
    expect(agentMails[0].text).toMatch(/retiró la sesión remota|withdrew the remote session/);
    expect(await caughtCalendars(agentMails[0])).toEqual([]);
    const [clientWithdrawn] = (await caughtMails(REGISTRANT)).filter(
      subjectHas(n, 'Sesión remota cancelada'),
    );
    expect(clientWithdrawn.text).not.toContain('usted propuso');
    const [clientCancel] = await caughtCalendars(clientWithdrawn);
    expect(clientCancel.props).toMatchObject({ METHOD: 'CANCEL', UID: ics(invite).UID });

    // QA S63 #4: proposed again, the session is a new calendar entry: a new UID in the .ics that
    // reaches the client (a calendar keeps the cancelled one cancelled).
    const again = businessHour(3);
    expect((await propose({ number: n, at: again })).code).toBeUndefined();
    await sent(n, 'REMOTE_SESSION_PROPOSED', 2);
    const proposals = (await caughtMails(REGISTRANT)).filter(
      subjectHas(n, 'Sesión remota propuesta'),
    );
    expect(proposals).toHaveLength(2);
    const arrived = (await Promise.all(proposals.map((m) => caughtCalendars(m)))).map(
      ([c]) => c.props,
    );
    const second = arrived.find((c) => c.UID !== ics(invite).UID)!;
    expect(second).toBeDefined();
    expect(second).toMatchObject({ METHOD: 'REQUEST', ATTENDEE: `mailto:${REGISTRANT}` });
    expect(arrived.map((c) => c.UID)).toContain(ics(invite).UID);

    // Its confirmation keeps the new entry: the agent's copy has its UID, a higher SEQUENCE.
    expect((await accept({ number: n, proposal: 2 })).code).toBeUndefined();
    const confirmation = await eventually(
      async () =>
        (await caughtMails(agent)).filter(
          (m) =>
            m.subject.includes(n) &&
            /El cliente confirmó la sesión remota|Client confirmed the remote session/.test(
              m.subject,
            ),
        ),
      (found) => found.length === 1,
    );
    const [agentCopy] = await caughtCalendars(confirmation[0]);
    expect(agentCopy.props).toMatchObject({ METHOD: 'REQUEST', UID: second.UID });
    expect(Number(agentCopy.props.SEQUENCE)).toBeGreaterThan(Number(second.SEQUENCE));
  });

  it('QA S63: after classification a confirmed session ahead is withdrawn, the ticket stays in analysis; the client and the agent holding it get its cancellation, once each; then none is left (NO_REMOTE_SESSION)', async () => {
    const agent = await me(Role.AGENT);
    const n = await register();
    expect((await propose({ number: n, at: businessHour(2), link: LINK })).code).toBeUndefined();
    expect((await accept({ number: n, proposal: 1 })).code).toBeUndefined();
    const [invite] = await sent(n, 'REMOTE_SESSION_PROPOSED', 1);
    await confirmationTo(n, agent.email);
    expect((await classify(n, agent.id)).body.errors).toBeUndefined();
    const classified = await read(n);
    expect(classified.state).toBe('IN_ANALYSIS');
    expect(classified.allowedActions).toContain('withdrawRemoteSession');
    // A client still may not withdraw it; nothing recorded.
    const before = await eventCount(n);
    expect((await withdraw({ number: n, proposal: 1 }, Role.CLIENT_USER)).code).toBe('FORBIDDEN');
    expect(await eventCount(n)).toBe(before);

    const { ticket, code } = await withdraw(
      { number: n, proposal: 1, note: 'Lo resolvimos sin la sesión.' },
      Role.MANAGER,
    );
    expect(code).toBeUndefined();
    expect(ticket!.state).toBe('IN_ANALYSIS');
    expect(ticket!.remoteSession!.withdrawn).toMatchObject({
      note: 'Lo resolvimos sin la sesión.',
    });
    expect(ticket!.clocks.filter((c) => c.status === 'RUNNING').map((c) => c.kind)).toEqual([
      'progress',
    ]);
    expect(ticket!.allowedActions).not.toContain('withdrawRemoteSession');

    const rows = await sent(n, 'REMOTE_SESSION_WITHDRAWN', 2);
    expect(rows.map((r) => r.recipient_address).sort()).toEqual([agent.email, REGISTRANT].sort());
    const [clientMail, ...more] = (await caughtMails(REGISTRANT)).filter(
      subjectHas(n, 'Sesión remota cancelada'),
    );
    expect(more).toEqual([]);
    expect(clientMail.text).toContain('Lo resolvimos sin la sesión.');
    // S64: the ticket keeps its clocks: no new triage deadline is told.
    expect(clientMail.text).not.toContain('vuelve a «Registrado»');
    const [clientCancel] = await caughtCalendars(clientMail);
    expect(clientCancel.props).toMatchObject({
      METHOD: 'CANCEL',
      UID: ics(invite).UID,
      ATTENDEE: `mailto:${REGISTRANT}`,
    });
    const agentMails = (await caughtMails(agent.email)).filter(
      subjectHas(n, 'Remote session cancelled'),
    );
    expect(agentMails).toHaveLength(1);
    const [agentCancel] = await caughtCalendars(agentMails[0]);
    expect(agentCancel.props).toMatchObject({ METHOD: 'CANCEL', UID: ics(invite).UID });

    // None left to withdraw: the typed refusal, nothing recorded.
    const after = await eventCount(n);
    const again = await gql(
      world.api,
      `mutation ($input: WithdrawRemoteSessionInput!) { withdrawRemoteSession(input: $input) { seq } }`,
      { input: { number: n, proposal: 1 } },
      world.bearer(Role.AGENT),
    );
    expect(again.body.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'NO_REMOTE_SESSION',
    });
    expect(await eventCount(n)).toBe(after);
  });

  it("S64 (L3-06, L3-11): a session a manager proposed: the manager hears of the client's confirmation and decline, once each, assigned or not", async () => {
    const MANAGER = 'gerente@becken.example';
    const AGENT = 'agente@becken.example';
    const n = await register();
    const proposed = await propose({ number: n, at: businessHour(2), link: LINK }, Role.MANAGER);
    expect(proposed.code).toBeUndefined();
    expect(await proposerEmail(n)).toBe(MANAGER);
    const activity = (text: RegExp) =>
      eventually(
        async () => (await outbox(n, 'PROVIDER_CLIENT_ACTIVITY')).filter((r) => text.test(r.text)),
        (rows) => rows.length > 0 && rows.every((r) => r.status === 'SENT'),
      );

    // Nobody is assigned: every agent is told, and the manager who proposed it, once, as theirs
    // (es-MX), with its invitation: their calendar holds it.
    expect((await accept({ number: n, proposal: 1 })).code).toBeUndefined();
    const confirmed = await activity(/confirmó la sesión remota|confirmed the remote session/);
    const to = confirmed.map((r) => r.recipient_address);
    expect(to).toContain(MANAGER);
    expect(to).toContain(AGENT);
    expect(new Set(to).size).toBe(to.length);
    const [mgrConfirmed, ...twice] = (await caughtMails(MANAGER)).filter(
      subjectHas(n, 'El cliente confirmó la sesión remota'),
    );
    expect(twice).toEqual([]);
    expect(mgrConfirmed.text).toContain('Usted propuso esta sesión.');
    const [held] = await caughtCalendars(mgrConfirmed);
    expect(held.props).toMatchObject({ METHOD: 'REQUEST', ATTENDEE: `mailto:${MANAGER}` });

    // The ticket goes to Alex Agent; then the client cannot attend after all. The assignee is told
    // (with the cancellation of the session handed to them), and the manager who proposed it,
    // once, saying why, without a file (the reassignment took it from their calendar).
    const moved = await gql(
      world.api,
      `mutation ($input: ReassignTicketInput!) { reassignTicket(input: $input) { seq } }`,
      { input: { number: n, agentId: (await me(Role.AGENT)).id } },
      world.bearer(Role.MANAGER),
    );
    expect(moved.body.errors).toBeUndefined();
    await sent(n, 'PROVIDER_ASSIGNED', 2);
    const reason = 'Surgió una auditoría ese día.';
    expect((await decline({ number: n, proposal: 1, reason })).code).toBeUndefined();
    const declined = await activity(new RegExp(reason));
    expect(declined.map((r) => r.recipient_address).sort()).toEqual([AGENT, MANAGER].sort());
    const [mgrDeclined, ...again] = (await caughtMails(MANAGER)).filter(
      subjectHas(n, 'El cliente no puede en el horario'),
    );
    expect(again).toEqual([]);
    expect(mgrDeclined.text).toContain(reason);
    expect(mgrDeclined.text).toContain('Le avisamos porque usted propuso esta sesión.');
    expect(await caughtCalendars(mgrDeclined)).toEqual([]);
    const [agentDeclined] = (await caughtMails(AGENT)).filter(
      subjectHas(n, 'Client cannot attend the remote session'),
    );
    expect(agentDeclined.text).not.toContain('You are told because you proposed this session.');
    expect((await caughtCalendars(agentDeclined)).map((c) => c.props.METHOD)).toEqual(['CANCEL']);
  });

  it("QA S62 #9: the confirmation reaches the client's side the proposal reached, each in their language and zone, and settles their entry; not a participant added since, nor staff twice", async () => {
    const n = await register();
    const person = async (name: string, locale: 'EN' | 'ES_MX', timeZone: string) => {
      const email = `${name.toLowerCase()}-s62-9-${Date.now()}@aurora.example`;
      const created = await gql<{ createUser: { id: string } }>(
        world.api,
        `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
        {
          input: {
            organizationId: world.orgIds['comercializadora-aurora'],
            email,
            displayName: `${name} Colega`,
            roles: ['CLIENT_USER'],
            locale,
            timeZone,
            temporaryPassword: 'temporal-password-123',
          },
        },
        world.bearer(Role.ADMIN),
      );
      expect(created.body.errors).toBeUndefined();
      const added = await gql(
        world.api,
        `mutation ($input: TicketParticipantInput!) { addTicketParticipant(input: $input) { id } }`,
        { input: { number: n, userId: created.body.data!.createUser.id } },
        world.bearer(Role.AGENT),
      );
      expect(added.body.errors).toBeUndefined();
      return email;
    };
    // An English colleague in Tokyo follows the ticket before the proposal; another after it.
    const early = await person('Pat', 'EN', 'Asia/Tokyo');
    expect((await propose({ number: n, at: businessHour(2), link: LINK })).code).toBeUndefined();
    const proposals = await sent(n, 'REMOTE_SESSION_PROPOSED', 2);
    expect(proposals.map((r) => r.recipient_address).sort()).toEqual([early, REGISTRANT].sort());
    const late = await person('Lalo', 'ES_MX', 'America/Mexico_City');
    expect((await accept({ number: n, proposal: 1 })).code).toBeUndefined();
    const agent = await proposerEmail(n);

    const rows = await sent(n, 'REMOTE_SESSION_CONFIRMED', 2);
    expect(rows.map((r) => r.recipient_address).sort()).toEqual([early, REGISTRANT].sort());
    const mails = await caughtAtLeast(
      2,
      (m) =>
        m.subject.includes(n) &&
        /Sesión remota confirmada|Remote session confirmed/.test(m.subject),
    );
    expect(mails.map((m) => m.to.join(',')).sort()).toEqual([early, REGISTRANT].sort());
    const tokyo = mails.find((m) => m.to[0] === early)!;
    expect(tokyo.subject).toContain('Remote session confirmed: ');
    expect(tokyo.text).toContain(`confirmed the remote session of ticket ${n}.`);
    expect(plain(tokyo.text)).toMatch(/Remote session confirmed: .+ [AP]M \(Japan Standard Time\)/);
    const registrantMail = mails.find((m) => m.to[0] === REGISTRANT)!;
    expect(registrantMail.subject).toContain('Sesión remota confirmada: ');
    expect(registrantMail.text).toContain(`Confirmó la sesión remota del ticket ${n}.`);
    for (const mail of mails) {
      const [proposalRow] = proposals.filter((r) => r.recipient_address === mail.to[0]);
      const [entry] = await caughtCalendars(mail);
      expect(entry.props).toMatchObject({
        METHOD: 'REQUEST',
        STATUS: 'CONFIRMED',
        UID: ics(proposalRow).UID,
        DTSTART: ics(proposalRow).DTSTART,
        ATTENDEE: `mailto:${mail.to[0]}`,
      });
      expect(Number(entry.props.SEQUENCE)).toBeGreaterThan(Number(ics(proposalRow).SEQUENCE));
    }
    // The participant added after the proposal, who never had it, hears nothing of it; the agent
    // holding it gets their one confirmation (PROVIDER_CLIENT_ACTIVITY) and no second email.
    await sent(n, 'PROVIDER_CLIENT_ACTIVITY', 1);
    expect(
      (await caughtMails(late)).filter(
        (m) => m.subject.includes(n) && /Sesión remota/.test(m.subject),
      ),
    ).toEqual([]);
    const agentMails = (await caughtMails(agent)).filter((m) => m.subject.includes(n));
    expect(agentMails.filter((m) => /confirm/i.test(m.subject))).toHaveLength(1);
    expect(
      agentMails.filter((m) => /Sesión remota confirmada|Remote session confirmed/.test(m.subject)),
    ).toEqual([]);
  });
});
