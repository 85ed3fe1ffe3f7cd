import { accountTexts } from '../../../web/src/users/account-texts';

// QA S65 #5/#6 (L3-06): the hand-over form's help text reads naturally (no «recibe ... recibe»)
// and, like the dialog's sessionsAhead, says what happens to a session only proposed.

describe('the help text of «Reasignar sus tickets»', () => {
  it('Spanish: no repeated verb; confirmed and proposed sessions both explained', () => {
    const { reassignHow } = accountTexts('es-MX');
    expect(reassignHow).not.toMatch(/recibe recibe|lo recibe recibe/);
    expect(reassignHow).toContain('al nuevo agente le llega un correo por cada ticket');
    expect(reassignHow).toContain('una sesión remota confirmada pasa a su calendario');
    expect(reassignHow).toContain(
      'de una sesión solo propuesta le llega la invitación cuando el cliente la confirme',
    );
  });

  it('English: the same facts', () => {
    const { reassignHow } = accountTexts('en');
    expect(reassignHow).toContain('the new agent gets one email per ticket');
    expect(reassignHow).toContain(
      'for a session only proposed they get the invitation when the client confirms it',
    );
  });
});
