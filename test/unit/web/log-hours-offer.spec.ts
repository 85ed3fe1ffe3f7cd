import { planConsumption } from '../../../src/contracts/ledger-rules';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import { logHoursOffer } from '../../../web/src/tickets/log-hours-offer';

// L3-12, L3-18: «Registrar horas» is offered only when the API would take the entry. QA S14-F: it
// was offered on a problem ticket with no estimate, and the API refused every entry.

/** What the API does with 0.25 h (the smallest entry) on a ticket holding `held` hundredths. */
function apiAccepts(ticket: { held?: number; noCharge: boolean }): boolean {
  const tickets = new Map(
    ticket.held === undefined ? [] : [['L3-2026-000001', { held: ticket.held, consumed: 0 }]],
  );
  const balance = { tickets } as unknown as Parameters<typeof planConsumption>[0];
  try {
    planConsumption(balance, {
      ticketNumber: 'L3-2026-000001',
      hundredths: 25,
      noCharge: ticket.noCharge,
    });
    return true;
  } catch {
    return false;
  }
}

describe('«Registrar horas» only when the API accepts it (L3-12, L3-18)', () => {
  it.each([
    ['a problem ticket with no estimate, charged', undefined, false, false, 'noEstimate'],
    ['a problem ticket with no estimate, no-charge', undefined, true, false, 'offer'],
    ['an authorized estimate holding 8 h', 800, false, true, 'offer'],
    ['an authorized estimate used up', 0, false, true, 'noHoursLeft'],
    ['an estimate used up, then made no-charge', 0, true, true, 'offer'],
  ] as const)('%s', (_label, held, noCharge, authorized, expected) => {
    const offer = logHoursOffer({ noCharge, heldHours: (held ?? 0) / 100, authorized });
    expect(offer).toBe(expected);
    // The same rule as the API's ledger.
    expect(offer === 'offer').toBe(apiAccepts({ held, noCharge }));
  });

  it('says why, in Spanish and English, pointing to what would allow it', () => {
    expect(esMX.timeEntries.unavailable.noEstimate).toContain('«Sin cargo al paquete»');
    expect(esMX.timeEntries.unavailable.noHoursLeft).toContain('orden de cambio');
    expect(en.timeEntries.unavailable.noEstimate).toContain('“No charge to the package”');
    expect(en.timeEntries.unavailable.noHoursLeft).toContain('change order');
  });
});
