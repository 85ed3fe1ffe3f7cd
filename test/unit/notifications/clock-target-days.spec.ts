import { Locale } from '../../../src/identity/locale.enum';
import type { NotificationEvent } from '../../../src/notifications/notification-event';
import { renderEmail } from '../../../src/notifications/templates/render-email';
import {
  RENDER_OPTIONS,
  SAMPLE_EVENTS,
  SAMPLE_TICKET,
  sampleRecipient,
} from '../fixtures/sample-email';
import { notificationsFor } from '../../../src/tickets/ticket-notifications';
import type { TimelineEvent } from '../../../workflows/ticket/ticket.contract';
import type { ReadModelSlice } from '../../../workflows/ticket/ticket-projection';

// QA S18 (L3-08, L3-09): no email writes «5 días hábiles» or «2 días hábiles» by heart. The target
// of a requirement's diagnosis or scheduling clock is the one the ticket's clock run holds (the
// same amount the ticket page explains), carried on the event; a ticket whose diagnosis target is
// 3 days (or 1: the singular) is told so, in es-MX and en, to the client and to the agent.

const to = sampleRecipient;
const text = (event: NotificationEvent, locale = Locale.ES_MX) =>
  renderEmail(event, to(locale), RENDER_OPTIONS)!.text;

/** Every email that speaks of a requirement clock, with the target it is given. */
const speaking = (days: number): [string, NotificationEvent][] => [
  [
    'classified requirement (diagnosis)',
    { ...SAMPLE_EVENTS.CLASSIFIED, classification: 'REQUIREMENT', clockTargetDays: days },
  ],
  [
    'diagnosis paused on the client',
    { ...SAMPLE_EVENTS.INFO_REQUESTED, pausedClock: 'diagnosis', clockTargetDays: days },
  ],
  [
    'estimate authorized (scheduling)',
    { ...SAMPLE_EVENTS.AUTHORIZATION_RECORDED, clockTargetDays: days },
  ],
  [
    'agent: requirement assigned (diagnosis)',
    {
      ...SAMPLE_EVENTS.PROVIDER_ASSIGNED,
      initial: 'AUTOMATIC',
      classification: 'REQUIREMENT',
      clockTargetDays: days,
    },
  ],
  [
    'agent: estimate authorized (scheduling)',
    {
      ...SAMPLE_EVENTS.PROVIDER_CLIENT_ACTIVITY,
      activity: 'ESTIMATE_AUTHORIZED',
      clockTargetDays: days,
    },
  ],
  [
    'agent: estimate rejected (diagnosis)',
    {
      ...SAMPLE_EVENTS.PROVIDER_CLIENT_ACTIVITY,
      activity: 'ESTIMATE_REJECTED',
      clockTargetDays: days,
    },
  ],
];

describe('requirement clock targets in emails come from the ticket’s clock (QA S18; L3-08, L3-09)', () => {
  it.each(speaking(3))('%s: 3 days, es-MX and en', (_, event) => {
    expect(text(event)).toContain('3 días hábiles');
    expect(text(event, Locale.EN)).toContain('3 business days');
    expect(text(event)).not.toMatch(/\b[25] días hábiles/);
    expect(text(event, Locale.EN)).not.toMatch(/\b[25][ -]business[ -]days?/);
  });

  it.each(speaking(1))('%s: 1 day is singular', (_, event) => {
    expect(text(event)).toContain('1 día hábil');
    expect(text(event)).not.toContain('1 días');
    expect(text(event, Locale.EN)).toContain('1 business day');
    expect(text(event, Locale.EN)).not.toContain('1 business days');
  });

  it('an event recorded before the target was carried reads the contract’s clockTarget', () => {
    expect(text({ ...SAMPLE_EVENTS.CLASSIFIED, classification: 'REQUIREMENT' })).toContain(
      'En un máximo de 5 días hábiles',
    );
    expect(text(SAMPLE_EVENTS.AUTHORIZATION_RECORDED)).toContain('En un máximo de 2 días hábiles');
  });

  it('the classification of a requirement carries its diagnosis clock’s target from the batch', () => {
    const classify: TimelineEvent = {
      seq: 4,
      type: 'classify',
      at: '2026-03-02T16:00:00.000Z',
      actor: { userId: 'u-agent', role: 'AGENT' } as never,
      data: { classification: 'REQUIREMENT', requirementKind: 'DEVELOPMENT' },
    };
    const slice = {
      assigneeId: 'u-agent',
      classification: 'REQUIREMENT',
      releaseDate: null,
      details: { estimates: [], authorizations: [] },
      clocks: [
        {
          kind: 'diagnosis',
          status: 'RUNNING',
          deadline: '2026-03-05T16:00:00.000Z',
          target: { amount: 3, unit: 'days' },
        },
      ],
    } as unknown as ReadModelSlice;
    const [classified] = notificationsFor(SAMPLE_TICKET, classify, slice);
    expect(classified).toMatchObject({ type: 'CLASSIFIED', clockTargetDays: 3 });
    expect(text(classified)).toContain('En un máximo de 3 días hábiles');
  });
});
