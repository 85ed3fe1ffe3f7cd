import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import {
  commentDraftKey,
  type DraftStorage,
  draftText,
  liveFormStatus,
  type MarkedTicket,
  readCommentDraft,
  ticketMark,
  writeCommentDraft,
} from '../../../web/src/tickets/live-draft';

// QA: a form open on the ticket page closed silently, and its typed text was lost, when the
// ticket moved on live (another person, another tab, an SLA event). These are the rules the
// ticket page's forms follow instead ("no data is lost").

const event = (seq: number) => ({
  seq,
  type: 'COMMENT_ADDED',
  at: '2026-03-02T16:00:00.000Z',
  actorRole: 'CLIENT_USER',
  actorName: 'Usuario Aurora',
  agentName: null,
  data: '{}',
});

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
  const baseline = ticketMark(registered);
  const commented = ticketMark({ ...registered, timeline: [event(1), event(2)] });

  it('nothing changed: the form as it is', () => {
    expect(
      liveFormStatus({
        baseline,
        current: baseline,
        state: 'REGISTERED',
        allowed: true,
        sending: false,
      }),
    ).toEqual({ kind: 'current' });
  });

  it('changed, action still allowed: the form stays, with the new state to tell', () => {
    expect(
      liveFormStatus({
        baseline,
        current: commented,
        state: 'REGISTERED',
        allowed: true,
        sending: false,
      }),
    ).toEqual({ kind: 'updated', state: 'REGISTERED' });
  });

  it('action no longer allowed: the form turns into the kept-text notice, naming the state', () => {
    expect(
      liveFormStatus({
        baseline,
        current: commented,
        state: 'IN_DIAGNOSIS',
        allowed: false,
        sending: false,
      }),
    ).toEqual({ kind: 'withdrawn', state: 'IN_DIAGNOSIS' });
  });

  it("the form's own sending is no news: no notice while it reloads and closes", () => {
    expect(
      liveFormStatus({
        baseline,
        current: commented,
        state: 'IN_DIAGNOSIS',
        allowed: false,
        sending: true,
      }),
    ).toEqual({ kind: 'current' });
  });

  it('a form not open (no baseline, e.g. an empty comment box) has nothing to keep', () => {
    expect(
      liveFormStatus({
        baseline: undefined,
        current: commented,
        state: 'CLOSED',
        allowed: false,
        sending: false,
      }),
    ).toEqual({ kind: 'current' });
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

describe('the comment draft in sessionStorage (survives a reload of the tab)', () => {
  const key = commentDraftKey('user-1', 'L3-2026-000123');

  it('is per user and per ticket', () => {
    expect(key).not.toBe(commentDraftKey('user-2', 'L3-2026-000123'));
    expect(key).not.toBe(commentDraftKey('user-1', 'L3-2026-000124'));
  });

  it('is read back as written, an internal note staying internal', () => {
    const storage = memoryStorage();
    writeCommentDraft(storage, key, { body: 'Nota para el equipo', internal: true });
    expect(readCommentDraft(storage, key)).toEqual({ body: 'Nota para el equipo', internal: true });
  });

  it('is removed when the box is emptied (sent or discarded)', () => {
    const storage = memoryStorage();
    writeCommentDraft(storage, key, { body: 'Hola', internal: false });
    writeCommentDraft(storage, key, { body: '', internal: false });
    expect(storage.items.size).toBe(0);
    expect(readCommentDraft(storage, key)).toBeUndefined();
  });

  it('an unreadable entry, refused storage or no storage mean no draft, never an error', () => {
    const storage = memoryStorage();
    storage.items.set(key, 'not json');
    expect(readCommentDraft(storage, key)).toBeUndefined();
    const refusing: DraftStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(readCommentDraft(refusing, key)).toBeUndefined();
    expect(() => writeCommentDraft(refusing, key, { body: 'x', internal: false })).not.toThrow();
    expect(readCommentDraft(undefined, key)).toBeUndefined();
  });
});

describe('the notices, Spanish first and English', () => {
  it('say the ticket was updated while writing, with the new state', () => {
    const state = esMX.tickets.states.IN_DIAGNOSIS;
    expect(esMX.ticketPage.liveDraft.updated(state)).toBe(
      `El ticket se actualizó mientras escribías (estado: ${state}).`,
    );
    expect(en.ticketPage.liveDraft.updated('Diagnosis')).toBe(
      'The ticket was updated while you were writing (state: Diagnosis).',
    );
  });

  it('say the action is gone, where the ticket went, and that the text was kept', () => {
    const l = esMX.ticketPage.liveDraft;
    expect(`${l.withdrawn('En diagnóstico')} ${l.kept}`).toBe(
      'Esta acción ya no está disponible: el ticket pasó a En diagnóstico. Tu texto se conservó:',
    );
    expect([l.copy, l.discard]).toEqual(['Copiar', 'Descartar']);
    expect([en.ticketPage.liveDraft.copy, en.ticketPage.liveDraft.discard]).toEqual([
      'Copy',
      'Discard',
    ]);
  });
});
