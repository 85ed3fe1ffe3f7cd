import { closureHoursEn } from '../../../web/src/i18n/closure-hours.en';
import { closureHoursEsMX } from '../../../web/src/i18n/closure-hours.es-mx';

// QA S20 (L3-09, L3-12/L3-13): before «Aceptar entrega» the approver reads the hours the closure
// charges of those authorized and gives back, the figures «Ticket cerrado» then reports.

describe('«Aceptar entrega» with its hours', () => {
  it('says the hours charged of those authorized and the hours given back, in usted', () => {
    const hours = { chargedHours: 9.5, authorizedHours: 12, returnedHours: 2.5 };
    expect(closureHoursEsMX.acceptDelivery(hours)).toBe(
      'Al aceptar, el ticket se cierra. Se cobrarán 9.5 h de las 12 h autorizadas; se devolverán 2.5 h a su paquete.',
    );
    expect(closureHoursEn.acceptDelivery(hours)).toBe(
      'Accepting closes the ticket. 9.5 h of the 12 h authorized will be charged, and 2.5 h go back to your package.',
    );
  });

  it('says nothing goes back when the reservation was used up, and one hour in the singular', () => {
    const all = { chargedHours: 12, authorizedHours: 12, returnedHours: 0 };
    expect(closureHoursEsMX.acceptDelivery(all)).toBe(
      'Al aceptar, el ticket se cierra. Se cobrarán 12 h de las 12 h autorizadas.',
    );
    expect(closureHoursEn.acceptDelivery(all)).toBe(
      'Accepting closes the ticket. 12 h of the 12 h authorized will be charged.',
    );
    const one = { chargedHours: 1, authorizedHours: 1.25, returnedHours: 0.25 };
    expect(closureHoursEsMX.acceptDelivery(one)).toBe(
      'Al aceptar, el ticket se cierra. Se cobrará 1 h de las 1.25 h autorizadas; se devolverán 0.25 h a su paquete.',
    );
    expect(
      closureHoursEsMX.acceptDelivery({ chargedHours: 0, authorizedHours: 1, returnedHours: 1 }),
    ).toBe(
      'Al aceptar, el ticket se cierra. Se cobrarán 0 h de la 1 h autorizada; se devolverá 1 h a su paquete.',
    );
    expect(
      closureHoursEn.acceptDelivery({ chargedHours: 0, authorizedHours: 1, returnedHours: 1 }),
    ).toBe(
      'Accepting closes the ticket. 0 h of the 1 h authorized will be charged, and 1 h goes back to your package.',
    );
  });
});
