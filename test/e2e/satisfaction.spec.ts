import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { TULUM_ORG } from '../support/demo-contract';
import { eventually } from '../support/eventually';
import { registerProjectedTicket } from '../support/world-with-worker';
import { logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// Customer satisfaction in the browser, on the real stack (PostgreSQL, Temporal, the real worker):
// a problem ticket is closed through the API (L3-07: classified, resolved, confirmed), then the
// client rates it on the ticket page where the closure email links (#calificar), changes the
// rating, and once the 14 days are over sees it can no longer change it; the manager sees the
// rating on the ticket and in the «Satisfacción» card of the SLA dashboard, with a link back.
// The ticket's history shows the rating («Calificación: N/5», comment, who, when) and each
// change («Calificación cambiada: N/5»): the first score stays on record.

const CLIENT = 'usuario@aurora.example';
const MANAGER = 'gerente@becken.example';
const SUBJECT = 'Póliza de nómina descuadrada';

describe('Rating a closed ticket (web app, real workflow)', () => {
  const e2e = useE2eWorldWithWorker('satisfaction');
  let number: string;

  async function transition(
    role: Role,
    mutation: string,
    input: Record<string, unknown>,
    organization?: string,
  ) {
    const type = mutation === 'classifyTicket' ? 'ClassifyTicketInput' : 'TicketActionInput';
    const { body } = await gql(
      e2e.world.api,
      `mutation ($input: ${type}!) { ${mutation}(input: $input) { ticket { state } } }`,
      { input },
      e2e.world.bearer(role, organization),
    );
    expect(body.errors).toBeUndefined();
  }

  beforeAll(async () => {
    number = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: SUBJECT,
      description: 'La póliza de la quincena no cuadra.',
    });
    await transition(Role.AGENT, 'classifyTicket', { number, classification: 'PROBLEM' });
    await transition(Role.AGENT, 'resolveTicket', { number, note: 'Cuenta corregida.' });
    await transition(Role.CLIENT_USER, 'confirmResolution', { number });
  }, 60_000);

  const rating = (p: Page) => p.getByTestId('satisfaction');

  it('the client rates the closed ticket, then changes the rating', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    // The closure email's link, logged out: through login and back to the rating (#calificar).
    await page.goto(`/tickets/${number}#calificar`);
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    await page.getByLabel('Correo electrónico').fill(CLIENT);
    await page.getByLabel('Contraseña').fill(e2e.password(CLIENT));
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: '¿Cómo calificaría la atención?' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#calificar');
    expect(await page.getByTestId('ticket-state').innerText()).toBe('Cerrado');

    // Without a score nothing is sent.
    await rating(page).getByRole('button', { name: 'Enviar calificación' }).click();
    await rating(page).getByText('Elija una calificación del 1 al 5.').waitFor();
    await rating(page).getByRole('radio', { name: '2 · Insatisfecho' }).check();
    await rating(page).getByLabel('Comentario (opcional)').fill('Tardaron dos días en responder.');
    await screenshot(page, '60-client-rating-form');
    await rating(page).getByRole('button', { name: 'Enviar calificación' }).click();
    await rating(page).getByText('¡Gracias! Guardamos su calificación.').waitFor();
    expect(await rating(page).getByTestId('satisfaction-score').innerText()).toBe('2 de 5');
    expect(await rating(page).innerText()).toContain('Tardaron dos días en responder.');
    const caption = rating(page).getByTestId('satisfaction-rating').locator('figcaption');
    expect(await caption.innerText()).toMatch(/^Úrsula Usuaria, \d{1,2} \w+ \d{4}, /);
    expect(await rating(page).getByTestId('satisfaction-window').innerText()).toContain(
      'Puede cambiarla hasta el',
    );
    // The history shows it after the closure, with who rated it.
    const history = page.getByTestId('timeline').getByTestId('event-rating');
    await history.getByText('Calificación: 2/5').waitFor();
    expect(await history.innerText()).toContain('Tardaron dos días en responder.');
    expect(await history.innerText()).toContain('Úrsula Usuaria');
    expect(await page.getByTestId('timeline').getByRole('listitem').last().innerText()).toContain(
      'Calificación: 2/5',
    );

    // Changed within the window: the form starts from the rating given.
    await rating(page).getByRole('button', { name: 'Cambiar calificación' }).click();
    expect(await rating(page).getByRole('radio', { name: '2 · Insatisfecho' }).isChecked()).toBe(
      true,
    );
    await rating(page).getByRole('radio', { name: '4 · Satisfecho' }).check();
    await rating(page).getByLabel('Comentario (opcional)').fill('Al final quedó bien resuelto.');
    await rating(page).getByRole('button', { name: 'Guardar cambios' }).click();
    await rating(page).getByText('¡Gracias! Guardamos su calificación.').waitFor();
    await rating(page).getByText('4 de 5').waitFor();
    expect(await rating(page).innerText()).toContain('Al final quedó bien resuelto.');
    // Who gave the current score and when, then the first rating's date (QA S56: a change by
    // someone else read as if they had rated first).
    expect(await caption.innerText()).toMatch(
      /^Úrsula Usuaria la cambió el \d.+ \(primera calificación: \d.+\)$/,
    );
    // The history keeps the first score (the one that alerted the managers) and adds the change.
    await history.getByText('Calificación cambiada: 4/5').waitFor();
    expect(await history.count()).toBe(2);
    expect(await history.first().innerText()).toContain('Calificación: 2/5');
    expect(await history.first().innerText()).toContain('Tardaron dos días en responder.');
    expect(await history.last().innerText()).toContain('Al final quedó bien resuelto.');
    await screenshot(page, '61-client-rating-saved');
  });

  it('the manager sees the rating on the ticket and in the «Satisfacción» card, with a link', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto('/tablero');
    const card = page.getByTestId('satisfaction-card');
    await card.getByRole('heading', { name: 'Satisfacción' }).waitFor();
    await card.getByTestId('satisfaction-overall').waitFor();
    expect(await card.getByTestId('satisfaction-overall').innerText()).toBe(
      '1 calificación · promedio 4.00 de 5 · 100 % satisfechos',
    );
    // L3-11 response rate: the one ticket closed in the period, rated.
    expect(await card.getByTestId('satisfaction-response').innerText()).toContain(
      'Tasa de respuesta: 1 de 1 (100 %)',
    );
    // L3-11: which month each column counts, in words: ratings by when they were given, the
    // response rate by when the tickets closed.
    const table = card.getByTestId('satisfaction-table');
    await table.getByRole('columnheader', { name: 'Calificaciones recibidas en el mes' }).waitFor();
    await table.getByRole('columnheader', { name: 'Tickets cerrados en el mes' }).waitFor();
    const total = table.getByRole('row', { name: /Total del periodo/ });
    expect(await total.innerText()).toContain('Comercializadora Aurora');
    expect(await total.innerText()).toContain('100 %');
    expect(await total.innerText()).toContain('1 de 1 (100 %)');
    // A 4 is satisfied: not listed among the lowest ratings (QA S20).
    const lowest = card.getByTestId('satisfaction-lowest');
    await card.getByText('Ninguna calificación baja en el periodo.').waitFor();
    expect(await lowest.count()).toBe(0);
    await screenshot(page, '62-manager-satisfaction-card', { docs: 'manager-satisfaction' });

    // The same card in English (L3-11; QA S16: only the Spanish headings were checked): the card,
    // the group headings that say which month each column counts, the totals and the lowest
    // ratings, none left in Spanish.
    await page.getByRole('button', { name: 'English' }).click();
    await card.getByRole('heading', { name: 'Satisfaction', exact: true }).waitFor();
    await table.getByRole('columnheader', { name: 'Ratings given in the month' }).waitFor();
    await table.getByRole('columnheader', { name: 'Tickets closed in the month' }).waitFor();
    for (const column of ['Client', 'Month', 'Ratings', 'Average', '% satisfied', 'Response rate'])
      await table.getByRole('columnheader', { name: column, exact: true }).waitFor();
    expect(await card.getByText('By client and month', { exact: true }).count()).toBe(1);
    await card.getByRole('heading', { name: 'Lowest ratings' }).waitFor();
    await card.getByText('No low ratings in the period.').waitFor();
    expect(await card.getByTestId('satisfaction-overall').innerText()).toBe(
      '1 rating · average 4.00 of 5 · 100% satisfied',
    );
    expect(await card.getByTestId('satisfaction-response').innerText()).toContain(
      'Response rate: 1 of 1 (100%)',
    );
    const englishTotal = table.getByRole('row', { name: /Whole period/ });
    expect(await englishTotal.innerText()).toContain('1 of 1 (100%)');
    expect(await card.innerText()).not.toMatch(
      /Calificaciones recibidas|Tickets cerrados en el mes|Total del periodo|Por cliente y mes/,
    );
    await page.getByRole('button', { name: 'Español' }).click();
    await table.getByRole('columnheader', { name: 'Calificaciones recibidas en el mes' }).waitFor();

    // Live: the client changes the rating to a low one; the open card follows without a reload
    // and lists it among the lowest, with a link to the ticket.
    await page.evaluate('window.__notReloaded = true');
    const rate = async (score: number) => {
      const { body } = await gql(
        e2e.world.api,
        'mutation ($input: RateTicketInput!) { rateTicket(input: $input) { score } }',
        { input: { number, score, comment: 'Al final quedó bien resuelto.' } },
        e2e.world.bearer(Role.CLIENT_USER),
      );
      expect(body.errors).toBeUndefined();
    };
    await rate(2);
    await card
      .getByTestId('satisfaction-overall')
      .getByText('1 calificación · promedio 2.00 de 5 · 0 % satisfechos')
      .waitFor();
    expect(await page.evaluate('window.__notReloaded')).toBe(true);
    await lowest.getByText('Al final quedó bien resuelto.').waitFor();
    expect(await card.getByText('Ninguna calificación baja en el periodo.').count()).toBe(0);

    // QA S22: at 390 px both tables scrolled sideways inside their box (the average, the share
    // satisfied and the response rate off-screen); each row is now a card of labelled lines.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const id of ['satisfaction-table', 'satisfaction-lowest']) {
      const scroll = await card.getByTestId(id).evaluate((t) => {
        const box = t.parentElement!;
        return box.scrollWidth - box.clientWidth;
      });
      expect(scroll).toBeLessThanOrEqual(0);
    }
    expect(await total.locator('td[data-label="Promedio"]').innerText()).toBe('2.00');
    expect(await total.locator('td[data-label="Tasa de respuesta"]').innerText()).toBe(
      '1 de 1 (100 %)',
    );
    for (const cell of await total.locator('td[data-label]').all()) {
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(
      await lowest.locator('tbody tr').first().locator('td[data-label="Calificación"]').innerText(),
    ).toContain('2 de 5');
    await screenshot(page, 'phone-satisfaction');
    await page.setViewportSize({ width: 1280, height: 900 });

    await lowest.getByRole('link', { name: number }).click();
    await page.getByRole('heading', { name: new RegExp(number) }).waitFor();
    // Back to 4, as the rest of this spec expects.
    await rate(4);
    await page.reload();
    await rating(page).getByRole('heading', { name: 'Satisfacción con la atención' }).waitFor();
    expect(await rating(page).getByTestId('satisfaction-score').innerText()).toBe('4 de 5');
    expect(await rating(page).innerText()).toContain('Calificación del cliente');
    // Staff read it in the ticket's history too.
    const history = page.getByTestId('timeline').getByTestId('event-rating');
    expect(await history.last().innerText()).toContain('Calificación cambiada: 4/5');
    expect(await history.last().innerText()).toContain('Úrsula Usuaria');
    // Staff read it; they cannot rate.
    expect(await rating(page).getByRole('button').count()).toBe(0);
  });

  it('after 14 days the client sees the rating can no longer change', async () => {
    await e2e.world.db.query(
      `UPDATE ticket_satisfaction SET rated_at = now() - interval '15 days',
              updated_at = now() - interval '15 days' WHERE ticket_number = $1`,
      [number],
    );
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${number}`);
    await rating(page).getByTestId('satisfaction-window').waitFor();
    expect(await rating(page).getByTestId('satisfaction-window').innerText()).toContain(
      'El plazo para cambiarla terminó el',
    );
    expect(await rating(page).getByRole('button', { name: 'Cambiar calificación' }).count()).toBe(
      0,
    );
  });

  it('a client whose closed ticket is not rated: «% satisfechos» is read «Sin calificaciones», not a clock’s words (QA S21)', async () => {
    const unrated = await registerProjectedTicket(
      e2e.world,
      {
        category: 'INCIDENT',
        subject: 'Costo de inventario en cero',
        description: 'Los artículos nuevos salen sin costo.',
      },
      TULUM_ORG,
    );
    await transition(Role.AGENT, 'classifyTicket', { number: unrated, classification: 'PROBLEM' });
    await transition(Role.AGENT, 'resolveTicket', {
      number: unrated,
      note: 'Costos recalculados.',
    });
    await transition(Role.CLIENT_USER, 'confirmResolution', { number: unrated }, TULUM_ORG);
    await eventually(
      () =>
        e2e.world.db.query<{ state: string }[]>('SELECT state FROM ticket WHERE number = $1', [
          unrated,
        ]),
      ([ticket]) => ticket?.state === 'CLOSED',
    );

    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto('/tablero');
    const total = page
      .getByTestId('satisfaction-table')
      .getByRole('row')
      .filter({ hasText: TULUM_ORG })
      .filter({ hasText: 'Total del periodo' });
    await total.waitFor();
    // The dash of «% satisfechos» says why to a screen reader, in the card's own words.
    expect(await total.innerText()).toMatch(/Sin calificaciones\s+0 de 1 \(0 %\)/);
    expect(await total.innerText()).not.toContain('relojes');
  });

  // QA S57: a closed ticket whose clocks were all met read SLA «—», as a cancelled one does; it
  // now says how the ticket kept its SLA, and «Incumplido» once one of its clocks breached.
  it('a closed ticket says how it kept its SLA: «Cumplido», or «Incumplido» once a clock breached', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    const sla = async (): Promise<[string, string]> => {
      await page.goto('/mis-tickets?mostrar=cerrados');
      const row = page.getByTestId('my-tickets').locator(`tbody tr:has(a[href$="${number}"])`);
      await row.waitFor();
      const listed = await row.locator('td[data-label="SLA"]').innerText();
      await page.goto(`/tickets/${number}`);
      const header = page.getByTestId('ticket-header');
      await header.waitFor();
      return [listed, (await header.innerText()).split('\n')[3]];
    };
    // Triage met (classified at once), then resolved and confirmed.
    expect(await sla()).toEqual(['Cumplido', 'Cumplido']);

    // Its triage as the projection writes a late one: breached, then ended by the classification.
    const breach = (status: string) =>
      e2e.world.db.query(
        `UPDATE ticket_clock SET status = $2 WHERE ticket_number = $1 AND kind = 'triage'`,
        [number, status],
      );
    await breach('BREACHED');
    try {
      expect(await sla()).toEqual(['Incumplido', 'Incumplido']);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByTestId('ticket-header').getByText('Missed', { exact: true }).waitFor();
    } finally {
      await breach('MET');
    }
  });
});
