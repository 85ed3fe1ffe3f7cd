import type { NotificationEventType } from '../../../src/notifications/notification-event';
import { RECIPIENT_RULES, selectRecipients } from '../../../src/notifications/recipient-rules';
import { candidate } from '../fixtures/recipient-candidate';

// L3-11: who receives which event. Clients get client-visible events; SLA warnings go to the
// provider only (the assigned agent and the managers); internal notes reach nobody.

const user = candidate;

describe('L3-11 recipient rules', () => {
  it('L3-06..L3-09: SLA events go to the assigned agent (every agent while none) and the managers, never to clients', () => {
    for (const type of ['SLA_AT_RISK', 'SLA_BREACHED'] as const) {
      // The audience PROVIDER_DELIVERY_AT_RISK has: the one who must act and who watches SLAs.
      expect(RECIPIENT_RULES[type]).toEqual(RECIPIENT_RULES.PROVIDER_DELIVERY_AT_RISK);
    }
  });

  it('L3-11 provider side: the provider notices go to provider staff only, never to clients', () => {
    expect(RECIPIENT_RULES.PROVIDER_NEW_TICKET).toEqual(['PROVIDER_STAFF']);
    // S64 (L3-06): and who proposed the remote session the client answered.
    expect(RECIPIENT_RULES.PROVIDER_CLIENT_ACTIVITY).toEqual([
      'ASSIGNEE_OR_AGENTS',
      'SESSION_PROPOSER',
    ]);
    // QA S62 (L3-06): and the staff whose calendars hold a confirmed session it hands over.
    expect(RECIPIENT_RULES.PROVIDER_ASSIGNED).toEqual(['ASSIGNEE_OR_AGENTS', 'SESSION_HOLDERS']);
    // L3-19 (QA S59): a release date a calendar edit closed, to the agent who adjusts it.
    expect(RECIPIENT_RULES.PROVIDER_RELEASE_ON_CLOSED_DAY).toEqual(['ASSIGNEE_OR_AGENTS']);
    // L3-19: a delivery at risk reaches the agent working the ticket and the managers.
    expect(RECIPIENT_RULES.PROVIDER_DELIVERY_AT_RISK).toEqual(['ASSIGNEE_OR_AGENTS', 'MANAGERS']);
    const provider = new Set([
      'MANAGERS',
      'PROVIDER_STAFF',
      'ASSIGNEE_OR_AGENTS',
      'SESSION_HOLDERS',
      'SESSION_PROPOSER',
    ]);
    for (const [type, audiences] of Object.entries(RECIPIENT_RULES)) {
      if (type.startsWith('PROVIDER_') || type.startsWith('SLA_')) {
        expect(audiences.every((a) => provider.has(a))).toBe(true);
      } else {
        // QA S62: a withdrawn session also leaves the calendars of the staff who hold it.
        const staff = type === 'REMOTE_SESSION_WITHDRAWN' ? ['SESSION_HOLDERS'] : [];
        expect(audiences.filter((a) => a !== 'MANAGERS' && provider.has(a))).toEqual(staff);
      }
    }
  });

  it('internal notes go to nobody', () => {
    expect(RECIPIENT_RULES.INTERNAL_NOTE).toEqual([]);
  });

  it('estimates and authorizations go to the registrant and the approvers', () => {
    expect(RECIPIENT_RULES.ESTIMATE_SUBMITTED).toEqual(['REGISTRANT', 'CLIENT_APPROVERS']);
    expect(RECIPIENT_RULES.AUTHORIZATION_RECORDED).toEqual(['REGISTRANT', 'CLIENT_APPROVERS']);
    // L3-09: a rejection or a re-estimate request goes where the authorization would have gone.
    expect(RECIPIENT_RULES.ESTIMATE_REJECTED).toEqual(['REGISTRANT', 'CLIENT_APPROVERS']);
    expect(RECIPIENT_RULES.REESTIMATE_REQUESTED).toEqual(['REGISTRANT', 'CLIENT_APPROVERS']);
    // L3-09: the approval-wait reminder goes to whoever the estimate went to.
    expect(RECIPIENT_RULES.ESTIMATE_REMINDER).toEqual(['REGISTRANT', 'CLIENT_APPROVERS']);
    // L3-12: so does a change order's (it is sent like an estimate).
    expect(RECIPIENT_RULES.CHANGE_ORDER_REMINDER).toEqual(['REGISTRANT', 'CLIENT_APPROVERS']);
  });

  it('what an authorization set going reaches the approvers who authorized it too (L3-09)', () => {
    for (const type of [
      'RELEASE_DATE_SET',
      'DATE_ADJUSTED',
      // A date a calendar change moved is told where an adjusted one is (QA S53).
      'DEADLINE_MOVED',
      'DEVELOPMENT_STARTED',
      'RELEASED_FOR_TESTING',
      // QA S60 #4: failures reported on a release reach whom the release reached (the approver
      // who authorized the work heard nothing); the reporter is left out when rendering.
      'FAILURES_REPORTED',
      // L3-09: the reminder while the release waits for the client's tests goes where it went.
      'TESTING_REMINDER',
      'CLOSED',
      'CANCELLED',
    ] as const) {
      expect(RECIPIENT_RULES[type]).toEqual(['REGISTRANT', 'AUTHORIZERS']);
    }
  });

  it('every other event goes to the registrant alone, and no client event to managers', () => {
    const special = new Set<NotificationEventType>([
      'RELEASE_DATE_SET',
      'DATE_ADJUSTED',
      'DEADLINE_MOVED',
      'DEVELOPMENT_STARTED',
      'RELEASED_FOR_TESTING',
      'FAILURES_REPORTED',
      'TESTING_REMINDER',
      'CLOSED',
      'CANCELLED',
      'SLA_AT_RISK',
      'SLA_BREACHED',
      'INTERNAL_NOTE',
      'ESTIMATE_SUBMITTED',
      'AUTHORIZATION_RECORDED',
      'ESTIMATE_REJECTED',
      'REESTIMATE_REQUESTED',
      'ESTIMATE_REMINDER',
      'CHANGE_ORDER_REMINDER',
      'PROVIDER_NEW_TICKET',
      'PROVIDER_CLIENT_ACTIVITY',
      'PROVIDER_ASSIGNED',
      'PROVIDER_DELIVERY_AT_RISK',
      'PROVIDER_RELEASE_ON_CLOSED_DAY',
      'REMOTE_SESSION_WITHDRAWN',
    ]);
    expect(RECIPIENT_RULES.REMOTE_SESSION_WITHDRAWN).toEqual(['REGISTRANT', 'SESSION_HOLDERS']);
    const rest = (Object.keys(RECIPIENT_RULES) as NotificationEventType[]).filter(
      (t) => !special.has(t),
    );
    // QA S60b #6: REMOTE_SESSION_CANCELLED, to the registrant (and participants) the invitation reached.
    // QA S62 #9: REMOTE_SESSION_CONFIRMED, the same (EventExtras.reaches keeps those it reached).
    expect(rest).toHaveLength(14);
    for (const type of rest) expect(RECIPIENT_RULES[type]).toEqual(['REGISTRANT']);
  });

  it('selects only the audiences of the rule', () => {
    const byAudience = {
      REGISTRANT: [user('reg@c.example')],
      CLIENT_APPROVERS: [user('ap@c.example')],
      ASSIGNEE_OR_AGENTS: [user('agent@p.example')],
      MANAGERS: [user('mgr@p.example')],
    };
    expect(selectRecipients(byAudience, RECIPIENT_RULES.SLA_BREACHED).map((u) => u.email)).toEqual([
      'agent@p.example',
      'mgr@p.example',
    ]);
    // An assignee who is also a manager gets one email.
    expect(
      selectRecipients(
        { ...byAudience, ASSIGNEE_OR_AGENTS: [user('mgr@p.example')] },
        RECIPIENT_RULES.SLA_AT_RISK,
      ).map((u) => u.email),
    ).toEqual(['mgr@p.example']);
    expect(selectRecipients(byAudience, RECIPIENT_RULES.INTERNAL_NOTE)).toEqual([]);
    expect(
      selectRecipients(byAudience, RECIPIENT_RULES.PROGRESS_UPDATE).map((u) => u.email),
    ).toEqual(['reg@c.example']);
  });

  it("S64 (L3-06): the client's answer to a remote session reaches its proposer once, a manager or an agent, on the staff side", () => {
    const rule = RECIPIENT_RULES.PROVIDER_CLIENT_ACTIVITY;
    const emails = (byAudience: Parameters<typeof selectRecipients>[0]) =>
      selectRecipients(byAudience, rule).map((u) => `${u.email}:${u.side}`);
    // A manager proposed it: the assignee (or every agent) and the manager.
    expect(
      emails({
        ASSIGNEE_OR_AGENTS: [user('agent@p.example')],
        SESSION_PROPOSER: [user('mgr@p.example')],
      }),
    ).toEqual(['agent@p.example:STAFF', 'mgr@p.example:STAFF']);
    // The proposer has the ticket, or is one of the agents told while none has it: one email.
    expect(
      emails({
        ASSIGNEE_OR_AGENTS: [user('agent@p.example'), user('other@p.example')],
        SESSION_PROPOSER: [user('Agent@p.example')],
      }),
    ).toEqual(['agent@p.example:STAFF', 'other@p.example:STAFF']);
    // A deactivated proposer gets none.
    expect(
      emails({
        ASSIGNEE_OR_AGENTS: [user('agent@p.example')],
        SESSION_PROPOSER: [user('mgr@p.example', false)],
      }),
    ).toEqual(['agent@p.example:STAFF']);
  });

  it('sends one email per address and skips inactive users', () => {
    const recipients = selectRecipients(
      {
        REGISTRANT: [user('Both@c.example')],
        CLIENT_APPROVERS: [
          user('both@c.example'),
          user('gone@c.example', false),
          user('ap@c.example'),
        ],
      },
      ['REGISTRANT', 'CLIENT_APPROVERS'],
    );
    expect(recipients.map((u) => u.email)).toEqual(['Both@c.example', 'ap@c.example']);
  });
});
