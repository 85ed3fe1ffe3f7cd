import { Locale } from '../../../src/identity/locale.enum';
import type { NotificationEvent } from '../../../src/notifications/notification-event';
import { renderEmail } from '../../../src/notifications/templates/render-email';
import { RENDER_OPTIONS, SAMPLE_EVENTS, sampleRecipient } from '../fixtures/sample-email';

// QA S18 (L3-08, L3-09, L3-12): an email never writes a bare number of hours: «Horas estimadas:
// 12.5 h» in Spanish and English alike, in the estimate, its reminders, the change order's and
// the authorization's facts, and the closure's hours.

const EVENTS = SAMPLE_EVENTS;
const OPTIONS = RENDER_OPTIONS;
const recipient = sampleRecipient;

const CASES: [string, NotificationEvent][] = [
  ['estimate', EVENTS.ESTIMATE_SUBMITTED],
  ['change order', { ...EVENTS.ESTIMATE_SUBMITTED, additionalHours: 4, hours: 16.5 }],
  ['estimate reminder', EVENTS.ESTIMATE_REMINDER],
  ['change order reminder', EVENTS.CHANGE_ORDER_REMINDER],
  ['authorization', { ...EVENTS.AUTHORIZATION_RECORDED, hours: 12.5 }],
  [
    'change order authorization',
    { ...EVENTS.AUTHORIZATION_RECORDED, additionalHours: 4, hours: 16.5 },
  ],
  ['closure', { ...EVENTS.CLOSED, chargedHours: 0, loggedHours: 2 }],
];

/** The facts lines about hours: «Horas estimadas: 12.5 h», «Total autorizado…: 19 h». */
const hourLines = (text: string): string[] =>
  text
    .split('\n')
    .filter((l) =>
      /^(Horas[^:]*|[A-Za-z ]*[Hh]ours[^:]*|Total autorizado[^:]*|Authorized total[^:]*): /.test(l),
    );

describe('hours always with their unit in emails (QA S18; L3-08, L3-09, L3-12)', () => {
  it.each(CASES)('%s, es-MX and en', (_, event) => {
    for (const locale of [Locale.ES_MX, Locale.EN]) {
      const lines = hourLines(renderEmail(event, recipient(locale), OPTIONS)!.text);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(/: \+?\d[\d.,]* h$/);
    }
  });

  it('«Horas estimadas: 12.5 h» and «Estimated hours: 12.5 h»', () => {
    const es = renderEmail(EVENTS.ESTIMATE_SUBMITTED, recipient(Locale.ES_MX), OPTIONS)!.text;
    expect(es).toContain('Horas estimadas: 12.5 h');
    const en = renderEmail(EVENTS.ESTIMATE_REMINDER, recipient(Locale.EN), OPTIONS)!.text;
    expect(en).toContain('Estimated hours: 12.5 h');
  });
});
