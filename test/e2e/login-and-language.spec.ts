import type { Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { boxesInOneFrame, logIn, newPage, screenshot } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// The web app's front door: login in Spanish first, English on a switch, errors in words.

const CLIENT = 'usuario@aurora.example';
const AGREEMENT_URL = 'https://www.odoo.com/documentation/master/legal/terms/enterprise.html';

/** L3-20: the footer links the Odoo Enterprise Agreement, in a new tab, under `name`. */
async function expectAgreementLink(page: Page, footer: string, name: string) {
  const link = page.getByRole('contentinfo', { name: footer }).getByRole('link', { name });
  expect(await link.getAttribute('href')).toBe(AGREEMENT_URL);
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(await link.getAttribute('rel')).toBe('noopener');
}

describe('Login, session and language (web app)', () => {
  let e2e: E2eWorld;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2eWorld('login');
  });
  afterAll(async () => {
    await e2e?.close();
  });
  beforeEach(async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('serves the app at / and sends a logged-out visitor to the Spanish login form', async () => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es-MX');
    expect(page.url()).toBe(`${e2e.baseURL}/entrar`);
    await expectAgreementLink(
      page,
      'Pie de página',
      'Uso del software sujeto al Odoo Enterprise Agreement',
    );
    await screenshot(page, '01-login', { docs: 'login' });
  });

  it('/login, as people type it, opens the login form with its `next` kept (QA S51)', async () => {
    const response = await page.goto('/login?next=%2Fmis-horas');
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    await page.waitForURL(`${e2e.baseURL}/entrar?next=%2Fmis-horas`);
    expect(await page.getByText('Página no encontrada').count()).toBe(0);
  });

  it('logs a client in to a Spanish shell with their organization, then switches to English', async () => {
    await logIn(page, CLIENT, e2e.password(CLIENT));

    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    const header = page.getByTestId('who');
    expect(await header.innerText()).toContain('Úrsula Usuaria');
    expect(await header.innerText()).toContain('Comercializadora Aurora');
    const nav = page.getByRole('navigation', { name: 'Principal' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual([
      'Mis tickets',
      'Cola',
      'Mis horas',
      'Puntos de control',
      'Calculadora de plazos',
    ]);
    await expectAgreementLink(
      page,
      'Pie de página',
      'Uso del software sujeto al Odoo Enterprise Agreement',
    );
    await screenshot(page, '02-shell-client-es');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts(),
    ).toEqual(['My tickets', 'Queue', 'My hours', 'Checkpoints', 'Deadline calculator']);
    await expectAgreementLink(
      page,
      'Footer',
      'Use of the software is governed by the Odoo Enterprise Agreement',
    );

    // The choice and the session both survive a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, '03-shell-client-en');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto('/mis-tickets');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('L3-11: a signed-in switch is saved on the account (another device opens in it), and the account page sets the time zone', async () => {
    const approver = 'aprobador@aurora.example';
    const stored = () =>
      e2e.world.db.query<{ locale: string; time_zone: string }[]>(
        'SELECT locale, time_zone FROM app_user WHERE email = $1',
        [approver],
      );
    expect(await stored()).toEqual([{ locale: 'es-MX', time_zone: 'America/Mexico_City' }]);
    await logIn(page, approver, e2e.password(approver));
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    // Their emails follow the account's locale, not this browser's, and the switch says so once
    // saved (QA S62 #10).
    await page.getByRole('status').getByText('Your emails will come in English too.').waitFor();
    expect(await eventually(stored, (rows) => rows[0].locale === 'en')).toEqual([
      { locale: 'en', time_zone: 'America/Mexico_City' },
    ]);

    // Another device, nothing chosen there: it opens in the account's English.
    const other = await newPage(e2e.browser, e2e.baseURL);
    await logIn(other.page, approver, e2e.password(approver));
    await other.page.getByRole('heading', { name: 'My tickets' }).waitFor();
    expect(await other.page.getAttribute('html', 'lang')).toBe('en');
    await other.page.context().close();

    // Back to Spanish, and the account page («Mi cuenta» / «My account») offers the time zone
    // by its name.
    await page.getByRole('link', { name: 'My account' }).waitFor();
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('link', { name: 'Mi cuenta' }).click();
    await page.getByRole('heading', { name: 'Su zona horaria' }).waitFor();
    // It says the switch above is also the language of their emails (QA S55: the account page
    // named only the screens, and the header's switch changed the emails without a word).
    expect(await page.getByRole('region', { name: 'Mi cuenta' }).innerText()).toContain(
      'es también el de los correos que le enviamos',
    );
    // Its three cards stand apart, as the app's other stacked cards do: none touches the next.
    const boxes = await boxesInOneFrame(
      ['Mi cuenta', 'Cambiar contraseña', 'Su zona horaria'].map((name) =>
        page.getByRole('region', { name }),
      ),
    );
    for (let i = 1; i < boxes.length; i++) {
      expect(boxes[i].y - (boxes[i - 1].y + boxes[i - 1].height)).toBeGreaterThanOrEqual(16);
    }
    await page.getByLabel('Zona horaria', { exact: true }).selectOption('America/Cancun');
    await page.getByRole('button', { name: 'Guardar zona horaria' }).click();
    await page.getByText('Su zona horaria quedó guardada.').waitFor();
    expect(await stored()).toEqual([{ locale: 'es-MX', time_zone: 'America/Cancun' }]);
    // QA S60 #1: a zone typed in the search and saved without Enter is the one saved.
    await page.getByLabel('Buscar zona').fill('colombia');
    await page.getByText('Una zona coincide y queda elegida en la lista.').waitFor();
    await page.getByRole('button', { name: 'Guardar zona horaria' }).click();
    expect(await eventually(stored, (rows) => rows[0].time_zone !== 'America/Cancun')).toEqual([
      { locale: 'es-MX', time_zone: 'America/Bogota' },
    ]);
  });

  it('says in words that the credentials are wrong and keeps the email typed', async () => {
    await page.goto('/entrar');
    await page.getByLabel('Correo electrónico').fill(CLIENT);
    await page.getByLabel('Contraseña').fill('not-the-password');
    await page.getByRole('button', { name: 'Entrar' }).click();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('El correo o la contraseña no son correctos');
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe(CLIENT);
    expect(await page.getByLabel('Contraseña').inputValue()).toBe('not-the-password');
    await screenshot(page, '04-login-wrong-password');
  });

  it('says the server cannot be reached when the network is down', async () => {
    await page.goto('/entrar');
    await page.route('**/graphql', (route) => route.abort('internetdisconnected'));
    await page.getByLabel('Correo electrónico').fill(CLIENT);
    await page.getByLabel('Contraseña').fill(e2e.password(CLIENT));
    await page.getByRole('button', { name: 'Entrar' }).click();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('No hay conexión con el servidor');
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe(CLIENT);
  });

  it("starts in the account's language when the device has no choice stored", async () => {
    const agent = 'agente@becken.example'; // seeded with locale EN
    await logIn(page, agent, e2e.password(agent));
    await page.getByRole('heading', { name: 'Console' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it("L3-11: at login the account's language wins over the one this browser stored, and is stored in its place", async () => {
    const manager = 'gerente@becken.example'; // seeded with locale ES_MX
    const language = () => page.evaluate<string | null>(`localStorage.getItem('sla.language')`);
    await page.goto('/entrar');
    await page.evaluate(`localStorage.setItem('sla.language', 'en')`);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // Logged out, the switch changes only the login page (and this browser), not the account.
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await language()).toBe('en');

    await page.getByLabel('Email').fill(manager);
    await page.getByLabel('Password').fill(e2e.password(manager));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('who').waitFor();
    await page.getByRole('navigation', { name: 'Principal' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es-MX');
    await page.getByRole('link', { name: 'Mi cuenta' }).waitFor();
    expect(await language()).toBe('es-MX');
    expect(
      await e2e.world.db.query('SELECT locale FROM app_user WHERE email = $1', [manager]),
    ).toEqual([{ locale: 'es-MX' }]);

    // The stored language holds after a reload, and after signing out the login page speaks it.
    await page.reload();
    await page.getByRole('navigation', { name: 'Principal' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es-MX');
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
  });

  it('answers API paths itself and unknown files with 404, not with the app', async () => {
    const health = await page.request.get('/health');
    expect(health.headers()['content-type']).toContain('application/json');
    const graphiql = await page.request.get('/graphql', { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).not.toContain('<div id="root">');
    const missing = await page.request.get('/no-such-file.js');
    expect(missing.status()).toBe(404);
    const deepLink = await page.request.get('/calendarios/123');
    expect(deepLink.status()).toBe(200);
    expect(await deepLink.text()).toContain('<div id="root">');
  });
});
