import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import { clockTimeWords } from '../../../web/src/tickets/clock-texts';
import { idleDueText, remoteSessionDue } from '../../../web/src/tickets/idle-due-text';

// QA S21: the lists' «Próximo plazo» read «Sin plazo en curso» for a ticket whose clock waits on
// the client (L3-06…L3-08); it says why instead, in the client's list and in staff's.

const es = { due: esMX.ticketBrowser.due, noDeadline: esMX.tickets.noDeadline };
const english = { due: en.ticketBrowser.due, noDeadline: en.tickets.noDeadline };
const time = clockTimeWords['es-MX'];

/** A problem waiting on the client (L3-07): its progress clock paused with 5 h left. */
const paused = {
  state: 'WAITING_ON_CLIENT',
  awaitingClient: true,
  clocks: [
    { status: 'MET', remainingMinutes: 0, businessDayMinutes: null },
    { status: 'PAUSED', remainingMinutes: 300, businessDayMinutes: null },
  ],
};
/** Information requested at triage (L3-06): the triage clock stopped, no clock runs. */
const asked = {
  state: 'INFO_REQUESTED',
  awaitingClient: true,
  clocks: [{ status: 'STOPPED', remainingMinutes: 200, businessDayMinutes: null }],
};
const justRegistered = { state: 'REGISTERED', awaitingClient: false, clocks: [] };

describe('why a listed ticket has no deadline (QA S21)', () => {
  it('tells the client their answer is awaited, paused clock or not', () => {
    expect(idleDueText(paused, true, es, time)).toEqual({
      text: 'Esperando su respuesta',
      detail: null,
      quiet: false,
    });
    expect(idleDueText(asked, true, es, time).text).toBe('Esperando su respuesta');
    expect(idleDueText(paused, true, english, clockTimeWords.en).text).toBe(
      'Waiting for your reply',
    );
  });

  it('tells staff the clock is paused on the client, with the business time it keeps', () => {
    expect(idleDueText(paused, false, es, time)).toEqual({
      text: 'En pausa: esperando al cliente',
      detail: 'Restante: 5 h hábiles',
      quiet: false,
    });
    expect(idleDueText(paused, false, english, clockTimeWords.en)).toEqual({
      text: 'Paused: waiting on the client',
      detail: 'Left: 5 h (business)',
      quiet: false,
    });
  });

  it('counts a paused diagnosis clock in days (L3-08)', () => {
    const diagnosis = {
      ...paused,
      clocks: [{ status: 'PAUSED', remainingMinutes: 3 * 540, businessDayMinutes: 540 }],
    };
    expect(idleDueText(diagnosis, false, es, time).detail).toBe('Restante: 3 días hábiles');
  });

  it('tells staff the next step is the client’s when no clock is paused (L3-06)', () => {
    expect(idleDueText(asked, false, es, time)).toEqual({
      text: 'Esperando al cliente',
      detail: null,
      quiet: false,
    });
  });

  it('tells a client whose approver must authorize the estimate so, and the approver it is theirs (L3-09)', () => {
    // `awaitingClient` is true for an approver only: a portal user cannot authorize.
    const estimate = {
      state: 'ESTIMATE_SUBMITTED',
      awaitingClient: false,
      clocks: [{ status: 'MET', remainingMinutes: 900, businessDayMinutes: 540 }],
    };
    expect(idleDueText(estimate, true, es, time)).toEqual({
      text: 'Esperando autorización de su aprobador',
      detail: null,
      quiet: false,
    });
    expect(idleDueText(estimate, true, english, clockTimeWords.en).text).toBe(
      'Waiting for your approver’s authorization',
    );
    const approver = { ...estimate, awaitingClient: true };
    expect(idleDueText(approver, true, es, time).text).toBe('Esperando su autorización');
    expect(idleDueText(approver, true, english, clockTimeWords.en).text).toBe(
      'Waiting for your authorization',
    );
    expect(idleDueText(approver, false, es, time).text).toBe('Esperando al cliente');
  });

  it('says the deadline is on its way for a ticket registered a moment ago', () => {
    expect(idleDueText(justRegistered, true, es, time)).toEqual({
      text: 'Calculando plazo…',
      detail: null,
      quiet: true,
    });
    expect(idleDueText(justRegistered, false, english, clockTimeWords.en).text).toBe(
      'Calculating deadline…',
    );
  });

  // QA S60b #9: a remote session the client confirmed (L3-06) is what the ticket waits for; no
  // clock runs, but «Sin plazo en curso» read as "nothing is scheduled".
  it('names the confirmed remote session and its time, for the client and for staff', () => {
    const session = {
      state: 'REMOTE_SESSION_PROPOSED',
      awaitingClient: false,
      confirmedRemoteSessionAt: '2026-12-14T18:00:00.000Z',
      clocks: [{ status: 'STOPPED', remainingMinutes: 400, businessDayMinutes: null }],
    };
    for (const clientList of [true, false]) {
      expect(idleDueText(session, clientList, es, time)).toEqual({
        text: 'Sesión remota',
        detail: null,
        quiet: false,
        at: '2026-12-14T18:00:00.000Z',
      });
    }
    expect(idleDueText(session, false, english, clockTimeWords.en).text).toBe('Remote session');
    // Not yet confirmed, the client's answer is what is awaited.
    const proposed = { ...session, awaitingClient: true, confirmedRemoteSessionAt: null };
    expect(idleDueText(proposed, true, es, time).text).toBe('Esperando su respuesta');
    expect(idleDueText(proposed, false, es, time).text).toBe('Esperando al cliente');
  });

  // QA S60b #9, L3-15: the checkpoint agenda keeps no clocks; from its snapshot's session time it
  // says what the lists say.
  it('words a confirmed remote session for the agenda as the lists do', () => {
    const at = '2026-12-14T18:00:00.000Z';
    expect(remoteSessionDue(at, es.due)).toEqual({
      text: 'Sesión remota',
      detail: null,
      quiet: false,
      at,
    });
    expect(remoteSessionDue(at, english.due).text).toBe('Remote session');
    const listed = {
      state: 'REMOTE_SESSION_PROPOSED',
      awaitingClient: false,
      confirmedRemoteSessionAt: at,
      clocks: [{ status: 'STOPPED', remainingMinutes: 400, businessDayMinutes: null }],
    };
    expect(remoteSessionDue(at, es.due)).toEqual(idleDueText(listed, false, es, time));
  });

  it('keeps «Sin plazo en curso» when nothing is due and nobody waits on the client', () => {
    const quiet = {
      state: 'REMOTE_SESSION_PROPOSED',
      awaitingClient: false,
      clocks: [{ status: 'MET', remainingMinutes: 0, businessDayMinutes: null }],
    };
    expect(idleDueText(quiet, true, es, time)).toEqual({
      text: 'Sin plazo en curso',
      detail: null,
      quiet: true,
    });
    expect(idleDueText({ ...justRegistered, clocks: quiet.clocks }, false, es, time).text).toBe(
      'Sin plazo en curso',
    );
  });
});
