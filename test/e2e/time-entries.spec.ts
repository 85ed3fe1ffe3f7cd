import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { calendarToday } from '../support/calendar-month';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// Issue 9 item 3: the ticket workbench's worked hours on the real stack. The agent logs hours on
// an authorized requirement and sees them charged (L3-12) with the client's balance after; an
// entry beyond the authorized estimate is refused in words and the form keeps what was typed; the
// client sees the entries read-only (L3-13).

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';

describe('Worked hours on the ticket page (web app, L3-12, L3-13)', () => {
  const e2e = useE2eWorldWithWorker('time_entries');
  let page: Page;
  let number: string;

  const api = async (role: Role, query: string, variables: Record<string, unknown>) => {
    const { body } = await gql<Record<string, unknown>>(
      e2e.world.api,
      query,
      variables,
      e2e.world.bearer(role),
    );
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const balance = async () => {
    const data = (await api(
      Role.MANAGER,
      `query ($id: ID!) { hourBalance(organizationId: $id) { balance } }`,
      { id: e2e.world.orgIds['comercializadora-aurora'] },
    )) as { hourBalance: { balance: number } };
    return data.hourBalance.balance;
  };

  beforeAll(async () => {
    // A development requirement estimated at 2 h and authorized in writing (L3-08, L3-09).
    number = await ticketJourneys(e2e.world).scheduledRequirement({
      subject: 'Exportar pedidos a Excel',
      description: 'Un botón para exportar los pedidos del mes.',
      hours: 2,
      scope: 'Exportación a Excel',
      statement: 'Autorizo por escrito las 2 horas de la exportación.',
    });
  }, 180_000);

  it('the agent logs 1.5 h and sees it listed with the balance after; beyond the estimate is refused in Spanish, the form keeps what was typed', async () => {
    const before = await balance();
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, AGENT, e2e.password(AGENT));
    // The demo agent's account is in English; the switch brings Spanish back.
    await page.getByRole('button', { name: 'Español' }).click();
    await page.goto(`/tickets/${number}`);
    const section = page.getByTestId('time-entries');
    await section.getByRole('heading', { name: 'Horas trabajadas' }).waitFor();
    await section.getByText('Todavía no hay horas registradas.').waitFor();
    // The date defaults to today in the person's time zone (the demo agent's is Mexico City, the
    // ticket's calendar zone too), and the picker offers nothing later: the API refuses it (L3-12).
    const dateField = section.getByLabel('Fecha');
    expect(await dateField.inputValue()).toBe(calendarToday());
    expect(await dateField.getAttribute('max')).toBe(calendarToday());
    // Nor anything before the day the ticket was registered (today): BEFORE_REGISTRATION.
    expect(await dateField.getAttribute('min')).toBe(calendarToday());

    // Nothing typed: told in words, nothing sent.
    await section.getByRole('button', { name: 'Registrar horas' }).click();
    await section.getByText('Las horas deben ser un número mayor que 0 y de hasta 24').waitFor();
    // Tied to «Horas» (QA S59), the message first, then the field's hint; not to the others.
    const hoursField = section.getByLabel('Horas', { exact: true });
    expect(await hoursField.getAttribute('aria-invalid')).toBe('true');
    expect(await hoursField.getAttribute('aria-describedby')).toBe('time-problem time-hours-hint');
    expect(
      await section.getByLabel('Descripción', { exact: true }).getAttribute('aria-invalid'),
    ).toBeNull();

    await section.getByLabel('Horas', { exact: true }).fill('1.5');
    await section.getByLabel('Descripción', { exact: true }).fill('Consulta de pedidos del mes');
    await section.getByRole('button', { name: 'Registrar horas' }).click();
    const after = before - 1.5;
    await section.getByText(`Se registraron 1.5 h. Saldo del cliente: ${after} h`).waitFor();
    const table = section.getByTestId('time-entries-table');
    const row = table.getByRole('row', { name: /Consulta de pedidos del mes/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/1\.5\s+1\.5\s+Consulta de pedidos del mes\s+Alex Agent/);
    expect(await section.getByTestId('time-entries-total').innerText()).toBe(
      'Total descontado: 1.5 h',
    );
    expect(await section.getByLabel('Horas', { exact: true }).inputValue()).toBe('');
    expect(await balance()).toBeCloseTo(after, 2);

    // 0.5 h of the 2 authorized remain: 1 h more is refused (L3-12), in words, nothing lost.
    await section.getByLabel('Horas', { exact: true }).fill('1');
    await section.getByLabel('Descripción', { exact: true }).fill('Formato de columnas');
    await section.getByRole('button', { name: 'Registrar horas' }).click();
    await section.getByText('Excede las horas autorizadas de la estimación').waitFor();
    expect(await section.getByLabel('Horas', { exact: true }).inputValue()).toBe('1');
    expect(await section.getByLabel('Descripción', { exact: true }).inputValue()).toBe(
      'Formato de columnas',
    );
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await balance()).toBeCloseTo(after, 2);
    await screenshot(page, '28-agent-time-entries');
    // A corrected field drops the refusal at once, before anything is sent again (QA S51: the
    // refusal stayed under a corrected value).
    await section.getByLabel('Horas', { exact: true }).fill('0.25');
    await section.getByText('Excede las horas autorizadas de la estimación').waitFor({
      state: 'detached',
    });
    expect(await section.getByRole('alert').count()).toBe(0);

    // The entry's day as the app's other lists write one (QA S21), not «lunes, 30 de noviembre
    // de 2026»; in English too (the agent's account language, given back to it).
    const day = row.locator('time');
    expect(await day.innerText()).toMatch(/^\d{1,2} [a-z]{3,4} \d{4}$/);
    await page.getByRole('button', { name: 'English' }).click();
    await section.getByRole('heading', { name: 'Hours worked' }).waitFor();
    expect(await day.innerText()).toMatch(/^[A-Z][a-z]{2,3} \d{1,2}, \d{4}$/);
  });

  it('the client sees the entry read-only', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${number}`);
    const section = page.getByTestId('time-entries');
    const row = section
      .getByTestId('time-entries-table')
      .getByRole('row', { name: /Consulta de pedidos del mes/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/1\.5\s+1\.5\s+Consulta de pedidos del mes/);
    expect(await section.getByRole('button', { name: 'Registrar horas' }).count()).toBe(0);
    expect(await section.locator('form').count()).toBe(0);
  });

  it('fits a phone: each entry a block of labelled lines, nothing to scroll sideways (QA)', async () => {
    const phone = (await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 })).page;
    await logIn(phone, CLIENT, e2e.password(CLIENT));
    await phone.goto(`/tickets/${number}`);
    const table = phone.getByTestId('time-entries').getByTestId('time-entries-table');
    await table.getByRole('row', { name: /Consulta de pedidos del mes/ }).waitFor();
    const wide = await table.evaluate((t) => {
      const box = t.parentElement!;
      return { scroll: box.scrollWidth, client: box.clientWidth };
    });
    expect(wide.scroll).toBeLessThanOrEqual(wide.client);
    await table.locator('td[data-label="Descripción"]').first().waitFor();
  });

  it('the client watches work logged while the ticket page and the hours card are open (live, L3-12)', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    // «Mis tickets»: the hours card as it is now.
    const consumed = page
      .getByTestId('hours')
      .locator('div', { hasText: 'Consumidas' })
      .locator('dd');
    const before = await consumed.innerText();
    const ticketPage = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(ticketPage, CLIENT, e2e.password(CLIENT));
    await ticketPage.goto(`/tickets/${number}`);
    const table = ticketPage.getByTestId('time-entries').getByTestId('time-entries-table');
    await table.getByRole('row', { name: /Consulta de pedidos del mes/ }).waitFor();

    await api(
      Role.AGENT,
      `mutation ($input: LogTicketTimeInput!) { logTicketTime(input: $input) { id } }`,
      {
        input: {
          number,
          date: calendarToday(),
          hours: 0.5,
          description: 'Pruebas de la exportación',
          requestId: `live-${Date.now()}`,
        },
      },
    );
    // No reload: both screens follow the ticket's change.
    await table.getByRole('row', { name: /Pruebas de la exportación/ }).waitFor();
    expect(
      await eventually(
        () => consumed.innerText(),
        (now) => now !== before,
      ),
    ).not.toBe(before);
  });

  it('the client reads its ledger in Spanish, each amount signed by its effect on the available hours (L3-12, L3-13)', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.getByRole('link', { name: 'Ver movimientos y estado de cuenta' }).click();
    const ledger = page.getByTestId('ledger');
    const reservation = ledger.getByRole('row', { name: /Estimación v1 autorizada/ });
    await reservation.waitFor();
    expect(await ledger.getByRole('columnheader').allTextContents()).toEqual([
      'Fecha',
      'Movimiento',
      'Concepto',
      'Cambio en disponibles',
      'Disponibles después',
    ]);
    // A reservation takes from what is available: −2 h, never "+2 h".
    expect(await reservation.innerText()).toMatch(
      /Reserva\s+.*Estimación v1 autorizada: reserva de 2 h \(Desarrollo\)\s+−2 h/s,
    );
    const worked = ledger.getByRole('row', { name: /1\.5 h trabajadas el/ });
    expect(await worked.innerText()).toMatch(
      /Consumo\s+.*1\.5 h trabajadas el \d{1,2} \w{3} \d{4}, tomadas de la reserva del ticket\s+Consulta de pedidos del mes\s+0 h/s,
    );
    const text = await ledger.innerText();
    expect(text).not.toMatch(/authorized|logged on|purchased on|ticket closed/);

    // Every row's change adds up to its running "available after" (rows are newest first).
    const rows = await ledger
      .locator('tbody tr')
      .evaluateAll((trs: { children: ArrayLike<{ textContent: string | null }> }[]) =>
        trs.map((tr) => Array.from(tr.children, (c) => c.textContent ?? '')),
      );
    const hours = (cell: string) => Number(cell.replace(/[\s h,+]/g, '').replace('−', '-'));
    expect(rows.length).toBeGreaterThan(2);
    for (let i = 0; i + 1 < rows.length; i++) {
      expect(hours(rows[i + 1][4]) + hours(rows[i][3])).toBeCloseTo(hours(rows[i][4]), 2);
    }
    await screenshot(page, '57-client-ledger-es');
  });

  it('an entry the manager reversed stays listed, marked, and leaves the ticket’s total (L3-12, L3-13)', async () => {
    const { ticket } = (await api(
      Role.MANAGER,
      `query ($number: String!) { ticket(number: $number) {
        timeEntries { ledgerEntryId description } } }`,
      { number },
    )) as { ticket: { timeEntries: { ledgerEntryId: string; description: string }[] } };
    const entry = ticket.timeEntries.find((e) => e.description === 'Pruebas de la exportación')!;
    await api(
      Role.MANAGER,
      `mutation ($input: ReverseHourEntryInput!) { reverseHourEntry(input: $input) { id } }`,
      {
        input: {
          entryId: entry.ledgerEntryId,
          reason: 'Horas capturadas por error',
          idempotencyKey: `e2e-reverse-${entry.ledgerEntryId}`,
        },
      },
    );
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await page.goto(`/tickets/${number}`);
    const section = page.getByTestId('time-entries');
    const row = section.getByRole('row', { name: /Pruebas de la exportación/ });
    await row.getByText('Revertido: ya no se descuenta').waitFor();
    expect(await section.getByTestId('time-entries-total').innerText()).toBe(
      'Total descontado: 1.5 h',
    );
    // The entry that still counts is not marked.
    const kept = section.getByRole('row', { name: /Consulta de pedidos del mes/ });
    expect(await kept.getByTestId('time-entry-reversed').count()).toBe(0);
  });

  it('the agent cancels their own entry with a reason: it stays listed, reversed, and its hours can be logged again', async () => {
    // A development requirement estimated at 1 h and authorized in writing (L3-08, L3-09).
    const number = await ticketJourneys(e2e.world).scheduledRequirement({
      subject: 'Campo de referencia en facturas',
      description: 'Un campo nuevo en la factura.',
      hours: 1,
      scope: 'Campo de referencia',
      statement: 'Autorizo por escrito la hora del campo de referencia.',
    });

    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await page.getByRole('button', { name: 'Español' }).click();
    await page.goto(`/tickets/${number}`);
    const section = page.getByTestId('time-entries');
    await section.getByRole('heading', { name: 'Horas trabajadas' }).waitFor();
    // The whole hour logged where 0.4 h were meant.
    await section.getByLabel('Horas', { exact: true }).fill('1');
    await section.getByLabel('Descripción', { exact: true }).fill('Campo en el formulario');
    await section.getByRole('button', { name: 'Registrar horas' }).click();
    const table = section.getByTestId('time-entries-table');
    const row = table.getByRole('row', { name: /Campo en el formulario/ });
    await row.waitFor();
    // The estimate is used up: the form gives way to why.
    await section.getByTestId('log-hours-unavailable').waitFor();

    await row.getByRole('button', { name: /^Anular el registro de 1 h del / }).click();
    const form = section.getByTestId('cancel-time-entry');
    await form.getByRole('heading', { name: /^Anular el registro de 1 h del / }).waitFor();
    // No reason: told in words, nothing sent.
    await form.getByRole('button', { name: 'Anular registro' }).click();
    await form.getByText('Escriba por qué se anula el registro.').waitFor();
    await form.getByLabel('Motivo').fill('Se capturó la hora completa; fueron 0.4 h');
    await screenshot(page, '29-agent-cancel-time-entry');
    await form.getByRole('button', { name: 'Anular registro' }).click();
    await section.getByText(/^Se anuló el registro de 1 h del /).waitFor();
    expect(await form.count()).toBe(0);
    await row.getByText('Revertido: ya no se descuenta').waitFor();
    expect(await row.getByRole('button', { name: /Anular/ }).count()).toBe(0);
    expect(await section.getByTestId('time-entries-total').innerText()).toBe(
      'Total descontado: 0 h',
    );

    // The hour went back to the estimate: the right 0.4 h can be logged.
    await section.getByLabel('Horas', { exact: true }).fill('0.4');
    await section.getByLabel('Descripción', { exact: true }).fill('Campo en el formulario (bien)');
    await section.getByRole('button', { name: 'Registrar horas' }).click();
    await table.getByRole('row', { name: /Campo en el formulario \(bien\)/ }).waitFor();
    expect(await section.getByTestId('time-entries-total').innerText()).toBe(
      'Total descontado: 0.4 h',
    );

    // The client reads both entries and cancels nothing.
    const client = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(client, CLIENT, e2e.password(CLIENT));
    await client.goto(`/tickets/${number}`);
    const seen = client.getByTestId('time-entries');
    await seen.getByText('Revertido: ya no se descuenta').waitFor();
    expect(await seen.getByRole('button', { name: /Anular/ }).count()).toBe(0);

    // L3-18: made free of charge, the ticket takes hours of no charge; one logged there by
    // mistake is cancelled the same way and reads «Anulado» (nothing was charged).
    await api(
      Role.MANAGER,
      `mutation ($input: SetTicketNoChargeInput!) { setTicketNoCharge(input: $input) { noCharge } }`,
      {
        input: {
          ticketNumber: number,
          organizationId: e2e.world.orgIds['comercializadora-aurora'],
          noCharge: true,
          reason: 'Garantía del campo',
        },
      },
    );
    await section.getByTestId('time-entries-no-charge').waitFor();
    await section.getByLabel('Horas', { exact: true }).fill('0.5');
    await section.getByLabel('Descripción', { exact: true }).fill('Ajuste en garantía');
    await section.getByRole('button', { name: 'Registrar horas' }).click();
    const free = table.getByRole('row', { name: /Ajuste en garantía/ });
    await free.getByRole('button', { name: /^Anular el registro de 0\.5 h del / }).click();
    await form.getByLabel('Motivo').fill('Era de otro ticket');
    await form.getByRole('button', { name: 'Anular registro' }).click();
    await free.getByText('Anulado', { exact: true }).waitFor();
    expect(await free.getByRole('button', { name: /Anular/ }).count()).toBe(0);
  });
});
