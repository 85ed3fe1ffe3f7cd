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

  it('a closed ticket says its unused hours went back, never «send a change order» (QA S16)', () => {
    // QA S16: a requirement closed with none of its 14 authorized hours logged read «Las horas
    // autorizadas de este ticket ya se usaron: … envía una orden de cambio», on a ticket that
    // takes no change order; its reservation had gone back to the client's balance.
    expect(logHoursOffer({ noCharge: false, heldHours: 0, authorized: true, closed: true })).toBe(
      'closed',
    );
    expect(logHoursOffer({ noCharge: false, heldHours: 0, authorized: false, closed: true })).toBe(
      'closed',
    );
    expect(logHoursOffer({ noCharge: true, heldHours: 0, authorized: true, closed: true })).toBe(
      'offer',
    );
    expect(esMX.timeEntries.unavailable.closed).toBe(
      'El ticket está cerrado: las horas autorizadas que no se usaron volvieron al saldo del cliente. Para registrar horas, márquelo «Sin cargo al paquete».',
    );
    expect(en.timeEntries.unavailable.closed).not.toContain('change order');
  });

  it('says why, in Spanish and English, pointing to what would allow it', () => {
    expect(esMX.timeEntries.unavailable.noEstimate).toContain('«Sin cargo al paquete»');
    expect(esMX.timeEntries.unavailable.noHoursLeft).toContain('orden de cambio');
    expect(en.timeEntries.unavailable.noEstimate).toContain('“No charge to the package”');
    expect(en.timeEntries.unavailable.noHoursLeft).toContain('change order');
  });
});
