import { Locale } from '../../../src/identity/locale.enum';
import type { NotificationEvent } from '../../../src/notifications/notification-event';
import { selectRecipients, ticketAudiences } from '../../../src/notifications/recipient-rules';
import {
  renderEmail,
  type EmailRecipient,
  type RenderOptions,
} from '../../../src/notifications/templates/render-email';
import { candidate } from '../fixtures/recipient-candidate';
import { NAMED_OPTIONS, SAMPLE_EVENTS, SAMPLE_TICKET } from '../fixtures/sample-email';

// L3-11 (QA S63 #6): an email that reaches someone because a user of the ticket is deactivated
// says so, in gender-neutral words (QA S63 #10): the approver standing in for an inactive
// registrant reads why it reaches them; staff read that the ticket's assignee is inactive.

const SARA = SAMPLE_TICKET.registrantId;
const ANGEL = 'u-angel';
const OPTIONS: RenderOptions = {
  ...NAMED_OPTIONS,
  names: new Map([...NAMED_OPTIONS.names, [SARA, 'Sara Saliente'], [ANGEL, 'Ángel Saliente']]),
};
const APPROVER: EmailRecipient = {
  id: 'u-approver',
  email: 'aprobador@aurora.example',
  displayName: 'Arturo Aprobador',
  locale: Locale.ES_MX,
  timeZone: 'America/Mexico_City',
  side: 'CLIENT',
};
const AGENT: EmailRecipient = {
  id: 'u-alex',
  email: 'agente@becken.example',
  displayName: 'Alex Agent',
  locale: Locale.EN,
  timeZone: 'America/Mexico_City',
  side: 'STAFF',
};
const STAND_IN_ES =
  'Le llega porque Sara Saliente, quien registró el ticket, tiene la cuenta inactiva.';
const STAND_IN_EN =
  'You get this because Sara Saliente, who registered the ticket, has an inactive account.';
const REASSIGN_ES = 'Asignado a Ángel Saliente (cuenta inactiva): reasígnelo.';
const REASSIGN_EN = 'Assigned to Ángel Saliente (inactive account): reassign it.';

function render(event: NotificationEvent, recipient: EmailRecipient, options = OPTIONS) {
  const email = renderEmail(event, recipient, options);
  if (!email) throw new Error(`${event.type} rendered no email`);
  return email;
}

describe('emails redirected because a user is inactive say why (QA S63 #6, L3-11)', () => {
  it('a stand-in approver is greeted by name and told the registrant is inactive, in es-MX and en', () => {
    const es = render(SAMPLE_EVENTS.COMMENT_ADDED, { ...APPROVER, standsInFor: SARA });
    expect(es.text.startsWith('Hola, Arturo Aprobador:\n')).toBe(true);
    expect(es.text).not.toContain('Hola, Sara');
    expect(es.text).toContain(`${STAND_IN_ES}\n\nVer el ticket:`);
    expect(es.html).toContain(`<p>${STAND_IN_ES}</p>`);
    // Gender-neutral (QA S63 #10): the account is inactive, not «inactivo» / «inactiva» Sara.
    expect(es.text).not.toContain('está inactiv');
    const en = render(SAMPLE_EVENTS.COMMENT_ADDED, {
      ...APPROVER,
      locale: Locale.EN,
      standsInFor: SARA,
    });
    expect(en.text.startsWith('Hello Arturo Aprobador,\n')).toBe(true);
    expect(en.text).toContain(STAND_IN_EN);
  });

  it('says nothing of it to a reader who is not standing in, nor to staff', () => {
    for (const type of ['COMMENT_ADDED', 'ESTIMATE_SUBMITTED', 'PROGRESS_UPDATE'] as const) {
      const email = render(SAMPLE_EVENTS[type], APPROVER);
      expect([type, email.text.includes('cuenta inactiva')]).toEqual([type, false]);
    }
    const staff = render(SAMPLE_EVENTS.PROVIDER_CLIENT_ACTIVITY, { ...AGENT, standsInFor: SARA });
    expect(staff.text).not.toContain('registered the ticket');
  });

  it('staff read that the assignee is inactive and to reassign it; the client never does', () => {
    const withAssignee: RenderOptions = { ...OPTIONS, inactiveAssigneeId: ANGEL };
    for (const type of ['PROVIDER_CLIENT_ACTIVITY', 'SLA_AT_RISK', 'SLA_BREACHED'] as const) {
      const en = render(SAMPLE_EVENTS[type], AGENT, withAssignee);
      expect([type, en.text]).toEqual([type, expect.stringContaining(`${REASSIGN_EN}\n\nOpen`)]);
      const es = render(SAMPLE_EVENTS[type], { ...AGENT, locale: Locale.ES_MX }, withAssignee);
      expect([type, es.text]).toEqual([type, expect.stringContaining(REASSIGN_ES)]);
      // Without an inactive assignee, not a word of it.
      expect(render(SAMPLE_EVENTS[type], AGENT).text).not.toContain('inactive');
    }
    const client = render(SAMPLE_EVENTS.COMMENT_ADDED, APPROVER, withAssignee);
    expect(client.text).not.toContain('cuenta inactiva');
  });

  it("a manager's once-per-ticket copy says the rest goes to the agents", () => {
    const es = render(
      SAMPLE_EVENTS.PROVIDER_CLIENT_ACTIVITY,
      {
        ...AGENT,
        email: 'gerente@becken.example',
        displayName: 'Gerardo Gerente',
        locale: Locale.ES_MX,
        managersOnce: true,
      },
      { ...OPTIONS, inactiveAssigneeId: ANGEL },
    );
    expect(es.text.startsWith('Hola, Gerardo Gerente:\n')).toBe(true);
    expect(es.text).toContain(
      `${REASSIGN_ES}\n\nLos gerentes reciben este aviso una vez por ticket; lo que el cliente haga después llega a los agentes hasta que se reasigne.`,
    );
    const agent = render(SAMPLE_EVENTS.PROVIDER_CLIENT_ACTIVITY, AGENT, {
      ...OPTIONS,
      inactiveAssigneeId: ANGEL,
    });
    expect(agent.text).not.toContain('Managers get this notice');
  });

  it('selectRecipients keeps the stand-in reason only for whom nothing else reaches', () => {
    const standIn = (email: string) => ({ ...candidate(email), standsInFor: SARA });
    const recipients = selectRecipients(
      {
        REGISTRANT: [standIn('ap1@c.example'), standIn('ap2@c.example'), standIn('ap3@c.example')],
        PARTICIPANTS: [candidate('AP2@c.example')],
        CLIENT_APPROVERS: [candidate('ap3@c.example')],
      },
      ticketAudiences('ESTIMATE_SUBMITTED'),
    );
    expect(recipients.map((r) => [r.email, r.standsInFor])).toEqual([
      ['ap1@c.example', SARA],
      ['ap2@c.example', undefined],
      ['ap3@c.example', undefined],
    ]);
  });
});
