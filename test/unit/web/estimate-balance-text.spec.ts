import { ticketPageEn } from '../../../web/src/i18n/ticket-page.en';
import { ticketPageEsMX } from '../../../web/src/i18n/ticket-page.es-mx';

// QA S50 (L3-12): «Enviar estimación» wrote «Excede en 19960 h…» under a refusal that says
// «como máximo 10,000»: one form, two ways of writing a number. The balance hints group thousands
// as every other figure of the app does, in each language.
describe("the estimate form's balance hints", () => {
  it('group thousands in Spanish and English', () => {
    expect(ticketPageEsMX.estimateOverBalance(19_960)).toBe(
      'Excede en 19,960 h las horas disponibles del cliente: no podrá autorizarla sin comprar más horas.',
    );
    expect(ticketPageEsMX.estimateBalance(1_234.5)).toBe('El cliente tiene 1,234.5 h disponibles.');
    expect(ticketPageEsMX.releaseHoursLogged(1_002)).toBe(
      'Horas registradas en este ticket: 1,002 h.',
    );
    expect(ticketPageEn.estimateOverBalance(19_960)).toBe(
      "It exceeds the client's available hours by 19,960 h: they cannot authorize it without buying more hours.",
    );
    expect(ticketPageEn.estimateBalance(1_234.5)).toBe('The client has 1,234.5 h available.');
    expect(ticketPageEn.releaseHoursLogged(1_002)).toBe('Hours logged on this ticket: 1,002 h.');
  });
});
