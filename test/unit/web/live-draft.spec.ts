import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import type { TicketEvent } from '../../../web/src/api/tickets';
import {
  actionForm,
  changeSentence,
  changesSince,
  type ChangeWords,
  type DraftStorage,
  draftText,
  formDraftKey,
  formsToReopen,
  liveFormStatus,
  type MarkedTicket,
  readFormDraft,
  ticketBaseline,
  ticketMark,
  writeFormDraft,
} from '../../../web/src/tickets/live-draft';

// QA: a form open on the ticket page closed silently, and its typed text was lost, when the
// ticket moved on live (another person, another tab, an SLA event). These are the rules the
// ticket page's forms follow instead ("no data is lost").

const event = (seq: number, more: Partial<TicketEvent> = {}): TicketEvent => ({
  seq,
  type: 'comment',
  at: '2026-03-02T16:00:00.000Z',
  actorRole: 'CLIENT_USER',
  actorName: 'Úrsula Usuaria',
  agentName: null,
  data: '{}',
  ...more,
});
/** A person's transition and the clock event that comes with it (L3-06 classification). */
const classify = (seq: number): TicketEvent[] => [
  event(seq, { type: 'classify', actorRole: 'AGENT', actorName: 'Beto Segundo' }),
  event(seq + 1, { type: 'CLOCK_PAUSED', actorRole: null, actorName: null }),
];

const registered: MarkedTicket = {
  state: 'REGISTERED',
  slaStatus: 'ON_TIME',
  assigneeId: null,
  releaseDate: null,
  allowedActions: ['requestInfo', 'classify', 'cancel'],
  timeline: [event(1)],
};

/** A map-backed sessionStorage. */
function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

describe('ticketMark: what a person writing on the ticket should hear changed', () => {
  it('is the same for two reads of an unchanged ticket (actions in any order)', () => {
    const again = { ...registered, allowedActions: ['cancel', 'classify', 'requestInfo'] };
    expect(ticketMark(again)).toBe(ticketMark(registered));
  });

  it.each<[string, Partial<MarkedTicket>]>([
    ['a comment or transition (newest timeline event)', { timeline: [event(1), event(2)] }],
    ['the state (L3-06 classification)', { state: 'IN_DIAGNOSIS' }],
    ['the SLA status (an SLA event)', { slaStatus: 'AT_RISK' }],
    ['the assignee (L3-07)', { assigneeId: 'agent-2' }],
    ['the release date (L3-19)', { releaseDate: '2026-03-10T00:00:00.000Z' }],
    ['the actions offered', { allowedActions: ['classify'] }],
  ])('changes with %s', (_what, change) => {
    expect(ticketMark({ ...registered, ...change })).not.toBe(ticketMark(registered));
  });
});

describe('liveFormStatus: an open form when the ticket changes', () => {
  const baseline = ticketBaseline(registered);
  const commented = { ...registered, timeline: [event(1), event(2)] };
  const classified = {
    ...registered,
    state: 'IN_DIAGNOSIS',
    allowedActions: ['addProgress'],
    timeline: [event(1), event(2), ...classify(3)],
  };

  it('nothing changed: the form as it is', () => {
    expect(liveFormStatus({ baseline, ticket: registered, allowed: true, sending: false })).toEqual(
      { kind: 'current' },
    );
  });

  it('changed, action still allowed: the form stays, saying what happened (the state did not change)', () => {
    expect(liveFormStatus({ baseline, ticket: commented, allowed: true, sending: false })).toEqual({
      kind: 'updated',
      state: 'REGISTERED',
      confirmedRemoteSession: false,
      stateChanged: false,
      change: { latest: event(2), more: 0 },
    });
  });

  it('action no longer allowed: the form turns into the kept-text notice, with what happened', () => {
    expect(
      liveFormStatus({ baseline, ticket: classified, allowed: false, sending: false }),
    ).toEqual({
      kind: 'withdrawn',
      state: 'IN_DIAGNOSIS',
      confirmedRemoteSession: false,
      change: { latest: classified.timeline[2], more: 1 },
    });
  });

  it('a change without a new timeline event (the SLA status) still shows, with no event to name', () => {
    expect(
      liveFormStatus({
        baseline,
        ticket: { ...registered, slaStatus: 'AT_RISK' },
        allowed: true,
        sending: false,
      }),
    ).toEqual({
      kind: 'updated',
      state: 'REGISTERED',
      confirmedRemoteSession: false,
      stateChanged: false,
      change: undefined,
    });
  });

  // QA S62: the «(ahora: …)» of a form's notice read «Sesión remota propuesta» for a session the
  // client had confirmed, where the page reads «Sesión remota confirmada» (stateText).
  it('a remote session the client confirmed while the agent wrote: the state reads as confirmed, and changed', () => {
    const proposed: MarkedTicket = {
      ...registered,
      state: 'REMOTE_SESSION_PROPOSED',
      allowedActions: ['withdrawRemoteSession', 'cancel'],
      confirmedRemoteSessionAt: null,
    };
    const confirmed = {
      ...proposed,
      timeline: [event(1), event(2, { type: 'REMOTE_SESSION_ACCEPTED' })],
      confirmedRemoteSessionAt: '2026-03-03T16:00:00.000Z',
    };
    const status = liveFormStatus({
      baseline: ticketBaseline(proposed),
      ticket: confirmed,
      allowed: true,
      sending: false,
    });
    expect(status).toMatchObject({
      kind: 'updated',
      state: 'REMOTE_SESSION_PROPOSED',
      confirmedRemoteSession: true,
      stateChanged: true,
    });
    // A draft kept before the baseline said so: the state alone decides, as it did.
    const { confirmedRemoteSession: _unknown, ...older } = ticketBaseline(proposed);
    expect(
      liveFormStatus({ baseline: older, ticket: confirmed, allowed: true, sending: false }),
    ).toMatchObject({ confirmedRemoteSession: true, stateChanged: false });
    expect(
      liveFormStatus({
        baseline: ticketBaseline(proposed),
        ticket: confirmed,
        allowed: false,
        sending: false,
      }),
    ).toMatchObject({ kind: 'withdrawn', confirmedRemoteSession: true });
  });

  it("the form's own sending is no news: no notice while it reloads and closes", () => {
    expect(liveFormStatus({ baseline, ticket: classified, allowed: false, sending: true })).toEqual(
      { kind: 'current' },
    );
  });

  it('a form not open (no baseline, e.g. an empty comment box) has nothing to keep', () => {
    expect(
      liveFormStatus({
        baseline: undefined,
        ticket: { ...classified, state: 'CLOSED' },
        allowed: false,
        sending: false,
      }),
    ).toEqual({ kind: 'current' });
  });
});

describe('changesSince: what happened since the form opened, from the timeline', () => {
  it('nothing newer than the baseline: nothing to say', () => {
    expect(changesSince([event(1), event(2)], 2)).toBeUndefined();
  });

  it("the latest event by a person; the system's clock events that came with it are not counted", () => {
    const timeline = [event(1), ...classify(2)];
    expect(changesSince(timeline, 1)).toEqual({ latest: timeline[1], more: 0 });
  });

  it('several changes by people: the latest, and how many more', () => {
    const timeline = [event(1), event(2), ...classify(3), event(5)];
    expect(changesSince(timeline, 1)).toEqual({ latest: event(5), more: 2 });
  });

  it('only system events (an SLA event): the latest of them', () => {
    const atRisk = event(2, { type: 'CLOCK_AT_RISK', actorRole: null, actorName: null });
    expect(changesSince([event(1), atRisk], 1)).toEqual({ latest: atRisk, more: 0 });
  });
});

describe("changeSentence: the notice says who did what, with the timeline's words", () => {
  const words = (m: typeof esMX): ChangeWords => ({
    ...m.ticketPage.liveDraft,
    events: m.tickets.events,
    roles: m.users.roleNames,
  });
  const es = words(esMX);

  it('a client comment names the client (QA: it read «estado: Registrado»)', () => {
    expect(`${changeSentence(es, { latest: event(2), more: 0 })}.`).toBe(
      'Úrsula Usuaria comentó mientras usted escribía.',
    );
    expect(`${changeSentence(words(en), { latest: event(2), more: 0 })}.`).toBe(
      'Úrsula Usuaria commented while you were writing.',
    );
  });

  it("a transition: the timeline's event word and who, the new state, and «y N cambios más»", () => {
    const [classified] = classify(3);
    expect(changeSentence(es, { latest: classified, more: 0 }, 'En diagnóstico')).toBe(
      `Mientras usted escribía: ${esMX.tickets.events.classify} por Beto Segundo (ahora: En diagnóstico)`,
    );
    expect(changeSentence(es, { latest: classified, more: 2 })).toBe(
      `Mientras usted escribía: ${esMX.tickets.events.classify} por Beto Segundo y 2 cambios más`,
    );
    expect(changeSentence(es, { latest: classified, more: 1 })).toMatch(/ y 1 cambio más$/);
    expect(changeSentence(words(en), { latest: classified, more: 2 }, 'Diagnosis')).toBe(
      `While you were writing: ${en.tickets.events.classify} by Beto Segundo and 2 more changes (now: Diagnosis)`,
    );
  });

  it('an event name that already says by whom takes the name in brackets, not a second «por» (QA S63 #7, L3-06)', () => {
    const withdrawn = {
      ...classify(3)[0],
      type: 'withdrawRemoteSession',
      actorName: 'Gerardo Gerente',
    };
    expect(changeSentence(es, { latest: withdrawn, more: 0 })).toBe(
      'Mientras usted escribía: Sesión remota retirada por el equipo (Gerardo Gerente)',
    );
    expect(changeSentence(words(en), { latest: withdrawn, more: 0 })).toBe(
      'While you were writing: Remote session withdrawn by staff (Gerardo Gerente)',
    );
  });

  it('the system (an SLA event) names nobody; a person without a name goes by role', () => {
    const atRisk = event(2, { type: 'CLOCK_AT_RISK', actorRole: null, actorName: null });
    expect(changeSentence(es, { latest: atRisk, more: 0 })).toBe(
      `Mientras usted escribía: ${esMX.tickets.events.CLOCK_AT_RISK}`,
    );
    expect(changeSentence(es, { latest: event(2, { actorName: null }), more: 0 })).toBe(
      `${esMX.users.roleNames.CLIENT_USER} comentó mientras usted escribía`,
    );
  });
});

describe('draftText: the typed text shown read-only and copied', () => {
  it('one typed field is its text alone', () => {
    expect(
      draftText([
        { label: 'Motivo', value: '' },
        { label: 'Nota', value: '  ¿Pueden enviar la captura?  ' },
      ]),
    ).toBe('¿Pueden enviar la captura?');
  });

  it('several typed fields go under their labels, in form order; blank ones are left out', () => {
    expect(
      draftText([
        { label: 'Horas estimadas', value: '6' },
        { label: 'Alcance', value: 'Reporte por zona.\nExportable.' },
        { label: 'Nota', value: '   ' },
      ]),
    ).toBe('Horas estimadas:\n6\n\nAlcance:\nReporte por zona.\nExportable.');
  });

  it('nothing typed is the empty string', () => {
    expect(draftText([{ label: 'Nota', value: ' \n ' }])).toBe('');
  });
});

describe('form drafts in sessionStorage (survive a reload and a visit elsewhere)', () => {
  const key = formDraftKey('user-1', 'L3-2026-000123', 'comment');
  const since = ticketBaseline(registered);

  it('are per user, per ticket and per form (each action its own)', () => {
    expect(
      new Set([
        key,
        formDraftKey('user-2', 'L3-2026-000123', 'comment'),
        formDraftKey('user-1', 'L3-2026-000124', 'comment'),
        formDraftKey('user-1', 'L3-2026-000123', actionForm('addProgress')),
        formDraftKey('user-1', 'L3-2026-000123', actionForm('requestInfo')),
        formDraftKey('user-1', 'L3-2026-000123', 'adjust-date'),
      ]).size,
    ).toBe(6);
  });

  it('are read back as written: fields (an internal note stays internal), the ticket the form started on', () => {
    const storage = memoryStorage();
    const draft = { fields: { body: 'Nota para el equipo', internal: 'yes' }, since, at: 1000 };
    writeFormDraft(storage, key, draft);
    expect(readFormDraft(storage, key)).toEqual(draft);
  });

  it('are removed when sent, discarded, cancelled or emptied', () => {
    const storage = memoryStorage();
    writeFormDraft(storage, key, { fields: { body: 'Hola' }, at: 1 });
    writeFormDraft(storage, key, undefined);
    expect(storage.items.size).toBe(0);
    expect(readFormDraft(storage, key)).toBeUndefined();
  });

  it('an unreadable entry, refused storage or no storage mean no draft, never an error', () => {
    const storage = memoryStorage();
    storage.items.set(key, 'not json');
    expect(readFormDraft(storage, key)).toBeUndefined();
    storage.items.set(key, JSON.stringify({ fields: { body: 3 } }));
    expect(readFormDraft(storage, key)).toBeUndefined();
    storage.items.set(key, JSON.stringify({ fields: { body: 'x' }, since: { mark: 1 } }));
    expect(readFormDraft(storage, key)).toEqual({ fields: { body: 'x' }, since: undefined, at: 0 });
    const refusing: DraftStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(readFormDraft(refusing, key)).toBeUndefined();
    expect(() => writeFormDraft(refusing, key, { fields: { body: 'x' }, at: 1 })).not.toThrow();
    expect(readFormDraft(undefined, key)).toBeUndefined();
  });
});

describe('formsToReopen: the action forms that come back with their text', () => {
  it('the newest draft whose action is still allowed opens; the others wait to be opened', () => {
    expect(
      formsToReopen(
        [
          { name: 'addProgress', at: 3 },
          { name: 'requestInfo', at: 5 },
          { name: 'cancel', at: 4 },
        ],
        ['addProgress', 'requestInfo', 'cancel'],
      ),
    ).toEqual({ open: 'requestInfo', kept: [] });
  });

  it('drafts of actions the ticket no longer allows come back as kept text, oldest first', () => {
    expect(
      formsToReopen(
        [
          { name: 'requestInfo', at: 5 },
          { name: 'classify', at: 2 },
          { name: 'addProgress', at: 3 },
        ],
        ['addProgress'],
      ),
    ).toEqual({ open: 'addProgress', kept: ['classify', 'requestInfo'] });
    expect(formsToReopen([], ['addProgress'])).toEqual({ open: undefined, kept: [] });
  });
});

describe('the notices, Spanish first and English', () => {
  it('say the ticket was updated while writing, with the new state', () => {
    const state = esMX.tickets.states.IN_DIAGNOSIS;
    expect(esMX.ticketPage.liveDraft.updated(state)).toBe(
      `El ticket se actualizó mientras usted escribía (estado: ${state}).`,
    );
    expect(en.ticketPage.liveDraft.updated('Diagnosis')).toBe(
      'The ticket was updated while you were writing (state: Diagnosis).',
    );
  });

  it('say the action is gone, where the ticket went, and that the text was kept', () => {
    const l = esMX.ticketPage.liveDraft;
    expect(`${l.withdrawn('En diagnóstico')} ${l.kept}`).toBe(
      'Esta acción ya no está disponible: el ticket pasó a En diagnóstico. Su texto se conservó:',
    );
    expect([l.copy, l.discard]).toEqual(['Copiar', 'Descartar']);
    expect(l.restoredForm).toBe('Recuperamos lo que escribió y no envió.');
    expect([en.ticketPage.liveDraft.copy, en.ticketPage.liveDraft.discard]).toEqual([
      'Copy',
      'Discard',
    ]);
  });

  it('a comment is not an action: on a closed ticket the kept comment says comments are over', () => {
    const l = esMX.ticketPage.liveDraft;
    expect(`${l.commentsClosed(esMX.tickets.states.CLOSED)} ${l.kept}`).toBe(
      'Ya no se pueden agregar comentarios: el ticket pasó a Cerrado. Su texto se conservó:',
    );
    expect(en.ticketPage.liveDraft.commentsClosed('Closed')).toBe(
      'Comments can no longer be added: the ticket moved to Closed.',
    );
  });
});
