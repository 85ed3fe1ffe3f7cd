import { Locale } from '../../../src/identity/locale.enum';
import {
  noChargeEventKey,
  renderNoChargeEmail,
  type NoChargeEmailInput,
} from '../../../src/contracts/no-charge-email';
import { RENDER_OPTIONS, SAMPLE_TICKET, sampleRecipient } from '../fixtures/sample-email';

// L3-11, L3-18: each no-charge decision is told to the ticket's registrant, in their language and
// time zone, with the reason verbatim (escaped in HTML) and what it does to the hours.

const OPTIONS = RENDER_OPTIONS;
const ES = sampleRecipient(Locale.ES_MX);
const EN = sampleRecipient(Locale.EN, { timeZone: 'Asia/Tokyo' });
const WAIVED: NoChargeEmailInput = {
  ticket: { number: SAMPLE_TICKET.number, subject: 'Duda de facturación' },
  noCharge: true,
  reason: 'Consulta <básica> de primer nivel',
  decidedAt: new Date('2026-11-20T18:00:00.000Z'),
  decidedByName: 'Alex Agent',
  releasedHours: 3.5,
  reservedHours: 0,
};

describe('no-charge decision email (L3-18, L3-11)', () => {
  it('tells the registrant in Spanish: subject, who, when, the reason, the hours released, the link', () => {
    const es = renderNoChargeEmail(WAIVED, ES, OPTIONS);
    expect(es.subject).toBe(
      '[L3-2026-000123] Ticket sin cargo al paquete de horas: Duda de facturación',
    );
    expect(es.locale).toBe(Locale.ES_MX);
    expect(es.text).toContain(
      'Alex Agent marcó el ticket L3-2026-000123 sin cargo a su paquete de horas.',
    );
    expect(es.text).toContain('Consulta <básica> de primer nivel');
    expect(es.text).toContain('Horas reservadas liberadas: 3.5 h');
    expect(es.text).toContain('no se descuentan de su paquete de horas');
    expect(es.text).toContain('https://soporte.example/tickets/L3-2026-000123');
    expect(es.html).toContain('Consulta &lt;básica&gt; de primer nivel');
    expect(es.html).not.toContain('<básica>');
  });

  it('in English for an English reader, dates in their zone', () => {
    const en = renderNoChargeEmail(WAIVED, EN, OPTIONS);
    expect(en.subject).toBe(
      '[L3-2026-000123] Ticket free of charge to the hour package: Duda de facturación',
    );
    expect(en.text).toContain('Reserved hours released: 3.5 h');
    expect(en.text).toMatch(/Date: .*\(Japan Standard Time\)/);
  });

  it('charged again: its own subject, the hours held again, no "released" line', () => {
    const again = { ...WAIVED, noCharge: false, releasedHours: 0, reservedHours: 2 };
    const es = renderNoChargeEmail(again, ES, OPTIONS);
    expect(es.subject).toBe(
      '[L3-2026-000123] El ticket vuelve a cobrarse al paquete de horas: Duda de facturación',
    );
    expect(es.text).toContain('Horas reservadas de nuevo: 2 h');
    expect(es.text).not.toContain('liberadas');
    expect(renderNoChargeEmail(again, EN, OPTIONS).subject).toBe(
      '[L3-2026-000123] Ticket charged to the hour package again: Duda de facturación',
    );
  });

  it('one key per decision', () => {
    expect(noChargeEventKey('L3-2026-000123', '7')).toBe('ticket-no-charge:L3-2026-000123:7');
    expect(noChargeEventKey('L3-2026-000123', '8')).not.toBe(
      noChargeEventKey('L3-2026-000123', '7'),
    );
  });
});
