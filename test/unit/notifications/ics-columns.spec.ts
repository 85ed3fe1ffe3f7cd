import { icsColumns } from '../../../src/notifications/ics-columns';
import { renderEmail } from '../../../src/notifications/templates/render-email';
import { RENDER_OPTIONS, SAMPLE_EVENTS, sampleRecipient } from '../fixtures/sample-email';

// L3-06, L3-11 (review of QA S62): an outbox row says what its calendar files do (ics_method) and
// which of the ticket's entries they carry (ics_entries), from the email as rendered: who holds a
// calendar entry is read from them, not from the files' base64.

const N = 'L3-2026-000123';
const file = (entry: string, method: 'REQUEST' | 'CANCEL') => ({
  filename: `${N}-${entry}.ics`,
  contentType: `text/calendar; charset=utf-8; method=${method}`,
  content: '',
});

describe('ics columns of an outbox email', () => {
  it('none without a calendar file; the method and the entries with', () => {
    expect(icsColumns([], N)).toEqual({ icsMethod: null, icsEntries: null });
    expect(icsColumns([file('remote-session', 'REQUEST')], N)).toEqual({
      icsMethod: 'REQUEST',
      icsEntries: ['remote-session'],
    });
    expect(icsColumns([file('release', 'CANCEL'), file('remote-session', 'CANCEL')], N)).toEqual({
      icsMethod: 'CANCEL',
      icsEntries: ['release', 'remote-session'],
    });
  });

  it('an email that both requests and cancels is a template bug, refused', () => {
    expect(() =>
      icsColumns([file('release', 'CANCEL'), file('remote-session', 'REQUEST')], N),
    ).toThrow(/both requests and cancels/);
  });

  it('every sample email with calendar files requests or cancels them all, as rendered', () => {
    const recipient = sampleRecipient();
    for (const event of Object.values(SAMPLE_EVENTS)) {
      const email = renderEmail(event, recipient, RENDER_OPTIONS);
      if (!email) continue;
      const { icsMethod, icsEntries } = icsColumns(email.attachments, event.ticket.number);
      expect({ type: event.type, icsEntries: icsEntries?.length ?? 0 }).toEqual({
        type: event.type,
        icsEntries: email.attachments.length,
      });
      if (icsMethod)
        expect(email.attachments.every((a) => a.contentType.endsWith(icsMethod))).toBe(true);
    }
  });
});
