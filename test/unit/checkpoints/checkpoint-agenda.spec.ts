import { composeAgenda, type AgendaSources } from '../../../src/checkpoints/checkpoint-agenda';
import { LedgerEntryKind } from '../../../src/contracts/contract-enums';
import { foldLedger, type LedgerFact } from '../../../src/contracts/ledger-rules';
import { Locale } from '../../../src/identity/locale.enum';
import type { CheckpointAgendaEvent } from '../../../src/notifications/notification-event';
import { renderCheckpointAgendaEmail } from '../../../src/notifications/templates/checkpoint.templates';
import { RENDER_OPTIONS, sampleRecipient } from '../fixtures/sample-email';

// L3-15: what goes into a checkpoint agenda for its period (start, end], and its email.

const START = new Date('2026-01-13T16:00:00Z');
const END = new Date('2026-01-27T16:00:00Z');
const before = new Date('2026-01-10T12:00:00Z');
const during = new Date('2026-01-20T12:00:00Z');
const after = new Date('2026-01-28T12:00:00Z');

const ticket = (
  number: string,
  state: string,
  estimates: AgendaSources['openTickets'][0]['estimates'] = [],
) => ({
  number,
  subject: `Asunto ${number}`,
  category: 'DEVELOPMENT',
  state,
  slaStatus: 'ok',
  nextDeadline: null,
  releaseDate: null,
  registeredAt: '2026-01-05T16:00:00.000Z',
  estimates,
});
let id = 0;
const entry = (
  kind: LedgerEntryKind,
  hundredths: number,
  createdAt: Date,
  ticketNumber: string | null = null,
) => ({
  fact: {
    id: String(++id),
    kind,
    hundredths,
    ticketNumber,
    estimateVersion: ticketNumber ? 1 : null,
    reversesEntryId: null,
  } satisfies LedgerFact,
  createdAt,
});

const LEDGER = [
  entry(LedgerEntryKind.PURCHASE, 4000, before),
  entry(LedgerEntryKind.RESERVATION, 800, before, 'L3-2026-000004'),
  entry(LedgerEntryKind.CONSUMPTION, -100, before, 'L3-2026-000004'),
  entry(LedgerEntryKind.CONSUMPTION, -250, during, 'L3-2026-000004'),
  entry(LedgerEntryKind.CONSUMPTION, -50, END, 'L3-2026-000004'),
  entry(LedgerEntryKind.CONSUMPTION, -300, after, 'L3-2026-000004'),
];
/** The client's hours as of `instant`: the ledger's entries created up to it, folded. */
const asOf = (instant: Date) =>
  foldLedger(LEDGER.filter((e) => e.createdAt <= instant).map((e) => e.fact));

const SOURCES: AgendaSources = {
  periodStart: START,
  periodEnd: END,
  openTickets: [
    ticket('L3-2026-000001', 'REGISTERED'),
    ticket('L3-2026-000002', 'ESTIMATE_SUBMITTED', [
      {
        version: 1,
        hours: 4,
        scope: 'v1',
        submittedAt: '2026-01-14T16:00:00Z',
        submittedBy: 'a',
        status: 'REESTIMATE_REQUESTED',
      },
      {
        version: 2,
        hours: 6,
        scope: 'v2',
        submittedAt: '2026-01-15T16:00:00Z',
        submittedBy: 'a',
        status: 'SUBMITTED',
      },
    ]),
    ticket('L3-2026-000003', 'REGISTERED'),
    ticket('L3-2026-000004', 'IN_DEVELOPMENT', [
      {
        version: 1,
        hours: 8,
        scope: 'x',
        submittedAt: '2026-01-02T16:00:00Z',
        submittedBy: 'a',
        status: 'AUTHORIZED',
      },
    ]),
  ],
  clocks: [
    {
      ticketNumber: 'L3-2026-000001',
      subject: 's1',
      kind: 'triage',
      deadline: during,
      atRiskRecordedAt: during,
      breachedAt: null,
    },
    {
      ticketNumber: 'L3-2026-000003',
      subject: 's3',
      kind: 'triage',
      deadline: during,
      atRiskRecordedAt: before,
      breachedAt: during,
    },
    // Warned and breached before the period: the previous checkpoint reviewed it.
    {
      ticketNumber: 'L3-2026-000004',
      subject: 's4',
      kind: 'scheduling',
      deadline: before,
      atRiskRecordedAt: before,
      breachedAt: before,
    },
    // After the agenda was built: the next checkpoint's.
    {
      ticketNumber: 'L3-2026-000004',
      subject: 's4',
      kind: 'progress',
      deadline: after,
      atRiskRecordedAt: after,
      breachedAt: null,
    },
  ],
  dateEvents: [
    {
      ticketNumber: 'L3-2026-000004',
      subject: 's4',
      at: during,
      data: {
        subjectDate: 'RELEASE_DATE',
        oldDate: '2026-01-30T00:00:00.000Z',
        newDate: '2026-02-03T00:00:00.000Z',
        reason: 'Prioridad del cliente',
      },
    },
    {
      ticketNumber: 'L3-2026-000004',
      subject: 's4',
      at: END,
      data: { newDate: '2026-02-05T00:00:00.000Z', reason: 'Ajuste' },
    },
  ],
  hoursAtStart: asOf(START),
  hoursAtEnd: asOf(END),
};

describe('L3-15 agenda composition', () => {
  const agenda = composeAgenda(SOURCES);

  it('lists open tickets in the order given and counts them by state', () => {
    expect(agenda.openTickets.map((t) => t.number)).toEqual([
      'L3-2026-000001',
      'L3-2026-000002',
      'L3-2026-000003',
      'L3-2026-000004',
    ]);
    expect(agenda.openTickets[0]).not.toHaveProperty('estimates');
    expect(agenda.openByState).toEqual([
      { state: 'ESTIMATE_SUBMITTED', count: 1 },
      { state: 'IN_DEVELOPMENT', count: 1 },
      { state: 'REGISTERED', count: 2 },
    ]);
  });

  it('keeps the clocks warned or breached within (start, end], with the worst status', () => {
    expect(agenda.slaAlerts).toEqual([
      {
        ticketNumber: 'L3-2026-000001',
        subject: 's1',
        clock: 'triage',
        status: 'AT_RISK',
        deadline: during.toISOString(),
        atRiskAt: during.toISOString(),
        breachedAt: null,
      },
      {
        ticketNumber: 'L3-2026-000003',
        subject: 's3',
        clock: 'triage',
        status: 'BREACHED',
        deadline: during.toISOString(),
        atRiskAt: null,
        breachedAt: during.toISOString(),
      },
    ]);
  });

  it('lists the latest estimate awaiting authorization only', () => {
    expect(agenda.estimatesAwaitingAuthorization).toEqual([
      {
        ticketNumber: 'L3-2026-000002',
        subject: 'Asunto L3-2026-000002',
        version: 2,
        hours: 6,
        scope: 'v2',
        submittedAt: '2026-01-15T16:00:00Z',
      },
    ]);
  });

  it('lists a change order awaiting authorization while the work goes on (L3-12)', () => {
    const inDevelopment = ticket('L3-2026-000009', 'IN_DEVELOPMENT', [
      {
        version: 1,
        hours: 8,
        scope: 'x',
        submittedAt: '2026-01-02T16:00:00Z',
        submittedBy: 'a',
        status: 'AUTHORIZED',
      },
      {
        version: 2,
        hours: 12,
        scope: 'Más reportes',
        submittedAt: '2026-01-16T16:00:00Z',
        submittedBy: 'a',
        status: 'SUBMITTED',
        changeOrder: true,
        additionalHours: 4,
      },
    ]);
    const withOrder = composeAgenda({ ...SOURCES, openTickets: [inDevelopment] });
    expect(withOrder.estimatesAwaitingAuthorization).toEqual([
      {
        ticketNumber: 'L3-2026-000009',
        subject: 'Asunto L3-2026-000009',
        version: 2,
        hours: 12,
        scope: 'Más reportes',
        submittedAt: '2026-01-16T16:00:00Z',
        additionalHours: 4,
      },
    ]);
  });

  // QA S60b #9 (L3-06): a ticket waiting for a remote session the client confirmed has no clock
  // running, so the agenda's «Próximo plazo» read «Sin plazo en curso»; the agenda keeps the
  // session's time, by the lists' rule, for it to say «Sesión remota: <fecha>».
  it('keeps the time of a confirmed remote session the ticket waits for, nothing else of it', () => {
    const session = {
      proposal: 1,
      at: '2026-01-28T17:00:00.000Z',
      durationMinutes: 60,
      link: 'https://meet.example.com/x',
      note: null,
      proposedAt: '2026-01-26T16:00:00.000Z',
      proposedBy: 'agent',
      accepted: null,
      declined: null,
    };
    const accepted = { ...session, accepted: { at: '2026-01-26T18:00:00.000Z', by: 'client' } };
    const composed = composeAgenda({
      ...SOURCES,
      openTickets: [
        { ...ticket('L3-2026-000011', 'REMOTE_SESSION_PROPOSED'), remoteSession: accepted },
        // Not confirmed yet: the client's answer is awaited, not the session.
        { ...ticket('L3-2026-000012', 'REMOTE_SESSION_PROPOSED'), remoteSession: session },
        // Declined, back to REGISTERED with a new triage clock; and no proposal at all.
        { ...ticket('L3-2026-000013', 'REGISTERED'), remoteSession: { ...accepted, proposal: 2 } },
        ticket('L3-2026-000014', 'REGISTERED'),
      ],
    });
    expect(composed.openTickets[0]).toMatchObject({
      number: 'L3-2026-000011',
      confirmedRemoteSessionAt: '2026-01-28T17:00:00.000Z',
    });
    for (const t of composed.openTickets.slice(1)) {
      expect(t).not.toHaveProperty('confirmedRemoteSessionAt');
    }
    // The stored agenda keeps the time only, not the proposal (its link, its note).
    for (const t of composed.openTickets) expect(t).not.toHaveProperty('remoteSession');
  });

  it('lists the DATE_ADJUSTED events of the period, the end instant included', () => {
    expect(agenda.dateChanges).toEqual([
      {
        ticketNumber: 'L3-2026-000004',
        subject: 's4',
        subjectDate: 'RELEASE_DATE',
        oldDate: '2026-01-30T00:00:00.000Z',
        newDate: '2026-02-03T00:00:00.000Z',
        reason: 'Prioridad del cliente',
        at: during.toISOString(),
      },
      {
        ticketNumber: 'L3-2026-000004',
        subject: 's4',
        subjectDate: 'RELEASE_DATE',
        oldDate: null,
        newDate: '2026-02-05T00:00:00.000Z',
        reason: 'Ajuste',
        at: END.toISOString(),
      },
    ]);
  });

  it('counts hours consumed in the period and the balance at its end (L3-12, L3-13)', () => {
    expect(agenda.hours).toEqual({
      consumedInPeriod: 3,
      purchased: 40,
      consumed: 4,
      balance: 36,
      reserved: 4,
      available: 32,
    });
  });
});

describe('L3-15 agenda email', () => {
  const event: CheckpointAgendaEvent = {
    type: 'CHECKPOINT_AGENDA',
    eventKey: 'checkpoint-c1',
    occurredAt: END.toISOString(),
    checkpoint: {
      id: 'c1',
      organizationId: 'org',
      organizationName: 'Comercializadora <Aurora>',
      scheduledFor: END.toISOString(),
      periodStart: START.toISOString(),
      periodEnd: END.toISOString(),
    },
    agenda: composeAgenda(SOURCES),
  };
  const options = RENDER_OPTIONS;
  const ana = sampleRecipient(Locale.ES_MX, { email: 'a@x', displayName: 'Ana' });
  const bob = sampleRecipient(Locale.EN, {
    email: 'b@x',
    displayName: 'Bob',
    timeZone: 'Asia/Tokyo',
  });

  it('renders in es-MX and en with the agenda link, every section, escaped names', () => {
    const es = renderCheckpointAgendaEmail(event, ana, options);
    const en = renderCheckpointAgendaEmail(event, bob, options);
    expect(es.template).toBe('CHECKPOINT_AGENDA.v1');
    expect(es.subject).toBe(
      'Agenda del punto de control quincenal: Comercializadora <Aurora> (27 ene 2026)',
    );
    expect(en.subject).toBe('Biweekly checkpoint agenda: Comercializadora <Aurora> (Jan 28, 2026)');
    for (const email of [es, en]) {
      expect(email.text).toContain('https://soporte.example/checkpoints/c1');
      expect(email.html).toContain('href="https://soporte.example/checkpoints/c1"');
      expect(email.html).not.toContain('<Aurora>');
      expect(email.text).toContain('L3-2026-000002');
      expect(email.attachments).toEqual([]);
    }
    expect(es.text).toContain('Estimaciones por autorizar (1)');
    expect(es.text).toContain('Horas consumidas en el periodo: 3 h');
    expect(es.text).toContain('Horas disponibles: 32 h');
    expect(en.text).toContain('Hours available: 32 h');
    expect(es.text).toContain('Ver la agenda: https://soporte.example/checkpoints/c1');
    expect(en.text).toContain('SLA clocks at risk or breached in the period (2)');
    expect(en.text).toContain('L3-2026-000003: initial response: breached');
    expect(en.text).not.toContain('comment on the ticket');
    // States and clocks in words, never codes (QA: «ESTIMATE_SUBMITTED: 2» reached a client).
    expect(es.text).toContain('Registrado: 2');
    expect(es.text).toContain('Asunto L3-2026-000002 — Estimación enviada');
    expect(es.text).toContain('atención inicial: vencido');
    for (const code of ['REGISTERED', 'ESTIMATE_SUBMITTED', 'IN_DEVELOPMENT']) {
      expect(es.text).not.toContain(code);
    }
  });

  it('approvers read states and clocks in their words, managers in staff’s (L3-08, L3-09, L3-15)', () => {
    const scheduling: CheckpointAgendaEvent = {
      ...event,
      agenda: composeAgenda({
        ...SOURCES,
        openTickets: [...SOURCES.openTickets, ticket('L3-2026-000005', 'SCHEDULING')],
        clocks: [
          ...SOURCES.clocks,
          {
            ticketNumber: 'L3-2026-000005',
            subject: 's5',
            kind: 'scheduling',
            deadline: during,
            atRiskRecordedAt: during,
            breachedAt: during,
          },
        ],
      }),
    };
    const manager = (locale: Locale) =>
      sampleRecipient(locale, { email: 'm@x', displayName: 'Mia', side: 'STAFF' });
    const client = {
      es: renderCheckpointAgendaEmail(scheduling, ana, options).text,
      en: renderCheckpointAgendaEmail(scheduling, bob, options).text,
    };
    const staff = {
      es: renderCheckpointAgendaEmail(scheduling, manager(Locale.ES_MX), options).text,
      en: renderCheckpointAgendaEmail(scheduling, manager(Locale.EN), options).text,
    };
    expect(client.es).toContain('Autorizado, fecha de entrega por definir: 1');
    expect(client.es).toContain('L3-2026-000005: fecha de entrega para pruebas: vencido');
    expect(client.es).toContain('L3-2026-000003: atención inicial: vencido');
    expect(client.es).not.toContain('programación');
    expect(client.en).toContain('Authorized, release date to be set: 1');
    expect(client.en).toContain('L3-2026-000005: release date for testing: breached');
    expect(client.en).not.toMatch(/scheduling|triage/i);
    expect(staff.es).toContain('En programación: 1');
    expect(staff.es).toContain('L3-2026-000005: programación: vencido');
    expect(staff.en).toContain('Scheduling: 1');
    expect(staff.en).toContain('L3-2026-000003: triage: breached');
  });

  it('an on-request agenda («Generar agenda ahora») is not called biweekly and names its time (L3-15; QA S15)', () => {
    const onRequest: CheckpointAgendaEvent = {
      ...event,
      checkpoint: { ...event.checkpoint, scheduledFor: null },
    };
    const es = renderCheckpointAgendaEmail(onRequest, ana, options);
    const en = renderCheckpointAgendaEmail(onRequest, bob, options);
    expect(es.subject).toBe(
      'Agenda del punto de control a solicitud: Comercializadora <Aurora> (27 ene 2026, 10:00 a.m.)',
    );
    expect(en.subject).toBe(
      'On-request checkpoint agenda: Comercializadora <Aurora> (Jan 28, 2026, 1:00 AM)',
    );
    expect(es.text).toContain(
      'Agenda a solicitud de la sesión de seguimiento de Comercializadora <Aurora>, fuera del calendario quincenal.',
    );
    expect(en.text).toContain(
      'On-request agenda of the checkpoint session of Comercializadora <Aurora>, outside the biweekly schedule.',
    );
    expect(es.text).toContain('Sesión: A solicitud (fuera de calendario)');
    for (const email of [es, en]) expect(email.subject).not.toMatch(/quincenal|biweekly/i);
  });

  it('says «Ninguna.» under an empty «Estimaciones por autorizar», «Ninguno.» elsewhere (QA S14-F)', () => {
    const empty: CheckpointAgendaEvent = {
      ...event,
      agenda: { ...event.agenda, estimatesAwaitingAuthorization: [], dateChanges: [] },
    };
    const es = renderCheckpointAgendaEmail(empty, ana, options);
    expect(es.text).toContain('Estimaciones por autorizar (0)\n\nNinguna.');
    expect(es.text).toContain('Cambios de fecha en el periodo (0)\n\nNinguno.');
  });

  it('lists the open tickets with their queue position, when the agenda has them (L3-10, L3-15)', () => {
    const ranked: CheckpointAgendaEvent = {
      ...event,
      agenda: {
        ...event.agenda,
        openTickets: event.agenda.openTickets.map((t, i) => ({ ...t, queuePosition: i + 1 })),
      },
    };
    const es = renderCheckpointAgendaEmail(ranked, ana, options);
    expect(es.text).toContain('1. L3-2026-000001');
    expect(es.text).toContain('2. L3-2026-000002');
    expect(es.html).toContain('2. L3-2026-000002');
    // An agenda stored before positions were: the number alone.
    const old = renderCheckpointAgendaEmail(event, ana, options);
    expect(old.text).not.toContain('1. L3-2026-000001');
  });
});
