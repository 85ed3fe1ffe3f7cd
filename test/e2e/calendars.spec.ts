import type { Page } from 'playwright-core';
import { logIn, newPage, screenshot } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// Managers keep the business calendars (BUSINESS-TIME.md): every edit is a new version.

const MANAGER = 'gerente@becken.example';

describe('Calendars (web app, managers)', () => {
  let e2e: E2eWorld;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2eWorld('calendars');
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
  });
  afterAll(async () => {
    await page?.context().close();
    await e2e?.close();
  });

  const version = async () =>
    Number((await page.getByTestId('calendar-version').innerText()).replace(/\D+/g, ''));
  const managerName = async () =>
    (
      await e2e.world.db.query<{ name: string }[]>(
        'SELECT display_name AS name FROM app_user WHERE email = $1',
        [MANAGER],
      )
    )[0].name;

  it('lists the calendars and opens the default one with its week and generated holidays', async () => {
    await page.getByRole('link', { name: 'Calendarios' }).click();
    await page.getByRole('heading', { name: 'Calendarios' }).waitFor();
    await screenshot(page, '10-calendars');
    await page.getByRole('link', { name: /^México \(CDMX\)/ }).click();
    await page.getByTestId('calendar-version').waitFor();
    const week = page.getByTestId('weekly');
    expect(await week.getByRole('row', { name: /lunes/i }).innerText()).toContain('09:00–18:00');
    expect(await week.getByRole('row', { name: /domingo/i }).innerText()).toContain('Cerrado');

    await page.getByLabel('Año').fill('2026');
    await page.getByRole('cell', { name: 'Día de la Constitución' }).waitFor();
    // A new holiday is the client's own day unless chosen otherwise (not an election day).
    expect(await page.getByLabel('Origen').inputValue()).toBe('CLIENT');
  });

  it('adds an election day: the version goes up and the change log says so', async () => {
    const before = await version();
    await page.getByLabel('Año').fill('2027');
    await page.getByLabel('Fecha', { exact: true }).first().fill('2027-06-07');
    await page.getByLabel('Nombre', { exact: true }).fill('Jornada electoral');
    await page.getByLabel('Origen').selectOption({ label: 'Elección' });
    await page.getByRole('button', { name: 'Agregar', exact: true }).click();

    await page.getByText('Día festivo del 2027-06-07 agregado.').waitFor();
    expect(await version()).toBe(before + 1);
    const row = page.getByTestId('holidays').getByRole('row', { name: /Jornada electoral/ });
    expect(await row.innerText()).toContain('Elección');
    const newest = page.getByTestId('versions').locator('tbody tr').first();
    expect(await newest.innerText()).toContain(String(before + 1));
    // The log says who changed it and what, in Spanish.
    expect(await newest.innerText()).toContain(await managerName());
    expect(await newest.innerText()).toContain(
      'Día festivo agregado: 2027-06-07 Jornada electoral (Elección)',
    );
    await screenshot(page, '11-calendar-detail', { docs: 'calendar' });
  });

  it('says why a second holiday on the same date is refused, keeping what was typed', async () => {
    const before = await version();
    await page.getByLabel('Fecha', { exact: true }).first().fill('2027-06-07');
    await page.getByLabel('Nombre', { exact: true }).fill('Otra vez');
    await page.getByRole('button', { name: 'Agregar', exact: true }).click();

    const alert = page
      .locator('form')
      .filter({ hasText: 'Agregar día festivo' })
      .getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Los datos no son válidos.');
    expect(await page.getByLabel('Nombre', { exact: true }).inputValue()).toBe('Otra vez');
    expect(await version()).toBe(before);
  });

  it('closes a day with an override and removes it again', async () => {
    const before = await version();
    await page.getByLabel('Fecha', { exact: true }).nth(1).fill('2027-12-24');
    await page.getByLabel('Motivo').fill('Nochebuena');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('Excepción del 2027-12-24 guardada.').waitFor();
    expect(await version()).toBe(before + 1);

    await page.getByRole('button', { name: 'Quitar la excepción del 2027-12-24' }).click();
    await page.getByText('Excepción del 2027-12-24 quitada.').waitFor();
    expect(await version()).toBe(before + 2);
  });

  it('asks before removing the LFT art. 74 rest days, saying whom it reaches; the log names who did it', async () => {
    const before = await version();
    const [{ clients }] = await e2e.world.db.query<{ clients: number }[]>(
      `SELECT count(*)::int AS clients FROM organization o WHERE o.kind = 'CLIENT'
          AND NOT EXISTS (SELECT 1 FROM business_calendar c WHERE c.organization_id = o.id)`,
    );
    const remove = page.getByRole('button', { name: 'Quitar días de la LFT art. 74' });

    // First click: a confirmation step, nothing changed yet; cancelling keeps the holidays.
    await remove.click();
    const confirm = page.getByRole('alertdialog', {
      name: '¿Quitar los días de descanso obligatorio?',
    });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(`Este calendario rige a ${clients} clientes`);
    expect(await confirm.innerText()).toContain('Es el calendario predeterminado');
    await screenshot(page, '12-calendar-lft74-confirm');
    await confirm.getByRole('button', { name: 'Cancelar' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await version()).toBe(before);
    await page.getByText(/\(art\. 74\): Incluidos en este calendario/).waitFor();

    // Confirmed: removed, one version, and the log says so with the manager's name.
    await remove.click();
    await confirm.getByRole('button', { name: 'Sí, quitar los días de la LFT' }).click();
    await page.getByText(/\(art\. 74\): No incluidos en este calendario/).waitFor();
    expect(await version()).toBe(before + 1);
    const newest = page.getByTestId('versions').locator('tbody tr').first();
    expect(await newest.innerText()).toContain(
      'Se quitaron los días de descanso obligatorio de la LFT art. 74',
    );
    expect(await newest.innerText()).toContain(await managerName());

    // Putting them back needs no confirmation.
    await page.getByRole('button', { name: 'Incluir días de la LFT art. 74' }).click();
    await page.getByText(/\(art\. 74\): Incluidos en este calendario/).waitFor();
    expect(await version()).toBe(before + 2);
    expect(await page.getByTestId('versions').locator('tbody tr').first().innerText()).toContain(
      'Se incluyeron los días de descanso obligatorio de la LFT art. 74',
    );
  });
});
