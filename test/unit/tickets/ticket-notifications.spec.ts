import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SlaClockView, TimelineEvent } from '../../../workflows/ticket/ticket.contract';
import type { ReadModelSlice } from '../../../workflows/ticket/ticket-projection';
import { RULES } from '../../../workflows/ticket/transitions';
import { RECIPIENT_RULES } from '../../../src/notifications/recipient-rules';
import {
  notificationFor,
  notificationsFor,
  providerNotificationFor,
  SILENT_TIMELINE_EVENTS,
} from '../../../src/tickets/ticket-notifications';

// L3-11: every timeline event type the ticket workflow records is either emailed (to the client by
// `notificationFor`, to the provider by `providerNotificationFor`) or declared silent with a reason. A future event type that is neither fails
// here. The types are read from the workflow itself: every transition records its own name, and
// the runtime records the literal types passed to `record(...)`.

const WORKFLOW_DIR = join(__dirname, '../../../workflows/ticket');
/** Template-literal types the runtime builds: `CLOCK_${status}` with status MET | STOPPED. */
const TEMPLATE_TYPES: Readonly<Record<string, readonly string[]>> = {
  'CLOCK_${status}': ['CLOCK_MET', 'CLOCK_STOPPED'],
};

/** The first argument of every `record(` call in `source` (balanced parentheses). */
function recordFirstArguments(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/\brecord\(/g)) {
    let depth = 0;
    let i = m.index + m[0].length;
    const start = i;
    for (; i < source.length; i++) {
      const c = source[i];
      if (c === '(' || c === '{' || c === '[') depth++;
      else if (c === ')' || c === '}' || c === ']') {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
    }
    out.push(source.slice(start, i));
  }
  return out;
}

function recordedEventTypes(): string[] {
  const types = new Set<string>(Object.keys(RULES));
  for (const file of readdirSync(WORKFLOW_DIR).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(WORKFLOW_DIR, file), 'utf8');
    for (const arg of recordFirstArguments(source)) {
      // Literals compared against (`status === 'BREACHED' ? …`) are conditions, not types.
      for (const [, literal] of arg.matchAll(/(?<![=!]==\s*)'([A-Za-z_]+)'/g)) types.add(literal);
      for (const [template] of arg.matchAll(/`[^`]*`/g)) {
        const inner = template.slice(1, -1);
        const expanded = TEMPLATE_TYPES[inner];
        if (!expanded) throw new Error(`${file}: unknown template event type ${template}`);
        expanded.forEach((t) => types.add(t));
      }
    }
    // The opening events are written as literals (`{ seq: 1, type: 'registered', ... }`).
    if (file === 'ticket-opening.ts') {
      for (const [, literal] of source.matchAll(/\btype: '([A-Za-z_]+)'/g)) types.add(literal);
    }
  }
  return [...types].sort();
}

const TICKET = {
  number: 'L3-2026-000042',
  subject: 'Respaldo antes de migrar',
  registrantId: 'u-registrant',
  clientOrgId: 'org-1',
};
const AT = '2026-03-02T16:00:00.000Z';
const triage = {
  id: 'c1',
  kind: 'triage',
  status: 'RUNNING',
  deadline: '2026-03-03T00:00:00.000Z',
} as unknown as SlaClockView;
const SLICE = {
  state: 'IN_DEVELOPMENT',
  classification: 'REQUIREMENT',
  requirementKind: 'DEVELOPMENT',
  assigneeId: 'u-agent',
  releaseDate: '2026-03-16T23:00:00.000Z',
  closureOutcome: null,
  slaStatus: 'ok',
  nextDeadline: null,
  details: {
    estimates: [
      {
        version: 2,
        hours: 6,
        scope: 'Reporte',
        submittedAt: AT,
        submittedBy: 'u-agent',
        status: 'SUBMITTED',
      },
    ],
    authorizations: [],
    remoteSessionAt: null,
    waitingFrom: null,
    closure: null,
    reworkCount: 0,
    progressCadenceMinutes: 480,
    adminActions: [],
  },
  clocks: [triage],
} as unknown as ReadModelSlice;

/** L3-12: the same ticket with change order v3 (+2.5 h) pending after the authorized v2. */
/** QA S62: a ticket whose remote session staff withdrew (GENERIC's `at`; no `sessionAt`). */
const WITHDRAWN_SLICE = {
  ...SLICE,
  details: {
    ...SLICE.details,
    remoteSession: {
      proposal: 1,
      at: '',
      durationMinutes: 60,
      link: null,
      note: null,
      proposedAt: AT,
      proposedBy: 'u-agent',
      accepted: null,
      declined: null,
      withdrawn: { at: AT, by: 'u-staff', note: null },
    },
  },
} as unknown as ReadModelSlice;

const CHANGE_ORDER_SLICE = {
  ...SLICE,
  details: {
    ...SLICE.details,
    estimates: [
      { ...SLICE.details.estimates[0], status: 'AUTHORIZED' },
      {
        version: 3,
        hours: 8.5,
        additionalHours: 2.5,
        changeOrder: true,
        scope: 'Falta el filtro por sucursal',
        submittedAt: AT,
        submittedBy: 'u-agent',
        status: 'SUBMITTED',
      },
    ],
  },
} as unknown as ReadModelSlice;

const event = (
  type: string,
  data: Record<string, unknown>,
  role = 'AGENT',
  userId = 'u-staff',
): TimelineEvent => ({ seq: 7, type, at: AT, actor: { userId, role } as never, data });

/** Data every event type accepts: enough for a mapped type to produce its email. */
const GENERIC = {
  note: 'Nota',
  reason: 'Motivo',
  reasons: ['Motivo'],
  internal: false,
  body: 'Comentario',
  classification: 'PROBLEM',
  agentId: 'u-agent',
  estimateVersion: 2,
  statement: 'Autorizo',
  releaseDate: '2026-03-16T23:00:00.000Z',
  at: '2026-03-04T17:00:00.000Z',
  action: 'BACKUP',
  details: 'Respaldo',
  kind: 'triage',
  deadline: AT,
  previousDeadline: '2026-03-04T16:00:00.000Z',
  autoCloseAt: { from: '2026-03-04T16:00:00.000Z', to: AT },
  subjectDate: 'RELEASE_DATE',
  oldDate: AT,
  newDate: AT,
};

describe('L3-11 timeline events → emails', () => {
  const types = recordedEventTypes();

  it('finds the event types the workflow records', () => {
    expect(types).toEqual(
      expect.arrayContaining([
        'registered',
        'ASSIGNED',
        'reassign',
        'DATE_ADJUSTED',
        'CLOCK_STARTED',
        'CLOCK_MET',
        'CLOCK_AT_RISK',
        'CLOCK_BREACHED',
        'recordAdminAction',
        'startDevelopment',
        'rejectEstimate',
        'requestReestimate',
        'comment',
      ]),
    );
  });

  it.each(types)('%s is either emailed or declared silent, never both', (type) => {
    // Recorded by provider staff or by a client user, whichever the event is. ASSIGNED emails the
    // provider's agent only when the pick was automatic (the client hears of it in CLASSIFIED).
    const data = type === 'ASSIGNED' ? { agentId: 'u-agent', automatic: true } : GENERIC;
    // A change order's reminder is about a change order (L3-12): a ticket that has one.
    const slice =
      type === 'CHANGE_ORDER_REMINDER'
        ? CHANGE_ORDER_SLICE
        : type === 'withdrawRemoteSession'
          ? WITHDRAWN_SLICE
          : SLICE;
    const d = type === 'CHANGE_ORDER_REMINDER' ? { ...data, estimateVersion: 3 } : data;
    const emails = [
      ...notificationsFor(TICKET, event(type, d), slice),
      ...notificationsFor(TICKET, event(type, d, 'CLIENT_USER', 'u-client'), slice),
    ];
    const silent = Object.hasOwn(SILENT_TIMELINE_EVENTS, type);
    expect({ type, emailed: emails.length > 0, silent }).toEqual({
      type,
      emailed: !silent,
      silent,
    });
    for (const email of emails) expect(Object.keys(RECIPIENT_RULES)).toContain(email.type);
  });

  it('declares silent only event types the workflow records', () => {
    expect(types).toEqual(expect.arrayContaining(Object.keys(SILENT_TIMELINE_EVENTS)));
  });

  it("L3-06/L3-07/L3-08: a wait on the client names the clock it pauses; triage's request none", () => {
    const ask = { note: '¿Qué versión usan?' };
    expect(notificationFor(TICKET, event('requestInfo', ask), SLICE)).toMatchObject({
      type: 'INFO_REQUESTED',
      question: '¿Qué versión usan?',
    });
    expect(notificationFor(TICKET, event('requestInfo', ask), SLICE)).not.toHaveProperty(
      'pausedClock',
    );
    // A requirement in diagnosis pauses the diagnosis clock (L3-08), a problem the progress clock.
    expect(notificationFor(TICKET, event('waitOnClient', ask), SLICE)).toMatchObject({
      type: 'INFO_REQUESTED',
      question: '¿Qué versión usan?',
      pausedClock: 'diagnosis',
    });
    const problem = { ...SLICE, classification: 'PROBLEM' } as ReadModelSlice;
    expect(notificationFor(TICKET, event('waitOnClient', ask), problem)).toMatchObject({
      pausedClock: 'progress',
    });
  });

  it("L3-08 (QA S18): a requirement's classification carries its diagnosis deadline and the agent's note", () => {
    const diagnosis = {
      id: 'c2',
      kind: 'diagnosis',
      status: 'RUNNING',
      deadline: '2026-03-09T00:00:00.000Z',
    } as unknown as SlaClockView;
    const slice = { ...SLICE, state: 'IN_DIAGNOSIS', clocks: [diagnosis] } as ReadModelSlice;
    const classify = event('classify', {
      classification: 'REQUIREMENT',
      requirementKind: 'DEVELOPMENT',
      note: 'Es un reporte nuevo en Ventas.',
    });
    expect(notificationFor(TICKET, classify, slice)).toMatchObject({
      type: 'CLASSIFIED',
      diagnosisDeadline: '2026-03-09T00:00:00.000Z',
      note: 'Es un reporte nuevo en Ventas.',
    });
    // Without a running diagnosis clock in the batch (a problem), no date.
    expect(
      notificationFor(TICKET, event('classify', { classification: 'PROBLEM' }), SLICE),
    ).not.toHaveProperty('diagnosisDeadline');
  });

  it("L3-07: a problem's classification and each progress update say when the next update is due", () => {
    const progress = {
      id: 'p2',
      kind: 'progress',
      status: 'RUNNING',
      deadline: '2026-03-04T16:00:00.000Z',
    } as unknown as SlaClockView;
    const running = { ...SLICE, classification: 'PROBLEM', clocks: [progress] } as ReadModelSlice;
    expect(
      notificationFor(TICKET, event('classify', { classification: 'PROBLEM' }), running),
    ).toMatchObject({ type: 'CLASSIFIED', progressDeadline: '2026-03-04T16:00:00.000Z' });
    expect(
      notificationFor(TICKET, event('addProgress', { note: 'Reproducido.' }), running),
    ).toEqual(
      expect.objectContaining({
        type: 'PROGRESS_UPDATE',
        text: 'Reproducido.',
        nextUpdateBy: '2026-03-04T16:00:00.000Z',
      }),
    );
    // No running progress clock (paused, or none in the batch): no date is promised.
    const paused = {
      ...running,
      clocks: [{ ...progress, status: 'PAUSED' } as unknown as SlaClockView],
    } as ReadModelSlice;
    expect(
      notificationFor(TICKET, event('addProgress', { note: 'Reproducido.' }), paused),
    ).not.toHaveProperty('nextUpdateBy');
    // So does a reply to the client that counted as an update, not one that did not.
    const reply = (countsAsProgress: boolean) =>
      event('comment', { body: 'Ya lo vimos.', internal: false, countsAsProgress });
    expect(notificationFor(TICKET, reply(true), running)).toMatchObject({
      type: 'COMMENT_ADDED',
      nextUpdateBy: '2026-03-04T16:00:00.000Z',
    });
    expect(notificationFor(TICKET, reply(false), running)).not.toHaveProperty('nextUpdateBy');
    // A requirement's classification promises no progress update.
    expect(
      notificationFor(TICKET, event('classify', { classification: 'REQUIREMENT' }), running),
    ).not.toHaveProperty('progressDeadline');
  });

  it("L3-06..L3-09: an at-risk or breached clock names the ticket's assignee, so that agent is told", () => {
    for (const [type, email] of [
      ['CLOCK_AT_RISK', 'SLA_AT_RISK'],
      ['CLOCK_BREACHED', 'SLA_BREACHED'],
    ] as const) {
      const clock = event(type, { kind: 'progress', deadline: AT }, 'SYSTEM');
      expect(notificationsFor(TICKET, { ...clock, actor: null }, SLICE)).toEqual([
        expect.objectContaining({
          type: email,
          clock: 'progress',
          deadline: AT,
          assigneeId: 'u-agent',
        }),
      ]);
      const unassigned = { ...SLICE, assigneeId: null } as ReadModelSlice;
      expect(notificationFor(TICKET, { ...clock, actor: null }, unassigned)).toMatchObject({
        assigneeId: null,
      });
    }
  });

  it('L3-17: an executed odoo.sh action emails the registrant what was done and when', () => {
    const email = notificationFor(
      TICKET,
      event('recordAdminAction', {
        action: 'RESTORE',
        details: '  Restauración del respaldo del lunes ',
        executedAt: '2026-03-02T15:00:00.000Z',
      }),
      SLICE,
    );
    expect(email).toMatchObject({
      type: 'ADMIN_ACTION_EXECUTED',
      action: 'RESTORE',
      details: 'Restauración del respaldo del lunes',
      executedAt: '2026-03-02T15:00:00.000Z',
      eventKey: 'ticket-L3-2026-000042:7',
    });
    expect(RECIPIENT_RULES.ADMIN_ACTION_EXECUTED).toEqual(['REGISTRANT']);
    // Without an explicit instant the action was executed when recorded.
    expect(
      notificationFor(TICKET, event('recordAdminAction', { action: 'X', details: 'd' }), SLICE),
    ).toMatchObject({ action: 'OTHER', executedAt: AT });
  });

  it("L3-09: a published release date carries the agent's note, when there is one (QA S51)", () => {
    const releaseDate = '2026-03-16T23:00:00.000Z';
    expect(
      notificationFor(TICKET, event('setReleaseDate', { releaseDate, note: 'En staging.' }), SLICE),
    ).toMatchObject({ type: 'RELEASE_DATE_SET', releaseDate, note: 'En staging.' });
    expect(
      notificationFor(TICKET, event('setReleaseDate', { releaseDate }), SLICE),
    ).not.toHaveProperty('note', expect.anything());
  });

  it('L3-09: development start carries the published release date', () => {
    expect(notificationFor(TICKET, event('startDevelopment', {}), SLICE)).toMatchObject({
      type: 'DEVELOPMENT_STARTED',
      releaseDate: '2026-03-16T23:00:00.000Z',
    });
    // L3-09: and the approver who authorized the work.
    expect(RECIPIENT_RULES.DEVELOPMENT_STARTED).toEqual(['REGISTRANT', 'AUTHORIZERS']);
  });

  it('L3-09: a rejection and a re-estimate request reach the registrant and the approvers', () => {
    const feedback = { estimateVersion: 2, reason: 'Muy caro' };
    expect(
      notificationFor(TICKET, event('rejectEstimate', feedback, 'CLIENT_APPROVER', 'u-ap'), SLICE),
    ).toMatchObject({
      type: 'ESTIMATE_REJECTED',
      estimateVersion: 2,
      reason: 'Muy caro',
      approverId: 'u-ap',
    });
    expect(
      notificationFor(TICKET, event('requestReestimate', feedback, 'CLIENT_USER', 'u-cl'), SLICE),
    ).toMatchObject({ type: 'REESTIMATE_REQUESTED', requesterId: 'u-cl' });
    for (const type of ['ESTIMATE_REJECTED', 'REESTIMATE_REQUESTED'] as const) {
      expect(RECIPIENT_RULES[type]).toEqual(RECIPIENT_RULES.AUTHORIZATION_RECORDED);
    }
    // L3-08/L3-09 (QA S53): back in diagnosis, by when the new estimate comes (the restarted clock).
    const diagnosis = { ...triage, id: 'c-d', kind: 'diagnosis', deadline: AT, status: 'RUNNING' };
    const back = { ...SLICE, clocks: [diagnosis] } as unknown as ReadModelSlice;
    for (const [type, who] of [
      ['rejectEstimate', 'CLIENT_APPROVER'],
      ['requestReestimate', 'CLIENT_USER'],
    ]) {
      expect(notificationFor(TICKET, event(type, feedback, who, 'u-cl'), back)).toMatchObject({
        diagnosisDeadline: AT,
      });
    }
    // A rejected change order leaves the work going: no diagnosis, no date.
    expect(
      notificationFor(TICKET, event('rejectChangeOrder', feedback, 'CLIENT_APPROVER'), back),
    ).not.toHaveProperty('diagnosisDeadline');
  });

  it('L3-09: an approval-wait reminder emails the estimate it is about to the registrant and the approvers', () => {
    const reminder = event(
      'ESTIMATE_REMINDER',
      { estimateVersion: 2, reminder: 3, limit: 5, nextReminderAt: AT },
      'SYSTEM',
    );
    const email = notificationFor(TICKET, { ...reminder, actor: null }, SLICE);
    expect(email).toEqual({
      type: 'ESTIMATE_REMINDER',
      estimateVersion: 2,
      hours: 6,
      scope: 'Reporte',
      submittedAt: AT,
      reminder: 3,
      limit: 5,
      eventKey: 'ticket-L3-2026-000042:7',
      occurredAt: AT,
      ticket: TICKET,
    });
    expect(RECIPIENT_RULES.ESTIMATE_REMINDER).toEqual(['REGISTRANT', 'CLIENT_APPROVERS']);
    // A reminder about an estimate the ticket no longer has sends nothing.
    expect(
      notificationFor(TICKET, event('ESTIMATE_REMINDER', { estimateVersion: 9 }), SLICE),
    ).toBeNull();
  });

  it("L3-12: a change order's reminder emails its added hours and reason to the registrant and the approvers", () => {
    const reminder = event(
      'CHANGE_ORDER_REMINDER',
      { estimateVersion: 3, reminder: 2, limit: 5, nextReminderAt: AT },
      'SYSTEM',
    );
    const email = notificationFor(TICKET, { ...reminder, actor: null }, CHANGE_ORDER_SLICE);
    expect(email).toEqual({
      type: 'CHANGE_ORDER_REMINDER',
      estimateVersion: 3,
      additionalHours: 2.5,
      hours: 8.5,
      scope: 'Falta el filtro por sucursal',
      submittedAt: AT,
      reminder: 2,
      limit: 5,
      eventKey: 'ticket-L3-2026-000042:7',
      occurredAt: AT,
      ticket: TICKET,
    });
    expect(RECIPIENT_RULES.CHANGE_ORDER_REMINDER).toEqual(RECIPIENT_RULES.ESTIMATE_REMINDER);
    // Not about a change order the ticket has (an estimate's version, an unknown one): nothing.
    for (const estimateVersion of [2, 9]) {
      expect(
        notificationFor(
          TICKET,
          event('CHANGE_ORDER_REMINDER', { estimateVersion, reminder: 1, limit: 5 }),
          CHANGE_ORDER_SLICE,
        ),
      ).toBeNull();
    }
  });

  it('L3-09: a testing reminder emails the release, its note and the authorized scope to the registrant and the authorizers', () => {
    const testing = {
      ...CHANGE_ORDER_SLICE,
      state: 'RELEASED_FOR_TESTING',
    } as unknown as ReadModelSlice;
    const releasedAt = '2026-03-02T23:00:00.000Z';
    const data = {
      releasedAt,
      release: 2,
      note: 'Corregido el total',
      reminder: 1,
      limit: 3,
      nextReminderAt: AT,
    };
    const email = notificationFor(
      TICKET,
      { ...event('TESTING_REMINDER', data), actor: null },
      testing,
    );
    expect(email).toEqual({
      type: 'TESTING_REMINDER',
      releasedAt,
      release: 2,
      note: 'Corregido el total',
      // The authorized estimate's scope (v2), not the pending change order's reason (v3).
      scope: 'Reporte',
      reminder: 1,
      limit: 3,
      eventKey: 'ticket-L3-2026-000042:7',
      occurredAt: AT,
      ticket: TICKET,
    });
    expect(RECIPIENT_RULES.TESTING_REMINDER).toEqual(['REGISTRANT', 'AUTHORIZERS']);
    // The provider is not told: the client's silence is no client activity.
    expect(
      providerNotificationFor(TICKET, { ...event('TESTING_REMINDER', data), actor: null }, testing),
    ).toBeNull();
    // No note and no authorized estimate: the email says only what it knows.
    const bare = notificationFor(
      TICKET,
      {
        ...event('TESTING_REMINDER', { releasedAt, release: 1, reminder: 3, limit: 3 }),
        actor: null,
      },
      SLICE,
    );
    expect(bare).toMatchObject({ type: 'TESTING_REMINDER', release: 1, reminder: 3 });
    expect(bare).not.toHaveProperty('note', expect.anything());
    expect(bare).not.toHaveProperty('scope', expect.anything());
  });

  it('L3-07: the resolution names the automatic closure; its reminder and the closure reach the registrant', () => {
    const closeAt = '2026-03-09T23:00:00.000Z';
    const resolvedSlice = {
      ...SLICE,
      state: 'RESOLVED',
      details: {
        ...SLICE.details,
        autoClose: { resolvedAt: AT, remindAt: AT, closeAt, remindedAt: null },
      },
    };
    expect(
      notificationFor(TICKET, event('resolve', { note: 'Listo' }), resolvedSlice),
    ).toMatchObject({ type: 'RESOLVED', resolution: 'Listo', autoCloseAt: closeAt });
    const reminder = { ...event('AUTO_CLOSE_REMINDER', { resolvedAt: AT, closeAt }), actor: null };
    expect(notificationFor(TICKET, reminder, resolvedSlice)).toEqual({
      type: 'AUTO_CLOSE_REMINDER',
      resolvedAt: AT,
      closeAt,
      eventKey: 'ticket-L3-2026-000042:7',
      occurredAt: AT,
      ticket: TICKET,
    });
    expect(RECIPIENT_RULES.AUTO_CLOSE_REMINDER).toEqual(['REGISTRANT']);
    const closedSlice = {
      ...resolvedSlice,
      state: 'CLOSED',
      closureOutcome: 'AUTO_CLOSED',
      details: {
        ...resolvedSlice.details,
        closure: { outcome: 'AUTO_CLOSED' as const, reason: 'sin respuesta', at: closeAt },
      },
    };
    const closed = { ...event('AUTO_CLOSED', { resolvedAt: AT, closeAt }), actor: null };
    expect(notificationFor(TICKET, closed, closedSlice)).toMatchObject({
      type: 'CLOSED',
      outcome: 'AUTO_CLOSED',
      reason: 'sin respuesta',
    });
  });

  it("L3-06/L3-07/L3-11: an answer staff recorded in the client's name emails the registrant, not the provider", () => {
    const info = event(
      'recordClientAnswer',
      { note: 'Usan Odoo 17.', channel: 'PHONE', answered: 'INFO_REQUESTED' },
      'AGENT',
      'u-agent',
    );
    expect(notificationsFor(TICKET, info, SLICE)).toEqual([
      {
        type: 'CLIENT_ANSWER_RECORDED',
        text: 'Usan Odoo 17.',
        channel: 'PHONE',
        recordedById: 'u-agent',
        answered: 'INFO',
        eventKey: 'ticket-L3-2026-000042:7',
        occurredAt: AT,
        ticket: TICKET,
      },
    ]);
    const waiting = event(
      'recordClientAnswer',
      { note: 'Listo.', channel: 'SMOKE', answered: 'WAITING_ON_CLIENT' },
      'MANAGER',
    );
    expect(notificationFor(TICKET, waiting, SLICE)).toMatchObject({
      answered: 'WAITING',
      channel: 'OTHER',
    });
    // The assigned agent hears of an answer someone else recorded; nobody of their own, and
    // every agent is not told of an unassigned ticket's.
    expect(providerNotificationFor(TICKET, waiting, SLICE)).toEqual({
      type: 'PROVIDER_CLIENT_ACTIVITY',
      activity: 'ANSWER_RECORDED',
      actorId: 'u-staff',
      assigneeId: 'u-agent',
      text: 'Listo.',
      // The requirement's diagnosis clock it resumed (not running in this slice).
      answerClock: { kind: 'diagnosis', deadline: null },
      eventKey: 'ticket-L3-2026-000042:7:provider',
      occurredAt: AT,
      ticket: TICKET,
    });
    expect(providerNotificationFor(TICKET, info, SLICE)).toBeNull();
    expect(providerNotificationFor(TICKET, waiting, { ...SLICE, assigneeId: null })).toBeNull();
    expect(RECIPIENT_RULES.CLIENT_ANSWER_RECORDED).toEqual(['REGISTRANT']);
  });

  it("a client's own answer is not echoed to the client; clock bookkeeping sends nothing", () => {
    for (const type of ['provideInfo', 'clientReplied', 'reopen']) {
      expect(notificationFor(TICKET, event(type, { note: 'x' }, 'CLIENT_USER'), SLICE)).toBeNull();
    }
    expect(notificationsFor(TICKET, event('CLOCK_PAUSED', { kind: 'progress' }), SLICE)).toEqual(
      [],
    );
  });

  it('L3-09 (QA S60 #4): failures reported reach the client side too, naming the release and who reported them', () => {
    // The report counted the release it is about: the first report leaves reworkCount at 1.
    const reported = { ...SLICE, details: { ...SLICE.details, reworkCount: 1 } };
    const [client, provider] = notificationsFor(
      TICKET,
      event('reportFailures', { note: 'El total no cuadra.' }, 'CLIENT_USER', 'u-registrant'),
      reported,
    );
    expect(client).toEqual({
      type: 'FAILURES_REPORTED',
      release: 1,
      text: 'El total no cuadra.',
      reporterId: 'u-registrant',
      eventKey: 'ticket-L3-2026-000042:7',
      occurredAt: AT,
      ticket: TICKET,
    });
    // The agent's email keeps its own key: one email per recipient per event, distinct IDs.
    expect(provider).toMatchObject({
      type: 'PROVIDER_CLIENT_ACTIVITY',
      activity: 'FAILURES_REPORTED',
      eventKey: 'ticket-L3-2026-000042:7:provider',
    });
  });

  it('L3-09 (QA S60 #4): a release says which one it is: 1, then one more after each failure report', () => {
    const release = (reworkCount: number) =>
      notificationFor(TICKET, event('releaseForTesting', { note: 'Listo.' }), {
        ...SLICE,
        details: { ...SLICE.details, reworkCount },
      });
    expect(release(0)).toMatchObject({ type: 'RELEASED_FOR_TESTING', release: 1, note: 'Listo.' });
    expect(release(2)).toMatchObject({ type: 'RELEASED_FOR_TESTING', release: 3 });
  });

  it("L3-08/L3-09 (QA S60 #5): the agent's email of a client's decision carries the deadline the client's email gives", () => {
    const running = (kind: string, deadline: string) =>
      ({ id: `c-${kind}`, kind, status: 'RUNNING', deadline }) as unknown as SlaClockView;
    const scheduling = '2026-03-04T23:00:00.000Z';
    const diagnosis = '2026-03-09T23:00:00.000Z';
    const authorized = notificationsFor(
      TICKET,
      event('authorizeEstimate', { estimateVersion: 2, statement: 'Autorizo.' }, 'CLIENT_APPROVER'),
      { ...SLICE, clocks: [running('scheduling', scheduling)] },
    );
    expect(authorized.map((n) => n.type)).toEqual([
      'AUTHORIZATION_RECORDED',
      'PROVIDER_CLIENT_ACTIVITY',
    ]);
    expect(authorized[0]).toMatchObject({ schedulingDeadline: scheduling });
    expect(authorized[1]).toMatchObject({ clockDeadline: scheduling });
    for (const type of ['rejectEstimate', 'requestReestimate']) {
      const [client, agent] = notificationsFor(
        TICKET,
        event(type, { estimateVersion: 2, reason: 'Muy caro.' }, 'CLIENT_APPROVER'),
        { ...SLICE, clocks: [running('diagnosis', diagnosis)] },
      );
      expect(client).toMatchObject({ diagnosisDeadline: diagnosis });
      expect(agent).toMatchObject({ type: 'PROVIDER_CLIENT_ACTIVITY', clockDeadline: diagnosis });
    }
    // No clock running (a change order's decision): no date is made up.
    const [, rejectedOrder] = notificationsFor(
      TICKET,
      event('rejectChangeOrder', { estimateVersion: 2, reason: 'No.' }, 'CLIENT_APPROVER'),
      { ...SLICE, clocks: [running('diagnosis', diagnosis)] },
    );
    expect(rejectedOrder).not.toHaveProperty('clockDeadline');
  });

  it('L3-19, BUSINESS-TIME.md: a deadline or an automatic closure a calendar change moved is told to the client once; a moved reminder alone is not', () => {
    const before = '2026-03-04T16:00:00.000Z';
    const moved = (type: string, data: Record<string, unknown>) =>
      notificationsFor(TICKET, { ...event(type, data), actor: null }, SLICE);
    for (const [kind, date] of [
      ['triage', 'TRIAGE'],
      ['progress', 'PROGRESS'],
      ['diagnosis', 'DIAGNOSIS'],
      ['scheduling', 'SCHEDULING'],
    ]) {
      const data = {
        kind,
        deadline: AT,
        previousDeadline: before,
        calendarVersion: 5,
        previousCalendarVersion: 3,
      };
      expect(moved('CLOCK_RECOMPUTED', data)).toEqual([
        {
          type: 'DEADLINE_MOVED',
          moved: date,
          oldDate: before,
          newDate: AT,
          calendarVersions: { from: 3, to: 5 },
          eventKey: `ticket-${TICKET.number}:7`,
          occurredAt: AT,
          ticket: TICKET,
        },
      ]);
    }
    // Recomputed on a new version but the deadline stays: nothing to tell.
    expect(
      moved('CLOCK_RECOMPUTED', { kind: 'triage', deadline: AT, previousDeadline: AT }),
    ).toEqual([]);
    // Without a version the change is not named (no range for `told`).
    expect(
      moved('CLOCK_RECOMPUTED', { kind: 'diagnosis', deadline: AT, previousDeadline: before })[0],
    ).not.toHaveProperty('calendarVersions');
    // The automatic closure moved (L3-07): the «Ticket resuelto» email's date is out of date.
    expect(
      moved('SCHEDULE_RECOMPUTED', {
        calendarId: 'cal-1',
        autoCloseAt: { from: before, to: AT },
        calendarVersion: 4,
      }),
    ).toEqual([
      expect.objectContaining({
        type: 'DEADLINE_MOVED',
        moved: 'AUTO_CLOSE',
        oldDate: before,
        newDate: AT,
        calendarVersions: { from: 3, to: 4 },
      }),
    ]);
    // Only the provider's reminder moved: the client was never told its instant.
    expect(
      moved('SCHEDULE_RECOMPUTED', {
        calendarId: 'cal-1',
        approvalReminderAt: { from: before, to: AT },
        testingReminderAt: { from: before, to: AT },
        calendarVersion: 4,
      }),
    ).toEqual([]);
    expect(RECIPIENT_RULES.DEADLINE_MOVED).toEqual(['REGISTRANT', 'AUTHORIZERS']);
  });

  it('L3-11 provider side: a new ticket reaches the provider staff, keyed apart from the registrant email', () => {
    const registered = {
      ...event('registered', { category: 'INCIDENT', subject: 'x' }, 'CLIENT_USER', 'u-registrant'),
      seq: 1,
    };
    expect(notificationsFor(TICKET, registered, SLICE)).toEqual([
      expect.objectContaining({ type: 'TICKET_REGISTERED', eventKey: 'ticket-L3-2026-000042:1' }),
      {
        type: 'PROVIDER_NEW_TICKET',
        category: 'INCIDENT',
        triageDeadline: triage.deadline,
        eventKey: 'ticket-L3-2026-000042:1:provider',
        occurredAt: AT,
        ticket: TICKET,
      },
    ]);
    expect(RECIPIENT_RULES.PROVIDER_NEW_TICKET).toEqual(['PROVIDER_STAFF']);
  });

  it.each([
    ['comment', { body: 'Ya subí el XML', internal: false }, 'COMMENT', 'Ya subí el XML'],
    ['provideInfo', { note: 'Versión 17' }, 'INFO_PROVIDED', 'Versión 17'],
    ['clientReplied', { note: 'Listo' }, 'CLIENT_REPLIED', 'Listo'],
    [
      'authorizeEstimate',
      { estimateVersion: 2, statement: 'Autorizo 6 h' },
      'ESTIMATE_AUTHORIZED',
      'Autorizo 6 h',
    ],
    ['rejectEstimate', { estimateVersion: 2, reason: 'Muy caro' }, 'ESTIMATE_REJECTED', 'Muy caro'],
    // L3-12: the agent hears of the approver's decision on a change order.
    [
      'authorizeChangeOrder',
      { estimateVersion: 3, statement: 'Autorizo 4 h más' },
      'CHANGE_ORDER_AUTHORIZED',
      'Autorizo 4 h más',
    ],
    [
      'rejectChangeOrder',
      { estimateVersion: 3, reason: 'No hace falta' },
      'CHANGE_ORDER_REJECTED',
      'No hace falta',
    ],
    ['requestReestimate', { estimateVersion: 2, reason: 'Menos' }, 'REESTIMATE_REQUESTED', 'Menos'],
    ['reportFailures', { note: 'No guarda' }, 'FAILURES_REPORTED', 'No guarda'],
    ['acceptDelivery', {}, 'DELIVERY_ACCEPTED', undefined],
    ['confirmResolution', { note: 'Todo bien' }, 'RESOLUTION_CONFIRMED', 'Todo bien'],
    ['reopen', { note: 'Sigue fallando' }, 'REOPENED', 'Sigue fallando'],
    // QA: the agent kept working on a requirement the client had cancelled.
    ['cancel', { note: 'Ya no aplica' }, 'CANCELLED', 'Ya no aplica'],
  ])(
    'L3-11 provider side: a client %s reaches the assigned agent',
    (type, data, activity, words) => {
      const email = providerNotificationFor(
        TICKET,
        event(type, data, 'CLIENT_APPROVER', 'u-ap'),
        SLICE,
      );
      expect(email).toMatchObject({
        type: 'PROVIDER_CLIENT_ACTIVITY',
        activity,
        actorId: 'u-ap',
        assigneeId: 'u-agent',
        eventKey: 'ticket-L3-2026-000042:7:provider',
      });
      expect(email && 'text' in email ? email.text : undefined).toBe(words);
      // A lone note is the words quoted; it is set apart only beside a statement or reason (L3-09).
      expect(email).not.toHaveProperty('note');
      // S64: and who proposed a remote session the client answered.
      expect(RECIPIENT_RULES.PROVIDER_CLIENT_ACTIVITY).toEqual([
        'ASSIGNEE_OR_AGENTS',
        'SESSION_PROPOSER',
      ]);
    },
  );

  // QA S57: the agent's email after a client's answer did not say the paused clock runs again.
  it('L3-06…L3-08 provider side: a client answer names the clock it set going and its deadline', () => {
    const clock = (kind: string, status = 'RUNNING') =>
      ({ id: kind, kind, status, deadline: AT }) as unknown as SlaClockView;
    const problem = { ...SLICE, classification: 'PROBLEM', clocks: [clock('progress')] };
    const requirement = { ...SLICE, clocks: [clock('diagnosis')] };
    const fromClient = (type: string, data: Record<string, unknown>, slice = SLICE) =>
      providerNotificationFor(TICKET, event(type, data, 'CLIENT_USER', 'u-client'), slice);

    expect(fromClient('provideInfo', { note: 'Versión 17' })).toMatchObject({
      activity: 'INFO_PROVIDED',
      answerClock: { kind: 'triage', deadline: triage.deadline },
    });
    expect(fromClient('clientReplied', { note: 'Listo' }, problem)).toMatchObject({
      activity: 'CLIENT_REPLIED',
      answerClock: { kind: 'progress', deadline: AT },
    });
    expect(fromClient('clientReplied', { note: 'Listo' }, requirement)).toMatchObject({
      answerClock: { kind: 'diagnosis', deadline: AT },
    });
    // A breached clock resumes with no deadline running.
    const breached = { ...problem, clocks: [clock('progress', 'BREACHED')] };
    expect(fromClient('clientReplied', { note: 'Listo' }, breached)).toMatchObject({
      answerClock: { kind: 'progress', deadline: null },
    });
    // A comment that answered (the workflow marks it) is the answer; any other is a comment.
    const comment = (answered?: string) => ({
      body: 'Es la versión 17',
      internal: false,
      ...(answered ? { answered } : {}),
    });
    expect(fromClient('comment', comment('WAITING_ON_CLIENT'), problem)).toMatchObject({
      activity: 'CLIENT_REPLIED',
      text: 'Es la versión 17',
      answerClock: { kind: 'progress', deadline: AT },
    });
    expect(fromClient('comment', comment('INFO_REQUESTED'))).toMatchObject({
      activity: 'INFO_PROVIDED',
      answerClock: { kind: 'triage' },
    });
    const plain = fromClient('comment', comment(), problem);
    expect(plain).toMatchObject({ activity: 'COMMENT' });
    expect(plain).not.toHaveProperty('answerClock');
    // Staff recorded the answer given off the portal: the assigned agent reads the same.
    const recorded = providerNotificationFor(
      TICKET,
      event(
        'recordClientAnswer',
        { note: 'Por teléfono: v17', answered: 'WAITING_ON_CLIENT' },
        'MANAGER',
        'u-mgr',
      ),
      problem,
    );
    expect(recorded).toMatchObject({
      activity: 'ANSWER_RECORDED',
      answerClock: { kind: 'progress', deadline: AT },
    });
  });

  it.each([
    [
      'authorizeEstimate',
      { estimateVersion: 2, statement: 'Autorizo 6 h', note: 'Avísenme al empezar' },
      'Autorizo 6 h',
    ],
    [
      'authorizeChangeOrder',
      { estimateVersion: 3, statement: 'Autorizo 4 h más', note: 'Que sea esta semana' },
      'Autorizo 4 h más',
    ],
    [
      'requestReestimate',
      { estimateVersion: 2, reason: 'Sin exportar a Excel', note: 'Lo vemos en el checkpoint' },
      'Sin exportar a Excel',
    ],
  ])(
    "L3-09 (QA S18): a client's %s with a note quotes its statement or reason, and the note apart",
    (type, data, words) => {
      // The agent's email quoted the optional note as the «Autorización escrita» or «Motivo».
      const email = providerNotificationFor(
        TICKET,
        event(type, data, 'CLIENT_APPROVER', 'u-ap'),
        SLICE,
      );
      expect(email).toMatchObject({
        type: 'PROVIDER_CLIENT_ACTIVITY',
        text: words,
        note: data.note,
      });
    },
  );

  it('L3-07: a reassignment emails the agent who now has the ticket, and nothing to the client', () => {
    const moved = event(
      'reassign',
      { agentId: 'u-agent-2', previousAgentId: 'u-agent', note: 'Vacaciones' },
      'MANAGER',
      'u-mgr',
    );
    expect(notificationFor(TICKET, moved, SLICE)).toBeNull();
    expect(notificationsFor(TICKET, moved, { ...SLICE, assigneeId: 'u-agent-2' })).toEqual([
      {
        type: 'PROVIDER_ASSIGNED',
        assigneeId: 'u-agent-2',
        previousAssigneeId: 'u-agent',
        actorId: 'u-mgr',
        note: 'Vacaciones',
        eventKey: 'ticket-L3-2026-000042:7:provider',
        occurredAt: AT,
        ticket: TICKET,
      },
    ]);
    // QA S62: whoever holds a confirmed remote session hears of a reassignment that takes it.
    expect(RECIPIENT_RULES.PROVIDER_ASSIGNED).toEqual(['ASSIGNEE_OR_AGENTS', 'SESSION_HOLDERS']);
  });

  it("L3-07: a problem's first assignment emails the agent once (named by the classifier, or the automatic pick), never an agent who took it themselves", () => {
    const named = event(
      'classify',
      { classification: 'PROBLEM', agentId: 'u-agent' },
      'MANAGER',
      'u-mgr',
    );
    expect(providerNotificationFor(TICKET, named, SLICE)).toEqual({
      type: 'PROVIDER_ASSIGNED',
      assigneeId: 'u-agent',
      previousAssigneeId: null,
      actorId: 'u-mgr',
      initial: 'NAMED',
      // What the ticket became, for the email's words (SLICE is a requirement, L3-08).
      classification: 'REQUIREMENT',
      eventKey: 'ticket-L3-2026-000042:7:provider',
      occurredAt: AT,
      ticket: TICKET,
    });
    // The client gets one CLASSIFIED email naming the agent; the named ASSIGNED adds no email.
    expect(notificationFor(TICKET, named, SLICE)).toMatchObject({
      type: 'CLASSIFIED',
      agentId: 'u-agent',
    });
    expect(notificationsFor(TICKET, named, SLICE).map((n) => n.type)).toEqual([
      'CLASSIFIED',
      'PROVIDER_ASSIGNED',
    ]);
    // The ASSIGNED of a named or kept agent is by whoever chose them (the classifier, or the staff
    // member who assigned them in triage, whose reassign was emailed): no email of its own.
    const namedAssigned = event(
      'ASSIGNED',
      { agentId: 'u-agent', automatic: false },
      'MANAGER',
      'u-mgr',
    );
    expect(notificationsFor(TICKET, namedAssigned, SLICE, named).map((n) => n.type)).toEqual([]);
    // Runs from before the kept-assignment-actor patch (and a triage the view no longer holds)
    // record it without an actor: still no email of its own.
    const actorless = { ...namedAssigned, actor: null };
    expect(notificationsFor(TICKET, actorless, SLICE, named).map((n) => n.type)).toEqual([]);

    const automatic = {
      ...event('ASSIGNED', { agentId: 'u-agent', automatic: true }),
      actor: null,
    };
    expect(notificationsFor(TICKET, automatic, SLICE)).toEqual([
      expect.objectContaining({
        type: 'PROVIDER_ASSIGNED',
        assigneeId: 'u-agent',
        actorId: null,
        initial: 'AUTOMATIC',
        eventKey: 'ticket-L3-2026-000042:7:provider',
      }),
    ]);
    const automaticClassify = event('classify', { classification: 'PROBLEM' }, 'AGENT', 'u-agent');
    expect(providerNotificationFor(TICKET, automaticClassify, SLICE)).toBeNull();
    // «Automático» picked the agent who classified (the classify it was recorded in): their own
    // action, no email. Another classifier's pick is emailed; without the cause, as before.
    const types = (cause?: TimelineEvent) =>
      notificationsFor(TICKET, automatic, SLICE, cause).map((n) => n.type);
    expect(types(automaticClassify)).toEqual([]);
    const byOther = event('classify', { classification: 'PROBLEM' }, 'MANAGER', 'u-mgr');
    expect(types(byOther)).toEqual(['PROVIDER_ASSIGNED']);
    expect(types(event('comment', { internal: true }, 'AGENT', 'u-agent'))).toEqual([
      'PROVIDER_ASSIGNED',
    ]);

    const self = event(
      'classify',
      { classification: 'PROBLEM', agentId: 'u-agent' },
      'AGENT',
      'u-agent',
    );
    expect(providerNotificationFor(TICKET, self, SLICE)).toBeNull();
    const requirement = event('classify', {
      classification: 'REQUIREMENT',
      requirementKind: 'DEVELOPMENT',
    });
    expect(providerNotificationFor(TICKET, requirement, SLICE)).toBeNull();
  });

  it('L3-11 provider side: no assignee → every agent; provider staff and internal notes tell nobody', () => {
    const unassigned = { ...SLICE, assigneeId: null };
    const comment = event('comment', { body: 'Hola', internal: false }, 'CLIENT_USER', 'u-cl');
    expect(providerNotificationFor(TICKET, comment, unassigned)).toMatchObject({
      assigneeId: null,
    });
    // The provider's own reply emails the registrant only; an internal note emails nobody.
    const reply = event('comment', { body: 'Lo revisamos', internal: false }, 'AGENT');
    expect(notificationsFor(TICKET, reply, SLICE).map((n) => n.type)).toEqual(['COMMENT_ADDED']);
    const note = event('comment', { body: 'Interno', internal: true }, 'AGENT');
    expect(notificationsFor(TICKET, note, SLICE)).toEqual([]);
  });
});

// QA S60b #6 (L3-06, RFC 5546): which emails carry the remote session's calendar entry, and which
// take it out: the client's side got the invitation with the proposal, the agent with the
// client's confirmation; each is cancelled only where it was sent, with the email of the event.
describe('QA S60b #6: the remote session in the calendars (L3-06)', () => {
  const session = {
    proposal: 1,
    at: '2026-03-04T17:00:00.000Z',
    durationMinutes: 90,
    link: 'https://meet.example.com/abc',
    note: 'Tenga a la mano la póliza',
    proposedAt: AT,
    proposedBy: 'u-proposer',
    accepted: null as null | { at: string; by: string },
    declined: null as null | { at: string; by: string; reason: string; suggestedAt: string | null },
    withdrawn: null as null | { at: string; by: string; note: string | null },
  };
  const entry = {
    at: session.at,
    durationMinutes: 90,
    link: session.link,
    note: session.note,
  };
  const withSession = (s: Partial<typeof session>, assigneeId: string | null = 'u-agent') =>
    ({
      ...SLICE,
      state: 'REGISTERED',
      releaseDate: null,
      assigneeId,
      details: { ...SLICE.details, remoteSession: { ...session, ...s } },
    }) as unknown as ReadModelSlice;
  const accepted = { at: AT, by: 'u-client' };
  const declined = { at: AT, by: 'u-client', reason: 'Cierre contable', suggestedAt: null };
  const client = (type: string, data: Record<string, unknown>) =>
    event(type, data, 'CLIENT_USER', 'u-client');

  it('a decline sends the client side the cancellation of the declined proposal', () => {
    const decline = client('declineRemoteSession', {
      proposal: 1,
      reason: 'Cierre contable',
      sessionAt: session.at,
    });
    expect(notificationFor(TICKET, decline, withSession({ declined }))).toEqual(
      expect.objectContaining({
        type: 'REMOTE_SESSION_CANCELLED',
        session: entry,
        declinedById: 'u-client',
        reason: 'Cierre contable',
      }),
    );
    // The agent, told of the decline, had no invitation unless the client had confirmed it.
    expect(providerNotificationFor(TICKET, decline, withSession({ declined }))).not.toHaveProperty(
      'sessionCalendar',
    );
    expect(
      providerNotificationFor(TICKET, decline, withSession({ accepted, declined })),
    ).toMatchObject({
      activity: 'REMOTE_SESSION_DECLINED',
      sessionCalendar: { session: entry, agentId: 'u-agent', cancelled: true },
    });
  });

  it("S64: a decline tells the client side and the agent the new triage clock's deadline; none when no triage clock runs after it", () => {
    const decline = client('declineRemoteSession', {
      proposal: 1,
      reason: 'Cierre contable',
      sessionAt: session.at,
    });
    const met = { ...triage, id: 'c0', status: 'MET', deadline: AT } as unknown as SlaClockView;
    const newTriage = { ...triage, id: 'c2', run: 2 } as unknown as SlaClockView;
    const back = { ...withSession({ declined }), clocks: [met, newTriage] };
    expect(notificationsFor(TICKET, decline, back)).toEqual([
      expect.objectContaining({
        type: 'REMOTE_SESSION_CANCELLED',
        triageDeadline: triage.deadline,
      }),
      expect.objectContaining({
        type: 'PROVIDER_CLIENT_ACTIVITY',
        activity: 'REMOTE_SESSION_DECLINED',
        triageDeadline: triage.deadline,
      }),
    ]);
    // Not back in «Registrado» after the batch, or no triage clock running there: none is told.
    const moved = { ...back, state: 'IN_ANALYSIS' } as unknown as ReadModelSlice;
    const none = { ...back, clocks: [met] };
    for (const slice of [moved, none]) {
      for (const n of notificationsFor(TICKET, decline, slice)) {
        expect(n).not.toHaveProperty('triageDeadline');
      }
    }
    // Other client activity carries none, though a triage clock runs.
    const comment = client('comment', { body: 'Hola', internal: false });
    expect(providerNotificationFor(TICKET, comment, back)).not.toHaveProperty('triageDeadline');
  });

  it('a confirmation gives the assigned agent the invitation; the proposer while nobody is assigned', () => {
    const accept = client('acceptRemoteSession', { proposal: 1, sessionAt: session.at });
    expect(providerNotificationFor(TICKET, accept, withSession({ accepted }))).toMatchObject({
      activity: 'REMOTE_SESSION_ACCEPTED',
      sessionCalendar: { session: entry, agentId: 'u-agent' },
    });
    const unassigned = providerNotificationFor(TICKET, accept, withSession({ accepted }, null));
    expect(unassigned).toMatchObject({ sessionCalendar: { agentId: 'u-proposer' } });
    expect(unassigned).not.toHaveProperty('sessionCalendar.cancelled');
  });

  it('QA S62 #9: a confirmation tells the client side too (who confirmed, the session as confirmed), not once declined or withdrawn in the same batch', () => {
    const accept = client('acceptRemoteSession', { proposal: 1, sessionAt: session.at });
    expect(notificationsFor(TICKET, accept, withSession({ accepted }))).toEqual([
      expect.objectContaining({
        type: 'REMOTE_SESSION_CONFIRMED',
        session: entry,
        confirmedById: 'u-client',
        eventKey: expect.not.stringContaining('provider'),
      }),
      expect.objectContaining({ type: 'PROVIDER_CLIENT_ACTIVITY' }),
    ]);
    for (const s of [
      { accepted, declined },
      { accepted, withdrawn: { at: AT, by: 'u-agent', note: null } },
      { accepted, at: '2026-03-05T17:00:00.000Z' },
    ]) {
      expect(notificationFor(TICKET, accept, withSession(s))).toBeNull();
    }
  });

  it('a cancelled ticket cancels a session still ahead, not one declined or over', () => {
    const cancel = client('cancel', { note: 'Ya no aplica' });
    expect(notificationFor(TICKET, cancel, withSession({}))).toMatchObject({
      type: 'CANCELLED',
      remoteSession: entry,
    });
    // The agent had the invitation only once confirmed.
    expect(providerNotificationFor(TICKET, cancel, withSession({}))).not.toHaveProperty(
      'sessionCalendar',
    );
    expect(providerNotificationFor(TICKET, cancel, withSession({ accepted }))).toMatchObject({
      activity: 'CANCELLED',
      sessionCalendar: { session: entry, agentId: 'u-agent', cancelled: true },
    });
    // Already cancelled by the decline: not twice.
    expect(notificationFor(TICKET, cancel, withSession({ accepted, declined }))).not.toHaveProperty(
      'remoteSession',
    );
    expect(
      providerNotificationFor(TICKET, cancel, withSession({ accepted, declined })),
    ).not.toHaveProperty('sessionCalendar');
    // Held already (it ended before the cancellation): it stays where it happened.
    const past = withSession({ accepted, at: '2026-03-02T14:00:00.000Z' });
    expect(notificationFor(TICKET, cancel, past)).not.toHaveProperty('remoteSession');
    expect(providerNotificationFor(TICKET, cancel, past)).not.toHaveProperty('sessionCalendar');
  });

  it('QA S62: staff withdrawing the session tell the client side (with the note) and end it: a later cancellation does not cancel it again', () => {
    const withdrawn = { at: AT, by: 'u-agent', note: 'Ya quedó corregido' };
    const withdraw = event(
      'withdrawRemoteSession',
      { proposal: 1, sessionAt: session.at },
      'AGENT',
      'u-agent',
    );
    expect(notificationsFor(TICKET, withdraw, withSession({ accepted, withdrawn }))).toEqual([
      expect.objectContaining({
        type: 'REMOTE_SESSION_WITHDRAWN',
        session: entry,
        withdrawnById: 'u-agent',
        note: 'Ya quedó corregido',
      }),
    ]);
    const cancel = client('cancel', { note: 'Ya no aplica' });
    expect(
      notificationFor(TICKET, cancel, withSession({ accepted, withdrawn })),
    ).not.toHaveProperty('remoteSession');
  });

  it("QA S63 #5: a session withdrawn in triage tells the new triage clock's deadline; not after classification, nor in a run that started none", () => {
    const withdrawn = { at: AT, by: 'u-agent', note: null };
    const withdraw = event(
      'withdrawRemoteSession',
      { proposal: 1, sessionAt: session.at },
      'AGENT',
      'u-agent',
    );
    const met = { ...triage, id: 'c0', status: 'MET', deadline: AT } as unknown as SlaClockView;
    const newTriage = { ...triage, id: 'c2', run: 2 } as unknown as SlaClockView;
    const inTriage = { ...withSession({ withdrawn }), clocks: [met, newTriage] };
    expect(notificationFor(TICKET, withdraw, inTriage)).toMatchObject({
      type: 'REMOTE_SESSION_WITHDRAWN',
      triageDeadline: triage.deadline,
    });
    // After classification the ticket keeps its clocks: no triage clock runs, none is told.
    const classified = { ...inTriage, state: 'IN_ANALYSIS', clocks: [met] };
    // A run withdrawn before the new triage clock: back in REGISTERED with none running.
    const before = { ...inTriage, clocks: [met] };
    for (const slice of [classified, before]) {
      expect(notificationFor(TICKET, withdraw, slice)).not.toHaveProperty('triageDeadline');
    }
  });

  it('QA S62: a reassignment hands a confirmed session ahead to the new agent, not a proposal, a declined or a past one', () => {
    const moved = event(
      'reassign',
      { agentId: 'u-agent-2', previousAgentId: 'u-agent' },
      'MANAGER',
      'u-mgr',
    );
    expect(
      providerNotificationFor(TICKET, moved, withSession({ accepted }, 'u-agent-2')),
    ).toMatchObject({
      type: 'PROVIDER_ASSIGNED',
      assigneeId: 'u-agent-2',
      sessionCalendar: { session: entry },
    });
    for (const s of [{}, { accepted, declined }, { accepted, at: '2026-03-02T14:00:00.000Z' }]) {
      expect(
        providerNotificationFor(TICKET, moved, withSession(s, 'u-agent-2')),
      ).not.toHaveProperty('sessionCalendar');
    }
    // QA S65 #1: a proposal still ahead, not confirmed, is told (no calendar); declined/past not.
    expect(providerNotificationFor(TICKET, moved, withSession({}, 'u-agent-2'))).toMatchObject({
      proposedSession: entry,
    });
    for (const s of [{ declined }, { at: '2026-03-02T14:00:00.000Z' }, { accepted }]) {
      expect(
        providerNotificationFor(TICKET, moved, withSession(s, 'u-agent-2')),
      ).not.toHaveProperty('proposedSession');
    }
    // The first assignment at classification hands it over too (the proposer held it).
    const classify = event('classify', { classification: 'PROBLEM', agentId: 'u-agent-2' });
    expect(
      providerNotificationFor(TICKET, classify, withSession({ accepted }, 'u-agent-2')),
    ).toMatchObject({ initial: 'NAMED', sessionCalendar: { session: entry } });
  });

  it('QA S63: an agent who assigns the ticket to themselves is handed the confirmed session ahead (named, «Automático» or reassigned), and otherwise not emailed', () => {
    const own = withSession({ accepted }, 'u-agent-2');
    const classify = event(
      'classify',
      { classification: 'PROBLEM', agentId: 'u-agent-2' },
      'AGENT',
      'u-agent-2',
    );
    expect(providerNotificationFor(TICKET, classify, own)).toMatchObject({
      type: 'PROVIDER_ASSIGNED',
      assigneeId: 'u-agent-2',
      actorId: 'u-agent-2',
      initial: 'NAMED',
      selfAssigned: true,
      sessionCalendar: { session: entry },
    });
    const picked = { ...event('ASSIGNED', { agentId: 'u-agent-2', automatic: true }), actor: null };
    const byThemselves = event('classify', { classification: 'PROBLEM' }, 'AGENT', 'u-agent-2');
    expect(providerNotificationFor(TICKET, picked, own, byThemselves)).toMatchObject({
      initial: 'AUTOMATIC',
      selfAssigned: true,
      sessionCalendar: { session: entry },
    });
    const taken = event(
      'reassign',
      { agentId: 'u-agent-2', previousAgentId: 'u-agent' },
      'AGENT',
      'u-agent-2',
    );
    expect(providerNotificationFor(TICKET, taken, own)).toMatchObject({
      selfAssigned: true,
      sessionCalendar: { session: entry },
    });
    // No confirmed session ahead (a proposal only, a declined one): their own action, no email.
    for (const s of [{}, { accepted, declined }]) {
      const slice = withSession(s, 'u-agent-2');
      expect(providerNotificationFor(TICKET, classify, slice)).toBeNull();
      expect(providerNotificationFor(TICKET, picked, slice, byThemselves)).toBeNull();
      expect(providerNotificationFor(TICKET, taken, slice)).toBeNull();
    }
  });
});
