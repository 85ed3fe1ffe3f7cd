import type { Page } from 'playwright-core';
import { ticketJourneys } from '../support/ticket-journeys';
import { logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// L3-11 (S19) «Participantes» on the ticket page: a client user of the organisation follows a
// ticket for themselves; the registrant removes and adds people of the organisation with the
// picker; provider staff read the list in their language.

const REGISTRANT = 'usuario@aurora.example';
const APPROVER = 'aprobador@aurora.example';
const AGENT = 'agente@becken.example';

describe('Ticket participants (web app, L3-11)', () => {
  const e2e = useE2eWorldWithWorker('ticket_participants');

  it('a colleague follows; the registrant removes and adds; staff read the list', async () => {
    const number = await ticketJourneys(e2e.world).registered();
    const names = async (page: Page) => page.getByTestId('participant-name').allInnerTexts();

    const approver = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(approver, APPROVER, e2e.password(APPROVER));
    await approver.goto(`/tickets/${number}`);
    const section = approver.getByTestId('participants');
    await section.getByText('Nadie más sigue este ticket.').waitFor();
    await approver.getByRole('button', { name: 'Seguir este ticket' }).click();
    await approver.getByText('Ahora sigues este ticket: recibirás sus correos.').waitFor();
    await approver.getByRole('button', { name: 'Dejar de seguir' }).waitFor();
    expect(await names(approver)).toEqual(['Arturo Aprobador']);
    await section.getByText('(tú)').waitFor();
    // A client who is not the registrant has no picker.
    expect(await approver.getByLabel('Agregar participante').count()).toBe(0);

    const registrant = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(registrant, REGISTRANT, e2e.password(REGISTRANT));
    await registrant.goto(`/tickets/${number}`);
    await registrant.getByTestId('participant').first().waitFor();
    await registrant.getByRole('button', { name: 'Quitar a Arturo Aprobador' }).click();
    await registrant.getByText('Arturo Aprobador ya no recibe los correos del ticket.').waitFor();
    await registrant.getByText('Nadie más sigue este ticket.').waitFor();
    await registrant
      .getByLabel('Agregar participante')
      .selectOption({ label: 'Arturo Aprobador (aprobador@aurora.example)' });
    await registrant.getByRole('button', { name: 'Agregar', exact: true }).click();
    await registrant.getByText('Arturo Aprobador ahora recibe los correos del ticket.').waitFor();
    expect(await names(registrant)).toEqual(['Arturo Aprobador']);

    const agent = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(agent, AGENT, e2e.password(AGENT));
    await agent.goto(`/tickets/${number}`);
    await agent.getByRole('heading', { name: 'Participants' }).waitFor();
    await agent.getByTestId('participant').first().waitFor();
    expect(await names(agent)).toEqual(['Arturo Aprobador']);
    await agent.getByRole('button', { name: 'Remove Arturo Aprobador' }).waitFor();
  });
});
