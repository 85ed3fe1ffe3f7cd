import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { caughtAtLeast } from '../support/caught-mail';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket } from '../support/world-with-worker';
import { inSpanish, logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// L3-18 in the browser, on the real stack (PostgreSQL, Temporal, the real worker and its email
// dispatcher, the SMTP catcher): an agent marks a client's ticket free of charge to the hour
// package on the ticket page, with a required reason, after reading what it does; the page then
// shows «Sin cargo (L3-18)» with the reason and who decided, and the history line. The client
// sees the same mark, the history line and the hours card's wording, never the staff control, and
// the registrant got the email (L3-11).

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';
const REASON = 'Duda de primer nivel: beneficio de la cuota mensual.';

describe('No-charge tickets (web app, L3-18)', () => {
  const e2e = useE2eWorldWithWorker('no_charge');
  let number: string;

  beforeAll(async () => {
    number = await registerProjectedTicket(e2e.world, {
      category: 'QUESTION',
      subject: '¿Cómo cancelo una factura timbrada?',
      description: 'Necesito cancelar una factura de octubre.',
    });
  }, 60_000);

  const mark = (p: Page) => p.getByTestId('ticket-header').getByTestId('no-charge-mark');
  const historyLine = (p: Page) => p.getByTestId('timeline').getByTestId('event-billing');

  it('an agent marks the ticket no-charge with a reason; the client sees the mark, the history line and gets the email', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await page.goto(`/tickets/${number}`);
    // The demo agent reads English; the card in Spanish here.
    await inSpanish(page);
    const card = page.getByRole('region', { name: 'Cargo al paquete de horas' });
    expect(await card.getByTestId('no-charge-status').innerText()).toBe(
      'Este ticket se cobra al paquete de horas del cliente.',
    );
    expect(await mark(page).count()).toBe(0);

    await card.getByRole('button', { name: 'Sin cargo al paquete' }).click();
    // What it does, before it is done.
    expect(await card.getByTestId('no-charge-explain').innerText()).toContain(
      'Se libera la reserva de horas del ticket',
    );
    // The reason is required: nothing is sent without it.
    await card.getByRole('button', { name: 'Confirmar: sin cargo al paquete' }).click();
    await card
      .getByRole('alert')
      .filter({ hasText: 'Escriba el motivo de la decisión.' })
      .waitFor();
    // Tied to its field (QA S59): a screen reader on «Motivo» says why.
    const reasonField = card.getByLabel('Motivo');
    expect(await reasonField.getAttribute('aria-invalid')).toBe('true');
    expect((await reasonField.getAttribute('aria-describedby'))?.split(' ')[0]).toBe(
      'no-charge-problem',
    );
    // Its 500 characters are counted near the limit (QA S51), not cut by `maxlength`.
    await card.getByLabel('Motivo').fill('x'.repeat(460));
    await card.getByTestId('text-count').getByText('460 de 500 caracteres').waitFor();
    await card.getByLabel('Motivo').fill(REASON);
    expect(await card.getByText('Escriba el motivo de la decisión.').count()).toBe(0);
    expect(await reasonField.getAttribute('aria-invalid')).toBeNull();
    await screenshot(page, '70-agent-no-charge-form');
    await card.getByRole('button', { name: 'Confirmar: sin cargo al paquete' }).click();
    await card
      .getByRole('status')
      .filter({ hasText: 'El ticket quedó sin cargo al paquete. No tenía horas reservadas' })
      .waitFor();
    expect(await card.getByTestId('no-charge-status').innerText()).toContain(
      'Este ticket está sin cargo al paquete de horas',
    );
    await mark(page).getByText('Sin cargo', { exact: true }).waitFor();
    expect(await mark(page).innerText()).toContain(REASON);
    expect(await mark(page).innerText()).toContain('Alex Agent');
    await historyLine(page).waitFor();
    expect(await historyLine(page).innerText()).toContain(
      `Marcado sin cargo al paquete: ${REASON}`,
    );
    // The next decision offers the way back.
    await card.getByRole('button', { name: 'Cobrar al paquete' }).waitFor();

    const client = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(client, CLIENT, e2e.password(CLIENT));
    await client.goto(`/tickets/${number}`);
    await mark(client).getByText('Sin cargo', { exact: true }).waitFor();
    const seen = await mark(client).innerText();
    expect(seen).toContain(`Motivo: ${REASON}`);
    expect(seen).toContain('Alex Agent');
    const line = await historyLine(client).innerText();
    expect(line).toContain(`Marcado sin cargo al paquete: ${REASON}`);
    expect(line).toContain('Alex Agent (Agente L3)');
    expect(await client.getByTestId('time-entries-no-charge').innerText()).toContain(
      'no se descuentan del paquete de horas',
    );
    // Only provider staff decide (L3-18): the client has no control.
    expect(await client.getByTestId('no-charge').count()).toBe(0);
    expect(await client.getByRole('button', { name: 'Sin cargo al paquete' }).count()).toBe(0);
    await screenshot(client, '70-client-no-charge-ticket');

    // L3-11: the registrant got the email, once.
    const mails = await caughtAtLeast(
      1,
      (m) =>
        m.subject ===
        `[${number}] Ticket sin cargo al paquete de horas: ¿Cómo cancelo una factura timbrada?`,
      CLIENT,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(REASON);
    expect(mails[0].text).toContain(`/tickets/${number}`);
  });

  it('a form opened to charge the ticket again says so when someone else does it first, and sends nothing (QA)', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await inSpanish(page);
    await page.goto(`/tickets/${number}`);
    const card = page.getByTestId('no-charge');
    await card.getByRole('button', { name: 'Cobrar al paquete' }).click();
    await card.getByLabel('Motivo').fill('Resultó ser una configuración avanzada.');
    // Meanwhile a manager charges it again (the API, as from another browser).
    const { body } = await gql(
      e2e.world.api,
      `mutation ($input: SetTicketNoChargeInput!) { setTicketNoCharge(input: $input) { noCharge } }`,
      {
        input: {
          organizationId: e2e.world.orgIds['comercializadora-aurora'],
          ticketNumber: number,
          noCharge: false,
          reason: 'El gerente lo decidió antes.',
        },
      },
      e2e.world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
    // The open form does not turn into «sin cargo»: it says what happened and sends nothing.
    await card
      .getByTestId('no-charge-decided')
      .getByText(/Otra persona ya volvió a cobrar/)
      .waitFor();
    expect(await card.getByRole('button', { name: /Confirmar/ }).isDisabled()).toBe(true);
    expect(await card.getByLabel('Motivo').inputValue()).toBe(
      'Resultó ser una configuración avanzada.',
    );
    const [{ n }] = await e2e.world.db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM ticket_billing_event WHERE ticket_number = $1',
      [number],
    );
    expect(n).toBe(2);
  });
});
