import { Role } from '../../src/identity/role.enum';
import { ticketJourneys } from '../support/ticket-journeys';
import { logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// QA S18 (L3-09): after the client reports failures in a release, the ticket page no longer shows
// the published release date as if it held: it is the previous date, struck through, with a new
// date to come (the client) or to publish (the agent), until the agent publishes or releases again.

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';

describe('The release date after failures are reported (web app, L3-09)', () => {
  const e2e = useE2eWorldWithWorker('release_rejected');

  it('shows the previous date and what comes next, until the agent releases again', async () => {
    const journeys = ticketJourneys(e2e.world);
    const number = await journeys.requirementReleasedForTesting(
      { subject: 'Reporte de cobranza', hours: 4 },
      'Listo en la base de pruebas.',
    );
    const client = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(client, CLIENT, e2e.password(CLIENT));
    await client.goto(`/tickets/${number}`);
    const facts = client.getByTestId('ticket-release-date');
    await facts.waitFor();
    // Before the failures: the date holds.
    expect(await client.getByText('Fecha de entrega anterior').count()).toBe(0);
    const published = (await facts.innerText()).trim();

    await journeys.act(Role.CLIENT_USER, 'reportFailures', {
      number,
      note: 'El Excel sale sin encabezados.',
    });
    await client.reload();
    await client.getByText('Fecha de entrega anterior', { exact: true }).waitFor();
    expect(await facts.locator('del').innerText()).toBe(published);
    expect(await client.getByTestId('ticket-release-date-superseded').innerText()).toBe(
      'Se reportaron fallas en la entrega, así que esta fecha ya no aplica. Publicaremos una nueva fecha de entrega para pruebas.',
    );

    const agent = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(agent, AGENT, e2e.password(AGENT));
    await agent.goto(`/tickets/${number}`);
    // The agent reads English (their language) and is told what to do.
    await agent.getByText('Previous release date', { exact: true }).waitFor();
    expect(await agent.getByTestId('ticket-release-date-superseded').innerText()).toBe(
      'The client reported failures in the release: this date no longer holds. Publish the new one with “Adjust date”.',
    );
    await agent.getByTestId('adjust-date').waitFor();

    // Released again: the page shows the release date as it is, without the notice.
    const server = 'https://pruebas.aurora.example/web#action=cobranza';
    await journeys.act(Role.AGENT, 'releaseForTesting', {
      number,
      note: `Corregido. Pruébelo en ${server}.`,
    });
    await client.reload();
    await client.getByText('Fecha de entrega', { exact: true }).waitFor();
    expect(await client.getByTestId('ticket-release-date-superseded').count()).toBe(0);
    expect(await client.getByText('Fecha de entrega anterior').count()).toBe(0);
    // The release note's address is a link, in the banner and in the history (QA S54: plain
    // text), the sentence's period left out; it opens apart from the portal.
    const request = client.getByTestId('waiting-on-you-request');
    const link = request.getByRole('link', { name: server });
    expect(await link.getAttribute('href')).toBe(server);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await client.getByRole('link', { name: server }).count()).toBe(2);
    // Released for testing, the date was met: no «Adjust date» left to offer (QA S53; the API
    // refuses it in that state).
    await agent.reload();
    await agent.getByText('Release date', { exact: true }).waitFor();
    expect(await agent.getByTestId('adjust-date').count()).toBe(0);
  });
});
