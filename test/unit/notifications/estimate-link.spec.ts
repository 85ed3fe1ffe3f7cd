import { Locale } from '../../../src/identity/locale.enum';
import { renderEmail } from '../../../src/notifications/templates/render-email';
import { estimatePath, matchTicketRoute } from '../../../web/src/router/routes';
import {
  RENDER_OPTIONS,
  SAMPLE_EVENTS,
  SAMPLE_TICKET,
  sampleRecipient,
} from '../fixtures/sample-email';

// Issue 5, L3-09, L3-11: the estimate emails' "review and authorize" link opens a route the web
// app serves (the ticket page showing that estimate version), never "page not found".

const RECIPIENT = sampleRecipient(Locale.ES_MX, {
  email: 'aprobador@aurora.example',
  displayName: 'Arturo Aprobador',
});

/** The href of the email's main action button. */
function actionLink(html: string): URL {
  const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  const estimate = hrefs.find((h) => h.includes('/estimaciones/'));
  if (!estimate) throw new Error(`no estimate link in ${hrefs.join(', ')}`);
  return new URL(estimate);
}

describe('estimate email link (issue 5, L3-09, L3-11)', () => {
  it.each(['ESTIMATE_SUBMITTED', 'ESTIMATE_REMINDER'] as const)(
    '%s links the ticket page route of that estimate version',
    (type) => {
      const event = SAMPLE_EVENTS[type];
      const email = renderEmail(event, RECIPIENT, RENDER_OPTIONS);
      expect(email).not.toBeNull();
      const link = actionLink(email!.html);
      expect(link.origin).toBe('https://soporte.example');
      expect(link.pathname).toBe(estimatePath(SAMPLE_TICKET.number, 1));
      expect(matchTicketRoute(link.pathname)).toEqual({
        number: SAMPLE_TICKET.number,
        estimateVersion: 1,
      });
      expect(email!.text).toContain(
        `https://soporte.example${estimatePath(SAMPLE_TICKET.number, 1)}`,
      );
    },
  );

  it('CHANGE_ORDER_REMINDER links the ticket page route of that change order (L3-12)', () => {
    const email = renderEmail(SAMPLE_EVENTS.CHANGE_ORDER_REMINDER, RECIPIENT, RENDER_OPTIONS);
    const link = actionLink(email!.html);
    expect(link.pathname).toBe(estimatePath(SAMPLE_TICKET.number, 2));
    expect(matchTicketRoute(link.pathname)).toEqual({
      number: SAMPLE_TICKET.number,
      estimateVersion: 2,
    });
  });

  it('the web route reads the ticket page and the estimate page, and nothing else', () => {
    expect(matchTicketRoute('/tickets/L3-2026-000123')).toEqual({ number: 'L3-2026-000123' });
    expect(matchTicketRoute('/tickets/L3-2026-000123/estimaciones/12')).toEqual({
      number: 'L3-2026-000123',
      estimateVersion: 12,
    });
    // The English path that emails sent before the Spanish one link to still opens the estimate.
    expect(matchTicketRoute('/tickets/L3-2026-000123/estimates/12')).toEqual({
      number: 'L3-2026-000123',
      estimateVersion: 12,
    });
    expect(estimatePath('L3-2026-000123', 3)).toBe('/tickets/L3-2026-000123/estimaciones/3');
    expect(matchTicketRoute('/tickets/L3-2026-000123/estimaciones/0')).toBeNull();
    expect(matchTicketRoute('/tickets/L3-2026-000123/estimaciones/x')).toBeNull();
    expect(matchTicketRoute('/tickets/L3-2026-000123/estimacion/1')).toBeNull();
    expect(matchTicketRoute('/tickets/L3-2026-000123/estimates/0')).toBeNull();
    expect(matchTicketRoute('/tickets/L3-2026-000123/estimates/x')).toBeNull();
    expect(matchTicketRoute('/tickets/%E0%A4%A')).toBeNull();
    expect(matchTicketRoute('/ticket/L3-2026-000123')).toBeNull();
  });
});
