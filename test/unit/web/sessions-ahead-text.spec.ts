import { accountTexts } from '../../../web/src/users/account-texts';

// L3-06, QA S63 #2: the deactivation dialog tells the remote sessions ahead the client confirmed
// (already in the agent's calendar: the new agent gets the invitation when the ticket is
// reassigned) from those only proposed (the new agent gets it when the client confirms), and
// names only the kinds there are.

describe('the remote sessions ahead in the deactivation dialog', () => {
  it('Spanish: confirmed only, proposed only, both, singular and plural', () => {
    const { sessionsAhead } = accountTexts('es-MX');
    expect(sessionsAhead(1, 0)).toBe(
      'Tiene 1 sesión remota confirmada por delante con un cliente: al reasignar el ticket, la sesión pasa al nuevo agente, que recibe la invitación al momento.',
    );
    expect(sessionsAhead(2, 0)).toBe(
      'Tiene 2 sesiones remotas confirmadas por delante con clientes: al reasignar sus tickets, cada sesión pasa al nuevo agente, que recibe la invitación al momento.',
    );
    expect(sessionsAhead(0, 1)).toBe(
      'Tiene 1 sesión remota propuesta por delante con un cliente, que aún no la confirma: al reasignar el ticket, la sesión pasa al nuevo agente, que recibe la invitación cuando el cliente la confirme.',
    );
    expect(sessionsAhead(0, 3)).toBe(
      'Tiene 3 sesiones remotas propuestas por delante con clientes, que aún no las confirman: al reasignar sus tickets, cada sesión pasa al nuevo agente, que recibe la invitación cuando el cliente la confirme.',
    );
    expect(sessionsAhead(2, 1)).toBe(
      'Tiene 3 sesiones remotas por delante con clientes: 2 confirmadas, cuyas invitaciones recibe el nuevo agente al reasignar sus tickets, y 1 propuesta que el cliente aún no confirma, cuya invitación le llega cuando la confirme.',
    );
    expect(sessionsAhead(1, 2)).toBe(
      'Tiene 3 sesiones remotas por delante con clientes: 1 confirmada, cuya invitación recibe el nuevo agente al reasignar sus tickets, y 2 propuestas que los clientes aún no confirman, cuyas invitaciones le llegan cuando las confirmen.',
    );
    // Only the kinds there are.
    expect(sessionsAhead(4, 0)).not.toMatch(/propuest/);
    expect(sessionsAhead(0, 4)).not.toMatch(/confirmad/);
  });

  it('English: the same cases', () => {
    const { sessionsAhead } = accountTexts('en');
    expect(sessionsAhead(1, 0)).toBe(
      'They have 1 confirmed remote session ahead with a client: reassigning the ticket hands the session to the new agent, who gets the invitation at once.',
    );
    expect(sessionsAhead(2, 0)).toBe(
      'They have 2 confirmed remote sessions ahead with clients: reassigning their tickets hands each session to the new agent, who gets the invitation at once.',
    );
    expect(sessionsAhead(0, 1)).toBe(
      'They have 1 proposed remote session ahead with a client, who has not confirmed it yet: reassigning the ticket hands the session to the new agent, who gets the invitation when the client confirms it.',
    );
    expect(sessionsAhead(0, 3)).toBe(
      'They have 3 proposed remote sessions ahead with clients, who have not confirmed them yet: reassigning their tickets hands each session to the new agent, who gets the invitation when the client confirms it.',
    );
    expect(sessionsAhead(2, 1)).toBe(
      'They have 3 remote sessions ahead with clients: 2 confirmed, whose invitations the new agent gets on reassigning their tickets, and 1 proposed that the client has not confirmed yet, whose invitation reaches the new agent when the client confirms it.',
    );
    expect(sessionsAhead(1, 2)).toBe(
      'They have 3 remote sessions ahead with clients: 1 confirmed, whose invitation the new agent gets on reassigning their tickets, and 2 proposed that the clients have not confirmed yet, whose invitations reach the new agent as the clients confirm them.',
    );
  });
});
