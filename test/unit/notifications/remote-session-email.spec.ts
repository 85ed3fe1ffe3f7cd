import { Locale } from '../../../src/identity/locale.enum';
import { extrasOf } from '../../../src/notifications/event-extras';
import type {
  CancelledEvent,
  ProviderAssignedEvent,
  ProviderClientActivityEvent,
  RemoteSessionCancelledEvent,
  RemoteSessionConfirmedEvent,
  RemoteSessionProposedEvent,
  RemoteSessionWithdrawnEvent,
} from '../../../src/notifications/notification-event';
import { renderEmail } from '../../../src/notifications/templates/render-email';
import { RENDER_OPTIONS, SAMPLE_TICKET, sampleRecipient } from '../fixtures/sample-email';

// L3-06: the remote-session proposal email says the time range in the recipient's zone and the
// meeting link, and carries an .ics (METHOD:REQUEST) whose UID is one per ticket's session and
// whose SEQUENCE grows when the session is re-proposed.

const TICKET = { ...SAMPLE_TICKET, number: 'L3-2026-000321', subject: 'Error al timbrar facturas' };
const OPTIONS = RENDER_OPTIONS;
const ES = sampleRecipient(Locale.ES_MX, { email: 'ana@aurora.example', displayName: 'Ana' });
const EN = { ...ES, locale: Locale.EN };
const LINK = 'https://meet.example.com/abc-defg-hij';
/** Intl puts narrow and thin no-break spaces in times and ranges; compare plain spaces. */
const plain = (s: string): string => s.replace(/[\u202f\u2009\u00a0]/g, ' ');

const proposal = (
  occurredAt: string,
  fields: Partial<RemoteSessionProposedEvent> = {},
): RemoteSessionProposedEvent => ({
  eventKey: `${TICKET.number}#${occurredAt}`,
  occurredAt,
  ticket: TICKET,
  type: 'REMOTE_SESSION_PROPOSED',
  // Thursday 3 December 2026, 10:00 in Mexico City.
  at: '2026-12-03T16:00:00.000Z',
  durationMinutes: 60,
  link: LINK,
  ...fields,
});

function ics(
  event:
    | RemoteSessionProposedEvent
    | RemoteSessionCancelledEvent
    | RemoteSessionConfirmedEvent
    | RemoteSessionWithdrawnEvent
    | ProviderAssignedEvent,
  r = ES,
): Record<string, string> {
  const [file] = renderEmail(event, r, OPTIONS)!.attachments;
  const text = Buffer.from(file.content, 'base64')
    .toString('utf8')
    .replace(/\r\n[ \t]/g, '');
  return Object.fromEntries(
    text
      .split('\r\n')
      .filter(Boolean)
      .map((l) => {
        const i = l.indexOf(':');
        return [l.slice(0, i).split(';')[0], l.slice(i + 1)];
      }),
  );
}

describe('L3-06 remote session proposal email', () => {
  it('says the range in the recipient zone and the link, Spanish first', () => {
    const es = renderEmail(proposal('2026-11-30T15:00:00.000Z'), ES, OPTIONS)!;
    expect(plain(es.text)).toContain(
      'Sesión remota propuesta: jueves, 3 de diciembre de 2026, 10:00–11:00 a.m. (hora de la Ciudad de México)\n',
    );
    // The link once, as the action (QA S55: the text gave it twice).
    expect(plain(es.text)).toContain(`Unirse a la sesión: ${LINK}`);
    expect(es.text.split(LINK)).toHaveLength(2);
    expect(es.html).toContain('Unirse a la sesión');
    expect(es.html).toContain(`href="${LINK}"`);
    const en = renderEmail(proposal('2026-11-30T15:00:00.000Z'), EN, OPTIONS)!;
    expect(plain(en.text)).toContain(
      'Remote session proposed: Thursday, December 3, 2026, 10:00 – 11:00 AM (Mexico City time)\n',
    );
    expect(plain(en.text)).toContain(`Join the session: ${LINK}`);
    expect(en.text.split(LINK)).toHaveLength(2);
    expect(en.html).toContain('Join the session');
  });

  it('a proposal without a link says the range only', () => {
    const es = renderEmail(
      proposal('2026-11-30T15:00:00.000Z', { link: undefined, durationMinutes: 90 }),
      ES,
      OPTIONS,
    )!;
    expect(plain(es.text)).toContain(
      'Sesión remota propuesta: jueves, 3 de diciembre de 2026, 10:00–11:30 a.m. (hora de la Ciudad de México)',
    );
    expect(es.text).not.toContain('Unirse a la sesión');
    expect(es.html).not.toContain('Unirse a la sesión');
  });

  it('attaches a METHOD:REQUEST .ics: the duration, the link as LOCATION, one UID, SEQUENCE grows', () => {
    const first = ics(proposal('2026-11-30T15:00:00.000Z', { durationMinutes: 90 }));
    expect(first).toMatchObject({
      METHOD: 'REQUEST',
      DTSTART: '20261203T160000Z',
      DTEND: '20261203T173000Z',
      LOCATION: LINK,
    });
    expect(first.DESCRIPTION).toContain(LINK);
    const again = ics(
      proposal('2026-12-01T18:00:00.000Z', { at: '2026-12-04T17:00:00.000Z', link: undefined }),
    );
    expect(again.UID).toBe(first.UID);
    expect(Number(again.SEQUENCE)).toBeGreaterThan(Number(first.SEQUENCE));
    expect(again.DTSTART).toBe('20261204T170000Z');
    expect(again.LOCATION).toBeUndefined();
  });

  it('QA S62 #9: a proposal is tentative in the calendar until the client confirms it', () => {
    expect(ics(proposal('2026-11-30T15:00:00.000Z')).STATUS).toBe('TENTATIVE');
  });
});

// QA S62 #9 (L3-06, RFC 5546): the client's confirmation tells the client's side the proposal
// reached, each in their language and zone, and settles their calendar entry: the proposal's UID,
// a higher SEQUENCE, STATUS:CONFIRMED.
describe('QA S62 #9: the confirmed remote session in the client calendars', () => {
  const invitation = ics(proposal('2026-11-30T15:00:00.000Z'));
  const confirmed: RemoteSessionConfirmedEvent = {
    eventKey: `ticket-${TICKET.number}:8`,
    // The same second as the proposal still counts up (its timeline seq).
    occurredAt: '2026-11-30T15:00:00.000Z',
    ticket: TICKET,
    type: 'REMOTE_SESSION_CONFIRMED',
    session: {
      at: '2026-12-03T16:00:00.000Z',
      durationMinutes: 60,
      link: LINK,
      heldBy: ['u-registrant', 'u-participant'],
    },
    confirmedById: 'u-registrant',
  };
  const options = { ...OPTIONS, names: new Map([['u-registrant', 'Ana Aurora']]) };
  const registrant = { ...ES, id: 'u-registrant' };
  const colleague = {
    ...EN,
    id: 'u-participant',
    email: 'pablo@aurora.example',
    timeZone: 'Asia/Tokyo',
  };

  it('who confirmed reads it as theirs, with the time in their zone, the link and the settled entry', () => {
    const es = renderEmail(confirmed, registrant, options)!;
    expect(es.subject.startsWith(`[${TICKET.number}] Sesión remota confirmada: `)).toBe(true);
    expect(es.subject).toContain('3 dic');
    expect(es.text).toContain(`Confirmó la sesión remota del ticket ${TICKET.number}.`);
    expect(plain(es.text)).toContain(
      'Sesión remota confirmada: jueves, 3 de diciembre de 2026, 10:00–11:00 a.m. (hora de la Ciudad de México)',
    );
    expect(plain(es.text)).toContain(`Unirse a la sesión: ${LINK}`);
    expect(es.text).toContain('la marca como confirmada en su calendario');
    expect(es.attachments.map((a) => a.contentType)).toEqual([
      'text/calendar; charset=utf-8; method=REQUEST',
    ]);
    const entry = ics(confirmed, registrant);
    expect(entry).toMatchObject({
      METHOD: 'REQUEST',
      STATUS: 'CONFIRMED',
      UID: invitation.UID,
      DTSTART: invitation.DTSTART,
      DTEND: invitation.DTEND,
      LOCATION: LINK,
    });
    expect(Number(entry.SEQUENCE)).toBeGreaterThan(Number(invitation.SEQUENCE));
  });

  it('a colleague who got the proposal reads who confirmed it, in English and in their own zone', () => {
    const en = renderEmail(confirmed, colleague, options)!;
    expect(en.subject).toContain('Remote session confirmed: ');
    expect(en.text).toContain(
      `Ana Aurora confirmed the remote session of ticket ${TICKET.number}.`,
    );
    expect(plain(en.text)).toMatch(
      /Remote session confirmed: Friday, December 4, 2026, 1:00 – 2:00 AM \(Japan Standard Time\)/,
    );
    expect(en.text).toContain('marks it as confirmed in your calendar');
    expect(ics(confirmed, colleague)).toMatchObject({
      STATUS: 'CONFIRMED',
      UID: invitation.UID,
      ATTENDEE: 'mailto:pablo@aurora.example',
    });
  });
});

// QA S62 (L3-06, RFC 5546): a cancellation's METHOD:CANCEL goes only to the calendars that hold
// the session (`heldBy`, read from the outbox when the email is queued); a reassignment gives the
// new agent the invitation and whoever held it the cancellation, same UID, a higher SEQUENCE.
describe('QA S62: the remote session only in the calendars that hold it', () => {
  const session = { at: '2026-12-03T16:00:00.000Z', durationMinutes: 60, link: LINK };
  const invitation = ics(proposal('2026-11-30T15:00:00.000Z'));
  const holder = { ...ES, id: 'u-registrant' };
  const later = { ...ES, id: 'u-participant', email: 'pablo@aurora.example' };
  const declined = (heldBy?: string[]): RemoteSessionCancelledEvent => ({
    eventKey: `ticket-${TICKET.number}:9`,
    occurredAt: '2026-12-01T15:00:00.000Z',
    ticket: TICKET,
    type: 'REMOTE_SESSION_CANCELLED',
    session: { ...session, ...(heldBy ? { heldBy } : {}) },
    declinedById: 'u-registrant',
    reason: 'Cierre contable',
  });

  it('a decline cancels the entry of whoever holds it; a participant added later reads it without a file', () => {
    expect(ics(declined(['u-registrant']), holder)).toMatchObject({
      METHOD: 'CANCEL',
      UID: invitation.UID,
    });
    const own = renderEmail(declined(['u-registrant']), holder, OPTIONS)!;
    expect(own.text).toContain('el archivo adjunto (.ics) la quita de su calendario');
    const other = renderEmail(declined(['u-registrant']), later, OPTIONS)!;
    expect(other.attachments).toEqual([]);
    expect(plain(other.text)).toMatch(/La sesión remota del .+ queda cancelada\./);
    expect(other.text).not.toContain('.ics');
    const en = renderEmail(declined(['u-registrant']), { ...later, locale: Locale.EN }, OPTIONS)!;
    expect(plain(en.text)).toMatch(/The remote session of .+ is cancelled\./);
    expect(en.text).not.toContain('.ics');
    // Queued before `heldBy`: every recipient's email cancels it, as then.
    expect(ics(declined(), later).METHOD).toBe('CANCEL');
  });

  it("a cancelled ticket's email to an approver who never had the invitation carries no .ics", () => {
    const cancelled: CancelledEvent = {
      eventKey: `ticket-${TICKET.number}:10`,
      occurredAt: '2026-12-01T15:00:00.000Z',
      ticket: TICKET,
      type: 'CANCELLED',
      reason: 'Ya no aplica',
      remoteSession: { ...session, heldBy: ['u-registrant'] },
    };
    expect(renderEmail(cancelled, holder, OPTIONS)!.attachments).toHaveLength(1);
    const approver = { ...ES, id: 'u-approver', email: 'arturo@aurora.example' };
    const email = renderEmail(cancelled, approver, OPTIONS)!;
    expect(email.attachments).toEqual([]);
    expect(plain(email.text)).toMatch(/La sesión remota del .+ queda cancelada\./);
  });

  it('a reassignment: the new agent gets the invitation, the previous holder its cancellation, nobody else a file', () => {
    const moved: ProviderAssignedEvent = {
      eventKey: `ticket-${TICKET.number}:11:provider`,
      occurredAt: '2026-12-01T16:00:00.000Z',
      ticket: TICKET,
      type: 'PROVIDER_ASSIGNED',
      assigneeId: 'u-new',
      previousAssigneeId: 'u-old',
      actorId: 'u-mgr',
      sessionCalendar: { session: { ...session, heldBy: ['u-old', 'u-registrant'] } },
    };
    const staff = (id: string, locale = Locale.ES_MX) => ({
      ...ES,
      id,
      email: `${id}@becken.example`,
      locale,
      side: 'STAFF' as const,
    });
    const options = { ...OPTIONS, names: new Map([['u-new', 'Nora Nueva']]) };
    const toNew = renderEmail(moved, staff('u-new'), options)!;
    expect(toNew.text).toContain('ahora está a su cargo');
    const request = ics(moved, staff('u-new'));
    expect(request).toMatchObject({ METHOD: 'REQUEST', UID: invitation.UID });
    const toOld = renderEmail(moved, staff('u-old', Locale.EN), options)!;
    expect(plain(toOld.text)).toMatch(
      /The remote session of .+ goes to Nora Nueva with the ticket/,
    );
    const cancel = ics(moved, staff('u-old'));
    expect(cancel).toMatchObject({ METHOD: 'CANCEL', UID: invitation.UID });
    expect(Number(cancel.SEQUENCE)).toBe(Number(request.SEQUENCE));
    expect(Number(cancel.SEQUENCE)).toBeGreaterThan(Number(invitation.SEQUENCE));
    expect(renderEmail(moved, staff('u-other'), options)!.attachments).toEqual([]);
  });

  it('QA S65 #1: a hand-over tells the new agent of a proposed session not confirmed yet, in both zones, without a file', () => {
    const moved: ProviderAssignedEvent = {
      eventKey: `ticket-${TICKET.number}:11:provider`,
      occurredAt: '2026-12-01T16:00:00.000Z',
      ticket: TICKET,
      type: 'PROVIDER_ASSIGNED',
      assigneeId: 'u-new',
      previousAssigneeId: 'u-old',
      actorId: 'u-mgr',
      proposedSession: session,
    };
    const staff = (id: string, locale = Locale.ES_MX, timeZone = 'America/Mexico_City') => ({
      ...ES,
      id,
      email: `${id}@becken.example`,
      locale,
      timeZone,
      side: 'STAFF' as const,
    });
    const options = {
      ...OPTIONS,
      calendarTimeZone: 'America/Bogota',
      names: new Map([['u-new', 'Nora Nueva']]),
    };
    const es = renderEmail(moved, staff('u-new'), options)!;
    expect(plain(es.text)).toMatch(
      /Hay una sesión remota propuesta para el .+, que para el cliente es el .+, pendiente de que el cliente la confirme; si la confirma, le llegará la invitación\./,
    );
    expect(es.attachments).toEqual([]);
    const en = renderEmail(moved, staff('u-new', Locale.EN), options)!;
    expect(plain(en.text)).toMatch(
      /A remote session is proposed for .+, which is .+ for the client, pending the client's confirmation; if they confirm it, you will get the invitation\./,
    );
    // Only the agent who gets the ticket; without a proposal, no such sentence.
    expect(renderEmail(moved, staff('u-old'), options)!.text).not.toContain(
      'sesión remota propuesta',
    );
    const { proposedSession: _none, ...plainMove } = moved;
    expect(renderEmail(plainMove, staff('u-new'), options)!.text).not.toContain(
      'sesión remota propuesta',
    );
  });

  it('QA S63: an agent who takes the ticket themselves gets the session they did not hold, alone; the previous holder its cancellation', () => {
    const taken: ProviderAssignedEvent = {
      eventKey: `ticket-${TICKET.number}:12:provider`,
      occurredAt: '2026-12-01T16:00:00.000Z',
      ticket: TICKET,
      type: 'PROVIDER_ASSIGNED',
      assigneeId: 'u-new',
      previousAssigneeId: null,
      actorId: 'u-new',
      initial: 'NAMED',
      classification: 'PROBLEM',
      selfAssigned: true,
      sessionCalendar: { session: { ...session, heldBy: ['u-old', 'u-registrant'] } },
    };
    const staff = (id: string, locale = Locale.ES_MX) => ({
      ...ES,
      id,
      email: `${id}@becken.example`,
      locale,
      side: 'STAFF' as const,
    });
    const options = { ...OPTIONS, names: new Map([['u-new', 'Nora Nueva']]) };
    const own = renderEmail(taken, staff('u-new'), options)!;
    expect(own.subject).toBe(`[${TICKET.number}] Sesión remota a su cargo: ${TICKET.subject}`);
    expect(own.text).toContain(`Usted tomó el ticket ${TICKET.number}.`);
    expect(own.text).toContain('ahora está a su cargo');
    expect(ics(taken, staff('u-new'))).toMatchObject({ METHOD: 'REQUEST', UID: invitation.UID });
    const ownEn = renderEmail(taken, staff('u-new', Locale.EN), options)!;
    expect(ownEn.subject).toBe(`[${TICKET.number}] Remote session now yours: ${TICKET.subject}`);
    expect(ownEn.text).toContain(`You took ticket ${TICKET.number}.`);
    const old = renderEmail(taken, staff('u-old'), options)!;
    expect(old.text).toContain(`Nora Nueva tomó el ticket ${TICKET.number}.`);
    expect(plain(old.text)).toMatch(/La sesión remota del .+ pasa a Nora Nueva con el ticket/);
    expect(ics(taken, staff('u-old'))).toMatchObject({ METHOD: 'CANCEL', UID: invitation.UID });
    // Their calendar holds it already (they proposed it): no email, not a second invitation.
    const held = {
      ...taken,
      sessionCalendar: { session: { ...session, heldBy: ['u-new', 'u-registrant'] } },
    };
    expect(renderEmail(held, staff('u-new'), options)).toBeNull();
    // Nor without a session to hand over.
    const bare: ProviderAssignedEvent = { ...taken, sessionCalendar: undefined };
    expect(renderEmail(bare, staff('u-new'), options)).toBeNull();
  });

  it('staff withdrew it: the client reads who and the note, nothing asked of them, and its CANCEL if held; es-MX and English', () => {
    const withdrawn: RemoteSessionWithdrawnEvent = {
      eventKey: `ticket-${TICKET.number}:12`,
      occurredAt: '2026-12-01T17:00:00.000Z',
      ticket: TICKET,
      type: 'REMOTE_SESSION_WITHDRAWN',
      session: { ...session, heldBy: ['u-registrant', 'u-agent'] },
      withdrawnById: 'u-agent',
      note: 'Ya quedó corregido el timbrado.',
    };
    const options = { ...OPTIONS, names: new Map([['u-agent', 'Alex Agent']]) };
    const es = renderEmail(withdrawn, holder, options)!;
    expect(es.subject).toContain('Sesión remota cancelada');
    expect(es.text).toContain(`Alex Agent retiró la sesión remota del ticket ${TICKET.number}.`);
    expect(es.text).toContain('Ya quedó corregido el timbrado.');
    expect(es.text).toContain('No necesita hacer nada');
    expect(ics(withdrawn, holder)).toMatchObject({ METHOD: 'CANCEL', UID: invitation.UID });
    const en = renderEmail(withdrawn, { ...later, locale: Locale.EN }, options)!;
    expect(en.text).toContain(`Alex Agent withdrew the remote session of ticket ${TICKET.number}.`);
    expect(en.attachments).toEqual([]);
    // Who withdrew it, holding it, reads it as theirs and gets the CANCEL, no client sentence.
    const own = renderEmail(withdrawn, { ...ES, id: 'u-agent', side: 'STAFF' }, options)!;
    expect(own.text).toContain(`Usted retiró la sesión remota del ticket ${TICKET.number}.`);
    expect(own.text).not.toContain('No necesita hacer nada');
    expect(own.attachments).toHaveLength(1);
  });

  it('QA S63 #12: someone else withdrew it: its proposer reads why they are told, in their language, without a file', () => {
    const withdrawn: RemoteSessionWithdrawnEvent = {
      eventKey: `ticket-${TICKET.number}:13`,
      occurredAt: '2026-12-01T17:00:00.000Z',
      ticket: TICKET,
      type: 'REMOTE_SESSION_WITHDRAWN',
      session: { ...session, heldBy: ['u-registrant'] },
      withdrawnById: 'u-manager',
      proposedById: 'u-agent',
    };
    const options = { ...OPTIONS, names: new Map([['u-manager', 'Gerardo Gerente']]) };
    const staff = { ...ES, id: 'u-agent', side: 'STAFF' as const };
    const es = renderEmail(withdrawn, staff, options)!;
    expect(es.text).toContain(
      `Gerardo Gerente retiró la sesión remota del ticket ${TICKET.number}.`,
    );
    expect(es.text).toContain('Le avisamos porque usted propuso esta sesión.');
    expect(es.attachments).toEqual([]);
    const en = renderEmail(withdrawn, { ...staff, locale: Locale.EN }, options)!;
    expect(en.text).toContain('You are told because you proposed this session.');
    // The client's side reads no such line.
    expect(renderEmail(withdrawn, holder, options)!.text).not.toContain('usted propuso');
  });

  it("QA S63 #5: withdrawn in triage, the new triage deadline is told in each reader's language and zone; not after classification", () => {
    const withdrawn: RemoteSessionWithdrawnEvent = {
      eventKey: `ticket-${TICKET.number}:14`,
      occurredAt: '2026-12-01T17:00:00.000Z',
      ticket: TICKET,
      type: 'REMOTE_SESSION_WITHDRAWN',
      session: { ...session, heldBy: ['u-registrant'] },
      withdrawnById: 'u-manager',
      proposedById: 'u-agent',
      // Tuesday 1 December 2026, 6:00 p.m. in Mexico City; Wednesday 9:00 a.m. in Tokyo.
      triageDeadline: '2026-12-02T00:00:00.000Z',
    };
    const options = {
      ...OPTIONS,
      calendarTimeZone: 'America/Mexico_City',
      names: new Map([['u-manager', 'Gerardo Gerente']]),
    };
    const client = plain(renderEmail(withdrawn, holder, options)!.text);
    expect(client).toContain(
      'El ticket vuelve a «Registrado» con un nuevo plazo de atención inicial de 8 horas hábiles: lo atenderemos a más tardar el martes, 1 de diciembre de 2026, 6:00 p.m. (hora de la Ciudad de México).',
    );
    expect(client).toContain('No necesita hacer nada');
    const tokyo = { ...later, locale: Locale.EN, timeZone: 'Asia/Tokyo' };
    const clientEn = plain(renderEmail(withdrawn, tokyo, options)!.text);
    // QA S65 #3: the cancelled session in the reader's zone and the company calendar's.
    expect(clientEn).toMatch(
      /The remote session of [^.]*\(Japan Standard Time\), which is [^.]*\(Mexico City time\) for your company, is cancelled/,
    );
    expect(client).not.toContain('que para su empresa es');
    expect(clientEn).toMatch(
      /The ticket is back in “Registered” with a new 8-business-hour response term: we will attend to it by Wednesday, December 2, 2026(,| at) 9:00 AM \(Japan Standard Time\), which is Tuesday, December 1, 2026(,| at) 6:00 PM \(Mexico City time\) for your company\./,
    );
    const staff = { ...ES, id: 'u-agent', side: 'STAFF' as const };
    const es = plain(renderEmail(withdrawn, staff, options)!.text);
    expect(es).toContain(
      'El ticket volvió a «Registrado» con un nuevo plazo de atención inicial de 8 horas hábiles: vence el martes, 1 de diciembre de 2026, 6:00 p.m. (hora de la Ciudad de México). Clasifíquelo, pida la información en el ticket o proponga otra sesión.',
    );
    const en = plain(
      renderEmail(withdrawn, { ...staff, locale: Locale.EN, timeZone: 'Asia/Tokyo' }, options)!
        .text,
    );
    expect(en).toMatch(
      /The ticket is back in “Registered” with a new 8-business-hour triage clock: due Wednesday, December 2, 2026(,| at) 9:00 AM \(Japan Standard Time\), which is Tuesday, December 1, 2026(,| at) 6:00 PM \(Mexico City time\) for the client\. Classify it/,
    );
    // Withdrawn after classification (no new triage clock): no such sentence for anyone.
    const { triageDeadline: _none, ...classified } = withdrawn;
    for (const r of [holder, tokyo, staff]) {
      expect(renderEmail(classified, r, options)!.text).not.toMatch(/Registrado|Registered/);
    }
  });
});

// QA S63 #4 (RFC 5546): a calendar keeps a cancelled UID cancelled: a proposal after a declined
// or withdrawn one is a new entry (its own UID), which its moves, confirmation and cancellation
// keep; the ticket's first entry keeps the UID every email before the change carried.
describe('QA S63 #4: a new calendar entry after a cancelled session', () => {
  const first = ics(proposal('2026-11-30T15:00:00.000Z'));
  const second = ics(proposal('2026-12-01T18:00:00.000Z', { calendarEntry: 2 }));
  const moved = ics(
    proposal('2026-12-02T18:00:00.000Z', { calendarEntry: 2, at: '2026-12-07T17:00:00.000Z' }),
  );

  it('the first entry keeps the UID of before; the next a UID of its own; its move keeps it', () => {
    expect(first.UID).toBe(
      ics(proposal('2026-11-30T15:00:00.000Z', { calendarEntry: undefined })).UID,
    );
    expect(second.UID).not.toBe(first.UID);
    expect(second.METHOD).toBe('REQUEST');
    expect(moved.UID).toBe(second.UID);
    expect(Number(moved.SEQUENCE)).toBeGreaterThan(Number(second.SEQUENCE));
  });

  it("the entry's cancellation carries its UID, under the same file name", () => {
    const withdrawn: RemoteSessionWithdrawnEvent = {
      eventKey: `ticket-${TICKET.number}:20`,
      occurredAt: '2026-12-03T17:00:00.000Z',
      ticket: TICKET,
      type: 'REMOTE_SESSION_WITHDRAWN',
      session: {
        at: '2026-12-07T17:00:00.000Z',
        durationMinutes: 60,
        calendarEntry: 2,
        heldBy: ['u-registrant'],
      },
      withdrawnById: 'u-agent',
    };
    const holder = { ...ES, id: 'u-registrant' };
    expect(ics(withdrawn, holder)).toMatchObject({ METHOD: 'CANCEL', UID: second.UID });
    expect(renderEmail(withdrawn, holder, OPTIONS)!.attachments[0].filename).toBe(
      `${TICKET.number}-remote-session.ics`,
    );
  });
});

// S64 (L3-06, L3-11): the client's confirmation or decline reaches who proposed the session
// (SESSION_PROPOSER), a manager too, or an agent while another has the ticket: they read why.
describe("S64: the proposer hears of the client's answer", () => {
  const declined: ProviderClientActivityEvent = {
    eventKey: `ticket-${TICKET.number}:15:provider`,
    occurredAt: '2026-12-01T18:00:00.000Z',
    ticket: TICKET,
    type: 'PROVIDER_CLIENT_ACTIVITY',
    activity: 'REMOTE_SESSION_DECLINED',
    actorId: 'u-registrant',
    assigneeId: 'u-agent',
    sessionProposedById: 'u-manager',
    text: 'Cierre contable',
    sessionAt: '2026-12-03T16:00:00.000Z',
    durationMinutes: 60,
  };
  const staff = (id: string, locale = Locale.ES_MX) => ({
    ...ES,
    id,
    email: `${id}@becken.example`,
    locale,
    side: 'STAFF' as const,
  });

  it('its proposer is whom SESSION_PROPOSER means, for an answer to a session only', () => {
    expect(extrasOf(declined).sessionProposerId?.(declined)).toBe('u-manager');
    const { sessionProposedById: _none, ...comment } = {
      ...declined,
      activity: 'COMMENT' as const,
    };
    expect(extrasOf(comment).sessionProposerId?.(comment)).toBeNull();
  });

  it('a proposer who does not have the ticket reads why they are told, in their language; the assignee does not', () => {
    const es = renderEmail(declined, staff('u-manager'), OPTIONS)!;
    expect(es.text).toContain('Cierre contable');
    expect(es.text).toContain('Le avisamos porque usted propuso esta sesión.');
    const en = renderEmail(declined, staff('u-manager', Locale.EN), OPTIONS)!;
    expect(en.text).toContain('You are told because you proposed this session.');
    const assignee = renderEmail(declined, staff('u-agent'), OPTIONS)!;
    expect(assignee.text).not.toContain('usted propuso');
    // The proposer who has the ticket reads it as the assignee.
    const own = { ...declined, sessionProposedById: 'u-agent' };
    expect(renderEmail(own, staff('u-agent'), OPTIONS)!.text).not.toContain('usted propuso');
  });

  it("S64 (L3-06, L3-11): the decline's emails say when the new triage clock is due, in each reader's language and zone; undated or none without it", () => {
    // Tuesday 1 December 2026, 6:00 p.m. in Mexico City; Wednesday 9:00 a.m. in Tokyo.
    const triageDeadline = '2026-12-02T00:00:00.000Z';
    const options = { ...OPTIONS, calendarTimeZone: 'America/Mexico_City' };
    const toStaff = { ...declined, triageDeadline };
    const es = plain(renderEmail(toStaff, staff('u-agent'), options)!.text);
    expect(es).toContain(
      'El ticket volvió a «Registrado» con un nuevo plazo de atención inicial de 8 horas hábiles: vence el martes, 1 de diciembre de 2026, 6:00 p.m. (hora de la Ciudad de México). Proponga otro horario, pida la información en el ticket o clasifíquelo.',
    );
    const en = plain(
      renderEmail(toStaff, { ...staff('u-agent', Locale.EN), timeZone: 'Asia/Tokyo' }, options)!
        .text,
    );
    expect(en).toMatch(
      /The ticket is back in “Registered” with a new 8-business-hour triage clock: due Wednesday, December 2, 2026(,| at) 9:00 AM \(Japan Standard Time\), which is Tuesday, December 1, 2026(,| at) 6:00 PM \(Mexico City time\) for the client\. Propose another time, ask for the information on the ticket or classify it\./,
    );
    // Queued without it (older payloads): the sentence as before, with no date.
    expect(plain(renderEmail(declined, staff('u-agent'), options)!.text)).toContain(
      'El ticket volvió a «Registrado» con un nuevo plazo de atención inicial de 8 horas hábiles: proponga otro horario, pida la información en el ticket o clasifíquelo.',
    );

    // The client's own email about the decline (REMOTE_SESSION_CANCELLED).
    const cancelled: RemoteSessionCancelledEvent = {
      eventKey: `ticket-${TICKET.number}:15`,
      occurredAt: '2026-12-01T18:00:00.000Z',
      ticket: TICKET,
      type: 'REMOTE_SESSION_CANCELLED',
      session: { at: '2026-12-03T16:00:00.000Z', durationMinutes: 60, heldBy: ['u-registrant'] },
      declinedById: 'u-registrant',
      reason: 'Cierre contable',
      triageDeadline,
    };
    const registrant = { ...ES, id: 'u-registrant' };
    const client = plain(renderEmail(cancelled, registrant, options)!.text);
    expect(client).toContain(
      'El ticket vuelve a «Registrado» con un nuevo plazo de atención inicial de 8 horas hábiles: lo atenderemos a más tardar el martes, 1 de diciembre de 2026, 6:00 p.m. (hora de la Ciudad de México).',
    );
    expect(client).toContain('El equipo de soporte le propondrá otro horario');
    const colleague = { ...EN, id: 'u-participant', timeZone: 'Asia/Tokyo' };
    expect(plain(renderEmail(cancelled, colleague, options)!.text)).toMatch(
      /The ticket is back in “Registered” with a new 8-business-hour response term: we will attend to it by Wednesday, December 2, 2026(,| at) 9:00 AM \(Japan Standard Time\), which is Tuesday, December 1, 2026(,| at) 6:00 PM \(Mexico City time\) for your company\./,
    );
    // No new triage clock told: no such sentence for the client's side.
    const { triageDeadline: _none, ...undated } = cancelled;
    for (const r of [registrant, colleague]) {
      expect(renderEmail(undated, r, options)!.text).not.toMatch(/Registrado|Registered/);
    }
  });
});
