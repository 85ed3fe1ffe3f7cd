import type { ApplicationFailure } from '@temporalio/common';
import type { TicketView, TimelineEvent } from '../../../workflows/ticket/ticket.contract';
import type { ReadModelSlice } from '../../../workflows/ticket/ticket-projection';
import {
  confirmedRemoteSessionAhead,
  remoteSessionAhead,
} from '../../../workflows/ticket/remote-session-ahead';
import { RULES } from '../../../workflows/ticket/transitions';
import {
  notificationFor,
  providerNotificationFor,
} from '../../../src/tickets/ticket-notifications';
import { REMOTE_SESSION_AHEAD_CASES } from '../../support/remote-session-ahead-cases';

// L3-06 (QA S63, review h64b): «a remote session still ahead» is one rule. Proposed or confirmed,
// neither declined nor withdrawn, and not over: it ends after now (a session under way is ahead;
// the instant it ends it is not). The cases are stated once (test/support) and held here against
// the rule and the two TypeScript places that read it — the workflow's withdrawal after
// classification and the notifications (a cancellation cancels the session in the calendars; a
// reassignment hands a confirmed one to the new agent) — and in the integration tier against the
// SQL that counts them for the deactivation dialog (userOpenTickets.sessionsAhead).

const NOW = '2026-12-08T17:00:00.000Z';
const NOW_MS = Date.parse(NOW);

const CASES = REMOTE_SESSION_AHEAD_CASES.map((c) => [c.name, c] as const);

describe('a remote session still ahead (L3-06, QA S63)', () => {
  it.each(CASES)('%s', (_name, c) => {
    const session = c.session(NOW_MS);
    expect(remoteSessionAhead(session, NOW_MS)).toBe(c.ahead);
    expect(confirmedRemoteSessionAhead(session, NOW_MS)).toBe(c.confirmedAhead);
    // The API's model gives the time as a Date: the same answer.
    if (typeof session?.at === 'string') {
      const dated = { ...session, at: new Date(session.at) };
      expect(remoteSessionAhead(dated, NOW_MS)).toBe(c.ahead);
      expect(confirmedRemoteSessionAhead(dated, NOW_MS)).toBe(c.confirmedAhead);
    }
  });

  it('the workflow refuses to withdraw after classification exactly when none is ahead (NO_REMOTE_SESSION)', () => {
    for (const c of REMOTE_SESSION_AHEAD_CASES) {
      const ticket = {
        state: 'IN_ANALYSIS',
        category: 'INCIDENT',
        remoteSession: c.session(NOW_MS),
      } as unknown as TicketView;
      const args = { requestId: 'r1', actor: { userId: 'u-agent', role: 'AGENT' }, proposal: 1 };
      let reason: unknown = null;
      try {
        RULES.withdrawRemoteSession.validate!(args as never, ticket, NOW_MS);
      } catch (e) {
        reason = (e as ApplicationFailure).details?.[0];
      }
      expect([c.name, reason]).toEqual(
        c.ahead
          ? [c.name, expect.not.objectContaining({ reason: 'NO_REMOTE_SESSION' })]
          : [c.name, expect.objectContaining({ reason: 'NO_REMOTE_SESSION' })],
      );
      // The API's list of actions offers it by the same rule (at the clock's now).
      const live = { ...ticket, remoteSession: c.session(Date.now()) } as unknown as TicketView;
      if (!c.exactBoundary)
        expect([c.name, RULES.withdrawRemoteSession.offered!(live)]).toEqual([c.name, c.ahead]);
    }
  });

  it('the notifications: a cancellation cancels a session ahead; a reassignment hands a confirmed one', () => {
    const TICKET = {
      number: 'L3-2026-000042',
      subject: 'Respaldo antes de migrar',
      registrantId: 'u-registrant',
      clientOrgId: 'org-1',
    };
    const event = (type: string, data: Record<string, unknown>, userId: string): TimelineEvent => ({
      seq: 7,
      type,
      at: NOW,
      actor: { userId, role: type === 'cancel' ? 'CLIENT_USER' : 'MANAGER' } as never,
      data,
    });
    const cancel = event('cancel', { note: 'Ya no aplica' }, 'u-client');
    const reassign = event(
      'reassign',
      { agentId: 'u-agent-2', previousAgentId: 'u-agent' },
      'u-mgr',
    );
    for (const c of REMOTE_SESSION_AHEAD_CASES) {
      const slice = {
        state: 'IN_ANALYSIS',
        classification: 'PROBLEM',
        assigneeId: 'u-agent-2',
        releaseDate: null,
        clocks: [],
        details: { authorizations: [], estimates: [], remoteSession: c.session(NOW_MS) },
      } as unknown as ReadModelSlice;
      const cancelled = notificationFor(TICKET, cancel, slice);
      expect([c.name, cancelled?.type, 'remoteSession' in (cancelled ?? {})]).toEqual([
        c.name,
        'CANCELLED',
        c.ahead,
      ]);
      const handed = providerNotificationFor(TICKET, reassign, slice);
      expect([c.name, handed?.type, 'sessionCalendar' in (handed ?? {})]).toEqual([
        c.name,
        'PROVIDER_ASSIGNED',
        c.confirmedAhead,
      ]);
    }
  });
});
