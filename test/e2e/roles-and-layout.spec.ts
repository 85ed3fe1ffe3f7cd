import type { Page } from 'playwright-core';
import { horizontalOverflow, logIn, newPage, screenshot } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// Navigation follows the roles (the API enforces them too); every screen fits a 360 px phone.

const CLIENT = 'usuario@aurora.example';
const MANAGER = 'gerente@becken.example';
const ADMIN = 'admin@becken.example';

describe('Role-aware navigation and small screens (web app)', () => {
  let e2e: E2eWorld;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2eWorld('roles');
  });
  afterAll(async () => {
    await e2e?.close();
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('gives a client user no Calendarios/Usuarios and a forbidden message when going there', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, CLIENT, e2e.password(CLIENT));
    const nav = page.getByRole('navigation', { name: 'Principal' });
    const links = await nav.getByRole('link').allInnerTexts();
    expect(links).not.toContain('Calendarios');
    expect(links).not.toContain('Usuarios');
    expect(links).not.toContain('Consola');

    for (const path of ['/calendarios', '/usuarios', '/consola']) {
      await page.goto(path);
      await page.getByRole('heading', { name: 'Sin permiso' }).waitFor();
      expect(await page.getByRole('alert').innerText()).toBe(
        'Tu cuenta no tiene permiso para ver esta página.',
      );
    }
    await screenshot(page, '06-forbidden');
  });

  it('shows each staff role its own menu', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    const nav = page.getByRole('navigation', { name: 'Principal' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual([
      'Mis tickets',
      'Cola',
      'Consola',
      'Tablero SLA',
      'Contratos y horas',
      'Correo saliente',
      'Puntos de control',
      'Calculadora de plazos',
      'Calendarios',
    ]);
    await page.goto('/usuarios');
    await page.getByRole('heading', { name: 'Sin permiso' }).waitFor();
  });

  it('renders login, shell, calculator, calendar and users at 360 px without horizontal scroll', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL, { width: 360, height: 740 }));
    await page.goto('/entrar');
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);

    await page.goto('/plazos');
    await page.getByLabel('Desde (hora local)').fill('2026-01-30T17:30');
    await page.getByRole('button', { name: 'Calcular plazo' }).click();
    await page.getByTestId('deadline-local').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, '07-mobile-deadline');

    await logIn(page, ADMIN, e2e.password(ADMIN));
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.getByRole('link', { name: 'Calendarios' }).click();
    await page.getByRole('link', { name: /^México \(CDMX\)/ }).click();
    await page.getByTestId('calendar-version').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, '08-mobile-calendar');

    await page.getByRole('link', { name: 'Usuarios' }).click();
    await page.getByTestId('users').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, '09-mobile-users');
  });
});
