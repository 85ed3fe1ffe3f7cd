import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import type { TicketDetail } from '../../../web/src/api/tickets';
import { clientWait } from '../../../web/src/tickets/waiting-on-you';
import { showsFor, apiFilterOf, defaultFilters } from '../../../web/src/tickets/ticket-filters';

// «Se necesita su respuesta» (L3-06, L3-07, L3-09, L3-11): what the client's ticket page tells the
// client the provider waits on them for, and only when the client may act on it (its own
// allowedActions): staff, and a portal user on an estimate only an approver authorizes, are not
// asked. The wording, Spanish first and English, for each wait.

type Ticket = Parameters<typeof clientWait>[0];
const event = (type: string, at: string, data: Record<string, unknown> = {}) =>
  ({
    seq: 1,
    type,
    at,
    actorRole: 'AGENT',
    actorName: 'Alex',
    agentName: null,
    data: JSON.stringify(data),
  }) as TicketDetail['timeline'][number];
const SESSION = {
  proposal: 1,
  at: '2026-02-05T17:00:00.000Z',
  durationMinutes: 60,
  link: null,
  note: null,
  accepted: null,
  declined: null,
};
const base: Ticket = {
  state: 'REGISTERED',
  allowedActions: [],
  timeline: [],
  remoteSessionAt: null,
  autoCloseAt: null,
  estimates: [],
  remoteSession: null,
};
const estimate = (version: number, status: string, changeOrder = false) => ({
  version,
  hours: 6,
  scope: 'Reporte',
  status,
  submittedAt: '2026-02-02T16:00:00.000Z',
  changeOrder,
  additionalHours: changeOrder ? 2 : null,
});

describe('the client banner «Se necesita su respuesta»', () => {
  it('L3-06/L3-07: an information request or a wait shows the newest request and since when, to the answer box', () => {
    const asked = {
      ...base,
      state: 'INFO_REQUESTED',
      allowedActions: ['provideInfo', 'cancel'],
      timeline: [
        event('requestInfo', '2026-02-02T16:00:00.000Z', { note: '¿Versión?' }),
        event('requestInfo', '2026-02-03T16:00:00.000Z', { note: '¿Qué versión de Odoo?' }),
      ],
    };
    expect(clientWait(asked)).toEqual({
      kind: 'INFO',
      note: '¿Qué versión de Odoo?',
      since: '2026-02-03T16:00:00.000Z',
      focus: 'answer',
    });
    const waiting = {
      ...base,
      state: 'WAITING_ON_CLIENT',
      allowedActions: ['clientReplied'],
      timeline: [event('waitOnClient', '2026-02-04T16:00:00.000Z', { note: 'Los logs' })],
    };
    expect(clientWait(waiting)).toMatchObject({
      kind: 'WAITING',
      note: 'Los logs',
      focus: 'answer',
    });
    expect(
      clientWait({
        ...base,
        state: 'REMOTE_SESSION_PROPOSED',
        allowedActions: ['provideInfo'],
        remoteSessionAt: '2026-02-05T17:00:00.000Z',
      }),
    ).toMatchObject({
      kind: 'REMOTE_SESSION',
      at: '2026-02-05T17:00:00.000Z',
      focus: 'answer',
    });
    // L3-06: a client who may confirm or ask for another time is taken to the actions.
    expect(
      clientWait({
        ...base,
        state: 'REMOTE_SESSION_PROPOSED',
        allowedActions: ['provideInfo', 'acceptRemoteSession', 'declineRemoteSession'],
        remoteSessionAt: '2026-02-05T17:00:00.000Z',
      }),
    ).toMatchObject({ kind: 'REMOTE_SESSION', focus: 'actions' });
    // Once the client confirmed the session, nothing waits on them: the session comes next.
    expect(
      clientWait({
        ...base,
        state: 'REMOTE_SESSION_PROPOSED',
        allowedActions: ['provideInfo', 'declineRemoteSession'],
        remoteSessionAt: '2026-02-05T17:00:00.000Z',
        remoteSession: {
          ...SESSION,
          accepted: { at: '2026-02-01T12:00:00.000Z', by: 'u', reason: null, suggestedAt: null },
        },
      }),
    ).toBeNull();
  });

  it('L3-07/L3-09: a resolution, a release and an approver authorization point to the actions', () => {
    expect(
      clientWait({
        ...base,
        state: 'RESOLVED',
        allowedActions: ['confirmResolution', 'reopen'],
        autoCloseAt: '2026-02-10T00:00:00.000Z',
      }),
    ).toEqual({ kind: 'RESOLVED', autoCloseAt: '2026-02-10T00:00:00.000Z', focus: 'actions' });
    expect(
      clientWait({
        ...base,
        state: 'RELEASED_FOR_TESTING',
        allowedActions: ['acceptDelivery', 'reportFailures'],
      }),
    ).toMatchObject({ kind: 'TESTING', focus: 'actions' });
    expect(
      clientWait({
        ...base,
        state: 'ESTIMATE_SUBMITTED',
        allowedActions: ['authorizeEstimate', 'rejectEstimate'],
        estimates: [estimate(1, 'SUBMITTED')],
      }),
    ).toEqual({
      kind: 'AUTHORIZE',
      version: 1,
      hours: 6,
      changeOrder: false,
      additionalHours: 0,
      focus: 'actions',
    });
    expect(
      clientWait({
        ...base,
        state: 'IN_DEVELOPMENT',
        allowedActions: ['authorizeChangeOrder'],
        estimates: [estimate(1, 'AUTHORIZED'), estimate(2, 'SUBMITTED', true)],
      }),
    ).toMatchObject({ kind: 'AUTHORIZE', version: 2, changeOrder: true, additionalHours: 2 });
  });

  it('asks nobody who may not act: staff, a portal user on an estimate, a ticket that moved on', () => {
    // Staff see the same states without the client's actions.
    expect(
      clientWait({ ...base, state: 'WAITING_ON_CLIENT', allowedActions: ['declareOutOfScope'] }),
    ).toBeNull();
    expect(clientWait({ ...base, state: 'RESOLVED', allowedActions: [] })).toBeNull();
    // A portal user: the actions panel already says an approver must authorize (no second notice).
    expect(
      clientWait({
        ...base,
        state: 'ESTIMATE_SUBMITTED',
        allowedActions: ['requestReestimate', 'cancel'],
        estimates: [estimate(1, 'SUBMITTED')],
      }),
    ).toBeNull();
    expect(clientWait({ ...base, state: 'IN_ANALYSIS', allowedActions: ['cancel'] })).toBeNull();
  });

  it('words every wait in Spanish first and in English', () => {
    const es = esMX.clientAnswer.banner;
    const e = en.clientAnswer.banner;
    expect(es.title).toBe('Se necesita su respuesta');
    expect(e.title).toBe('Your reply is needed');
    // The button to the reply form: the client's action is «Reply» in English, as its form says.
    expect(e.answer).toBe('Reply');
    expect(es.waiting('3 feb 2026, 10:00')).toBe(
      'Desde el 3 feb 2026, 10:00 esperamos su respuesta para seguir trabajando en este ticket.',
    );
    expect(es.waitingNext).toContain('sigue con el tiempo que le quedaba');
    expect(es.infoNext).toContain('uno nuevo de 8 horas hábiles');
    expect(es.autoClose('10 feb 2026, 18:00')).toBe(
      'Si no responde, se cerrará automáticamente el 10 feb 2026, 18:00.',
    );
    expect(es.authorizeChangeOrder(2, 2)).toBe(
      'La orden de cambio v2 (+2 h) espera su autorización por escrito.',
    );
    expect(e.authorize(1, 6)).toBe('Estimate v1 (6 h) awaits your written authorization.');
    // Every key has its English words.
    expect(Object.keys(e).sort()).toEqual(Object.keys(es).sort());
  });

  it("«Mostrar: Esperan mi respuesta» is the client list's, and asks the API for awaitingClient", () => {
    expect(showsFor(false)).toContain('ANSWER');
    expect(showsFor(true)).not.toContain('ANSWER');
    const filters = { ...defaultFilters(false), show: 'ANSWER' as const };
    expect(apiFilterOf(filters, false, 'u1')).toEqual({ awaitingClient: true });
    expect(esMX.ticketBrowser.shows.ANSWER).toBe('Esperan mi respuesta');
    expect(en.ticketBrowser.shows.ANSWER).toBe('Waiting on my reply');
  });
});
