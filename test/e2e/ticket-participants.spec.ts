import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { ticketJourneys } from '../support/ticket-journeys';
import { logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// L3-11 (S19) «Participantes» on the ticket page: a client user of the organization follows a
// ticket for themselves; the registrant removes and adds people of the organization with the
// picker; provider staff read the list in their language, and who added or removed whom and when,
// which a client's page neither shows nor is sent.

const REGISTRANT = 'usuario@aurora.example';
const APPROVER = 'aprobador@aurora.example';
const AGENT = 'agente@becken.example';

describe('Ticket participants (web app, L3-11)', () => {
  const e2e = useE2eWorldWithWorker('ticket_participants');

  it('a colleague follows; the registrant removes and adds; staff read the list and its history', async () => {
    const journeys = ticketJourneys(e2e.world);
    const number = await journeys.registered();
    const names = async (page: Page) => page.getByTestId('participant-name').allInnerTexts();
    // Removes Arturo, then adds him back with the picker, in the page's words for each step
    // (`none`: what the emptied list says).
    const removeAndAdd = async (
      page: Page,
      words: Record<'remove' | 'removed' | 'none' | 'pick' | 'add' | 'added', string>,
    ) => {
      await page.getByRole('button', { name: words.remove }).click();
      await page.getByText(words.removed).waitFor();
      await page.getByText(words.none).waitFor();
      await page
        .getByLabel(words.pick)
        .selectOption({ label: 'Arturo Aprobador (aprobador@aurora.example)' });
      await page.getByRole('button', { name: words.add, exact: true }).click();
      await page.getByText(words.added).waitFor();
    };

    const approver = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(approver, APPROVER, e2e.password(APPROVER));
    await approver.goto(`/tickets/${number}`);
    const section = approver.getByTestId('participants');
    await section.getByText('Nadie más sigue este ticket.').waitFor();
    await approver.getByRole('button', { name: 'Seguir este ticket' }).click();
    await approver.getByText('Ahora sigue este ticket: recibirá sus correos.').waitFor();
    await approver.getByRole('button', { name: 'Dejar de seguir' }).waitFor();
    expect(await names(approver)).toEqual(['Arturo Aprobador']);
    await section.getByText('(usted)').waitFor();
    // A client who is not the registrant has no picker.
    expect(await approver.getByLabel('Agregar participante').count()).toBe(0);

    const registrant = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(registrant, REGISTRANT, e2e.password(REGISTRANT));
    await registrant.goto(`/tickets/${number}`);
    await registrant.getByTestId('participant').first().waitFor();
    await removeAndAdd(registrant, {
      remove: 'Quitar a Arturo Aprobador',
      removed: 'Arturo Aprobador ya no recibe los correos del ticket.',
      none: 'Nadie más sigue este ticket.',
      pick: 'Agregar participante',
      add: 'Agregar',
      added: 'Arturo Aprobador ahora recibe los correos del ticket.',
    });
    expect(await names(registrant)).toEqual(['Arturo Aprobador']);

    const agent = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(agent, AGENT, e2e.password(AGENT));
    await agent.goto(`/tickets/${number}`);
    await agent.getByRole('heading', { name: 'Participants' }).waitFor();
    await agent.getByTestId('participant').first().waitFor();
    expect(await names(agent)).toEqual(['Arturo Aprobador']);
    // Three changes so far: the history shows at once, newest first, in English.
    const changes = async () => agent.getByTestId('participant-change').allInnerTexts();
    const at = / · [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\W[AP]M$/;
    await agent.getByRole('heading', { name: 'History', exact: true }).waitFor();
    const before = await changes();
    expect(before.map((line) => line.replace(at, ''))).toEqual([
      'Úrsula Usuaria added Arturo Aprobador',
      'Úrsula Usuaria removed Arturo Aprobador',
      'Arturo Aprobador added Arturo Aprobador',
    ]);
    expect(before.every((line) => at.test(line))).toBe(true);

    // The agent removes and adds back: both lines come without a reload, the history (now 5)
    // folded behind its toggle.
    await removeAndAdd(agent, {
      remove: 'Remove Arturo Aprobador',
      removed: "Arturo Aprobador no longer gets the ticket's emails.",
      none: 'Nobody else follows this ticket.',
      pick: 'Add participant',
      add: 'Add',
      added: "Arturo Aprobador now gets the ticket's emails.",
    });
    const toggle = agent.getByRole('button', { name: 'History (5)' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await agent.getByTestId('participant-change').first().isVisible()).toBe(false);
    await toggle.click();
    await agent.getByTestId('participant-change').first().waitFor();
    const after = await changes();
    expect(after.slice(0, 2).map((line) => line.replace(at, ''))).toEqual([
      'Alex Agent added Arturo Aprobador',
      'Alex Agent removed Arturo Aprobador',
    ]);
    expect(after.slice(2)).toEqual(before);

    // The client's page, read again, has the list but no history, and is not sent one.
    const [answer] = await Promise.all([
      registrant.waitForResponse((r) =>
        (r.request().postData() ?? '').includes('query TicketParticipants'),
      ),
      registrant.reload(),
    ]);
    const { data } = (await answer.json()) as { data: { ticket: Record<string, unknown> } };
    expect(data.ticket.participants).toEqual([
      expect.objectContaining({ name: 'Arturo Aprobador' }),
    ]);
    expect(Object.keys(data.ticket)).not.toContain('participantHistory');
    await registrant.getByTestId('participant').first().waitFor();
    expect(await names(registrant)).toEqual(['Arturo Aprobador']);
    expect(await registrant.getByTestId('participant-history').count()).toBe(0);

    // The registrant cancels the ticket: on the open pages the list stays, without its controls
    // (the API refuses changes to an ended ticket's participants, TICKET_CLOSED).
    await journeys.act(Role.CLIENT_USER, 'cancelTicket', { number, note: 'Ya no aplica' });
    await registrant.getByText('El ticket terminó: sus participantes ya no cambian.').waitFor();
    await agent.getByText('The ticket has ended: its participants no longer change.').waitFor();
    await approver.getByText('El ticket terminó: sus participantes ya no cambian.').waitFor();
    for (const page of [registrant, agent, approver]) {
      expect(await names(page)).toEqual(['Arturo Aprobador']);
      const section = page.getByTestId('participants');
      const controls = /^(Quitar|Remove|Agregar|Add|Seguir|Follow|Dejar de seguir|Unfollow)/;
      expect(await section.getByRole('button', { name: controls }).count()).toBe(0);
      expect(await section.getByRole('combobox').count()).toBe(0);
    }
    // The staff history is still there to read; the client's page still has none.
    expect(await agent.getByRole('button', { name: 'History (5)' }).count()).toBe(1);
    expect(await registrant.getByTestId('participant-history').count()).toBe(0);
  });
});
