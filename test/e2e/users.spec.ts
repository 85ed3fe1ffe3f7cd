import type { Page } from 'playwright-core';
import { logIn, newPage, screenshot } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// L3-04: provider admins issue every portal user; the new user can log in at once.

const ADMIN = 'admin@becken.example';

describe('Users (web app, admins)', () => {
  let e2e: E2eWorld;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2eWorld('users');
  });
  afterAll(async () => {
    await e2e?.close();
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('creates a client user who can then log in', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await page.getByRole('link', { name: 'Usuarios' }).click();
    await page.getByTestId('users').waitFor();

    // Roles offered follow the organisation's kind.
    await page.getByLabel('Organización', { exact: true }).last().selectOption({ label: 'Becken' });
    await page.getByRole('checkbox', { name: 'Gerente' }).waitFor();
    await page
      .getByLabel('Organización', { exact: true })
      .last()
      .selectOption({ label: 'Comercializadora Aurora' });
    await page.getByRole('checkbox', { name: 'Usuario del portal' }).check();
    expect(await page.getByRole('checkbox', { name: 'Gerente' }).count()).toBe(0);

    await page.getByLabel('Correo').fill('nueva@aurora.example');
    await page.getByLabel('Nombre completo').fill('Nadia Nueva');
    await page.getByLabel('Contraseña temporal').fill('corta');
    await page.getByRole('button', { name: 'Crear usuario' }).click();
    await page.getByText('La contraseña temporal debe tener al menos 12 caracteres.').waitFor();

    await page.getByLabel('Contraseña temporal').fill('una-clave-segura-2026');
    await page.getByRole('button', { name: 'Crear usuario' }).click();
    await page.getByText('Usuario nueva@aurora.example creado.').waitFor();
    const row = page.getByTestId('users').getByRole('row', { name: /Nadia Nueva/ });
    expect(await row.innerText()).toContain('Comercializadora Aurora');
    expect(await row.innerText()).toContain('Activo');
    await screenshot(page, '12-users', { docs: 'users' });

    // The same email again: refused in words, the form keeps its values.
    await page.getByRole('checkbox', { name: 'Usuario del portal' }).check();
    await page.getByLabel('Correo').fill('NUEVA@aurora.example');
    await page.getByLabel('Nombre completo').fill('Nadia Duplicada');
    await page.getByLabel('Contraseña temporal').fill('una-clave-segura-2026');
    await page.getByRole('button', { name: 'Crear usuario' }).click();
    await page.getByText('Ya existe un registro igual.').waitFor();
    await page.getByText('Ya existe un usuario con el correo nueva@aurora.example.').waitFor();
    expect(await page.getByLabel('Nombre completo').inputValue()).toBe('Nadia Duplicada');

    const fresh = await newPage(e2e.browser, e2e.baseURL);
    await logIn(fresh.page, 'nueva@aurora.example', 'una-clave-segura-2026');
    await fresh.page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    await fresh.context.close();
  });

  it('deactivates and reactivates a user, and filters by organisation', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await page.goto('/usuarios');
    await page.getByLabel('Organización', { exact: true }).first().selectOption({
      label: 'Grupo Industrial Tulum',
    });
    await page.getByTestId('users').getByText('Tomás Usuario').waitFor();
    await page.waitForFunction(
      "!document.querySelector('[data-testid=users]').innerText.includes('Úrsula')",
    );

    await page.getByRole('button', { name: 'Desactivar a Tomás Usuario', exact: true }).click();
    await page.getByRole('button', { name: 'Activar a Tomás Usuario', exact: true }).waitFor();
    const row = page.getByTestId('users').getByRole('row', { name: /Tomás Usuario/ });
    expect(await row.innerText()).toContain('Inactivo');
    await page.getByRole('button', { name: 'Activar a Tomás Usuario', exact: true }).click();
    await page.getByRole('button', { name: 'Desactivar a Tomás Usuario', exact: true }).waitFor();
  });
});
