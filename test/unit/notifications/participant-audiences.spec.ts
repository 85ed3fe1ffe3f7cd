import type { NotificationEventType } from '../../../src/notifications/notification-event';
import {
  RECIPIENT_RULES,
  selectRecipients,
  ticketAudiences,
} from '../../../src/notifications/recipient-rules';
import { candidate } from '../fixtures/recipient-candidate';

// L3-11 (S19): a ticket's participants hear whatever its registrant hears, and nothing else.

const user = candidate;
const TYPES = Object.keys(RECIPIENT_RULES) as NotificationEventType[];

describe('L3-11 ticket participants in the recipient rules', () => {
  it('adds the participants right after the registrant, wherever the registrant is an audience', () => {
    for (const type of TYPES) {
      const rule = RECIPIENT_RULES[type];
      const expected = rule.flatMap((a) => (a === 'REGISTRANT' ? [a, 'PARTICIPANTS'] : [a]));
      expect([type, ticketAudiences(type)]).toEqual([type, expected]);
    }
    expect(ticketAudiences('ESTIMATE_SUBMITTED')).toEqual([
      'REGISTRANT',
      'PARTICIPANTS',
      'CLIENT_APPROVERS',
    ]);
  });

  it('never tells participants what the registrant does not hear (SLA warnings, provider notices, notes)', () => {
    for (const type of [
      'SLA_AT_RISK',
      'SLA_BREACHED',
      'PROVIDER_NEW_TICKET',
      'PROVIDER_CLIENT_ACTIVITY',
      'INTERNAL_NOTE',
    ] as const) {
      expect(ticketAudiences(type)).not.toContain('PARTICIPANTS');
    }
  });

  it('one copy per address (a registrant who participates) and none for a deactivated participant', () => {
    const recipients = selectRecipients(
      {
        REGISTRANT: [user('reg@c.example')],
        PARTICIPANTS: [user('REG@c.example'), user('ida@c.example', false), user('col@c.example')],
        CLIENT_APPROVERS: [user('col@c.example'), user('ap@c.example')],
      },
      ticketAudiences('ESTIMATE_SUBMITTED'),
    );
    expect(recipients.map((r) => [r.email, r.side])).toEqual([
      ['reg@c.example', 'CLIENT'],
      ['col@c.example', 'CLIENT'],
      ['ap@c.example', 'CLIENT'],
    ]);
  });
});
