import { esMX } from '../../../web/src/i18n/es-mx';

// QA S18 (L3-09): the client reads «estimación» everywhere (the estimates table, the actions, the
// emails), so the banner that asks for the authorization says it too, not «El estimado v1».

describe('one word for an estimate in the Spanish app (L3-09)', () => {
  it('the waiting-on-you banner asks to authorize «la estimación»', () => {
    expect(esMX.clientAnswer.banner.authorize(1, 12)).toBe(
      'La estimación v1 (12 h) espera su autorización por escrito.',
    );
  });

  it('a link to a version the ticket does not have names «una estimación»', () => {
    expect(esMX.ticketPage.estimateNotFound(3)).toBe('Este ticket no tiene una estimación v3.');
  });
});
