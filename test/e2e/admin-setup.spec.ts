import type { Locator, Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { ISO_4217_ACTIVE } from '../../src/shared/iso-4217';
import { gql } from '../support/integration-harness';
import { horizontalOverflow, inSpanish, logIn, newPage } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// QA S17: what a provider administrator sets up for a new client in the web app, without
// GraphiQL. The client organization itself (L3-01, L3-04) and the client's Odoo admin user for
// the provider (L3-16: recorded per client, its absence flagged) had an API and no screen.

const ADMIN = 'admin@becken.example';
const MANAGER = 'gerente@becken.example';

/**
 * Where a table's rows leave a phone's screen: its box scrolls sideways, or one of the first row's
 * cells (named by its column on a phone) or buttons reaches past `width`. [] when it fits.
 */
async function offScreen(table: Locator, width: number, cellsAtLeast = 3): Promise<string[]> {
  const problems: string[] = [];
  const box = await table.evaluate((el) => ({
    scrollWidth: el.parentElement!.scrollWidth,
    clientWidth: el.parentElement!.clientWidth,
  }));
  if (box.scrollWidth > box.clientWidth + 1) problems.push(`box scrolls ${JSON.stringify(box)}`);
  const row = table.locator('tbody tr').first();
  const cells = row.locator('td[data-label], button');
  if ((await cells.count()) < cellsAtLeast) problems.push('too few labelled cells or buttons');
  for (const cell of await cells.all()) {
    const at = await cell.boundingBox();
    if (!at || at.x < 0 || at.x + at.width > width + 0.5)
      problems.push(`${await cell.innerText()} at ${JSON.stringify(at)}`);
  }
  return problems;
}

describe('Administration: a new client organization and its Odoo admin user (web app)', () => {
  let e2e: E2eWorld;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2eWorld('admin_setup');
  });
  afterAll(async () => {
    await e2e?.close();
  });
  afterEach(async () => {
    await page?.context().close();
  });

  async function organizationNames(): Promise<string[]> {
    const res = await gql(
      e2e.world.api,
      `{ organizations { name } }`,
      {},
      e2e.world.bearer(Role.ADMIN),
    );
    expect(res.body.errors).toBeUndefined();
    return (res.body.data as { organizations: { name: string }[] }).organizations.map(
      (o) => o.name,
    );
  }

  it('an admin creates a client organization once, even on a double click, then its users (L3-01, L3-04)', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await page.goto('/usuarios');
    await page.getByTestId('users').waitFor();

    const form = page.locator('form', { has: page.getByLabel('Nombre de la empresa') });
    await form.getByLabel('Nombre de la empresa').fill('  Constructora Río Bravo  ');
    await form.getByRole('button', { name: 'Crear organización' }).dblclick();
    await form.getByText('Organización Constructora Río Bravo creada.').waitFor();
    expect(await form.getByLabel('Nombre de la empresa').inputValue()).toBe('');
    expect((await organizationNames()).filter((n) => n === 'Constructora Río Bravo')).toHaveLength(
      1,
    );
    // The note under it leads to its users, policy and calendar (QA S60 #7).
    const next = page.getByTestId('organization-next-steps');
    expect(await next.getByRole('link').allInnerTexts()).toEqual([
      'Crear su póliza en Contratos y horas',
      'Darle su propio calendario',
    ]);
    const [riobravo] = await e2e.world.db.query<{ id: string }[]>(
      `SELECT id FROM organization WHERE name = 'Constructora Río Bravo'`,
    );
    const links = next.getByRole('link');
    expect([
      await links.nth(0).getAttribute('href'),
      await links.nth(1).getAttribute('href'),
    ]).toEqual([`/contratos?cliente=${riobravo.id}`, `/calendarios?cliente=${riobravo.id}`]);

    // The new client is chosen at once for its users (QA S60 #7: «Becken» stayed chosen);
    // «Crear sus usuarios» chooses it again and takes the admin to the form.
    const orgPicker = page.locator('#new-user-org');
    const chosenOrg = () =>
      orgPicker.evaluate((el) => {
        const select = el as unknown as { selectedOptions: { text: string }[] };
        return select.selectedOptions[0]?.text;
      });
    expect(await chosenOrg()).toBe('Constructora Río Bravo');
    await orgPicker.selectOption({ label: 'Becken' });
    await next.getByRole('button', { name: 'Crear sus usuarios' }).click();
    expect(await chosenOrg()).toBe('Constructora Río Bravo');
    expect(
      await page.locator('#new-user-email').evaluate((el) => el === el.ownerDocument.activeElement),
    ).toBe(true);

    // The same company again, spelled without accents: refused in words, the name kept.
    await form.getByLabel('Nombre de la empresa').fill('CONSTRUCTORA RIO BRAVO');
    await form.getByRole('button', { name: 'Crear organización' }).click();
    await form
      .getByText(
        'Ya existe una organización con ese nombre (o con uno que solo cambia en acentos, mayúsculas o signos).',
      )
      .waitFor();
    expect(await form.getByText(/slug/i).count()).toBe(0);
    expect(await form.getByLabel('Nombre de la empresa').inputValue()).toBe(
      'CONSTRUCTORA RIO BRAVO',
    );

    // Still chosen after the refusal, with the client roles only.
    expect(await chosenOrg()).toBe('Constructora Río Bravo');
    await page.getByRole('checkbox', { name: 'Aprobador de estimaciones' }).check();
    expect(await page.getByRole('checkbox', { name: 'Gerente' }).count()).toBe(0);
    await page.getByLabel('Correo').fill('compras@riobravo.example');
    await page.getByLabel('Nombre completo').fill('Rocío Bravo');
    await page.getByRole('button', { name: 'Crear usuario' }).click();
    await page
      .getByText('Usuario compras@riobravo.example creado; le enviamos su invitación por correo.')
      .waitFor();
    const row = page.getByTestId('users').getByRole('row', { name: /Rocío Bravo/ });
    expect(await row.innerText()).toContain('Constructora Río Bravo');

    // In English, and on a phone without a sideways scroll.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'New client organization' }).waitFor();
    await page.getByLabel('Company name').fill('Hotel Sian Kaan');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByText('Organization Hotel Sian Kaan created.').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);

    // «Darle su propio calendario» opens the new calendar's form with the client chosen (QA S60b).
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/calendarios?cliente=${riobravo.id}`);
    await page.getByRole('heading', { name: 'New calendar' }).waitFor();
    expect(await page.locator('#new-calendar-organizationId').inputValue()).toBe(riobravo.id);
    expect(await page.locator('#new-calendar-name').inputValue()).toBe('Constructora Río Bravo');
  });

  it('a manager records the client Odoo admin user; missing or unconfirmed, it is flagged (L3-16)', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto('/contratos');
    await page.getByLabel('Cliente').selectOption({ label: 'Grupo Industrial Tulum' });
    const policy = page.getByTestId('policy');
    await policy.waitFor();
    const flag = page.getByTestId('odoo-admin-flag');
    expect(await flag.innerText()).toBe('Sin registrar');

    const form = page.getByTestId('odoo-admin-form');
    await form.getByLabel('Usuario de Odoo (login)').fill('soporte.becken@tulum.example');
    await form.getByRole('button', { name: 'Guardar usuario de Odoo' }).click();
    await form
      .getByText('Usuario de Odoo soporte.becken@tulum.example guardado; falta confirmarlo.')
      .waitFor();
    await policy.getByText('soporte.becken@tulum.example').waitFor();
    expect(await flag.innerText()).toBe('Falta confirmarlo');

    await form.getByLabel('Comprobé que el usuario funciona').check();
    await form.getByRole('button', { name: 'Guardar usuario de Odoo' }).click();
    await form
      .getByText('Usuario de Odoo soporte.becken@tulum.example guardado y confirmado.')
      .waitFor();
    await flag.waitFor({ state: 'detached' });
    await policy.getByText('soporte.becken@tulum.example').waitFor();
    // The (folded) history names the login recorded, unconfirmed then confirmed (L3-16; QA S17).
    const history = page.getByTestId('policy-history');
    expect(await history.textContent()).toContain(
      'Usuario de Odoo registrado: soporte.becken@tulum.example (sin confirmar)',
    );
    expect(await history.textContent()).toContain(
      'Usuario de Odoo registrado: soporte.becken@tulum.example (confirmado)',
    );

    // Emptied: removed, and flagged as missing again; in English.
    await page.getByRole('button', { name: 'English' }).click();
    await form.getByLabel('Odoo user (login)').fill('');
    expect(await form.getByLabel('I checked that the user works').isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Save Odoo user' }).click();
    await form.getByText('The Odoo user was removed; the policy flags it as missing.').waitFor();
    await page.getByTestId('odoo-admin-flag').getByText('Not recorded').waitFor();
    // Unfolded, the history shows which login was removed.
    await page.locator('details', { has: history }).locator('summary').click();
    await history.getByText('Odoo user removed (was soporte.becken@tulum.example)').waitFor();
  });

  it('the users and the outgoing mail fit a phone, each row a card with its cells named (QA S17)', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 }));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await page.goto('/usuarios');
    const users = page.getByTestId('users');
    await users.waitFor();
    expect(await offScreen(users, 390)).toEqual([]);
    const first = users.locator('tbody tr').first();
    expect(await first.locator('td[data-label]').evaluateAll((cells) => cells.length)).toBe(3);

    // The invitation emailed in the first test is queued (no dispatcher here).
    await page.goto('/correo');
    const outbox = page.getByTestId('outbox');
    await outbox.waitFor();
    expect(await offScreen(outbox, 390)).toEqual([]);
    expect(await horizontalOverflow(page)).toEqual([]);
  });

  it("the calendars, a calendar's holidays and its versions fit a phone (business calendars, L3-06…L3-09; QA S17)", async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 }));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await page.goto('/calendarios');
    const list = page.locator('table', { has: page.locator('a[href^="/calendarios/"]') });
    await list.waitFor();
    expect(await offScreen(list, 390)).toEqual([]);

    await list.locator('a[href^="/calendarios/"]').first().click();
    const holidays = page.getByTestId('holidays');
    await holidays.waitFor();
    expect(await offScreen(holidays, 390, 2)).toEqual([]);
    expect(await offScreen(page.getByTestId('versions'), 390, 4)).toEqual([]);
    expect(await horizontalOverflow(page)).toEqual([]);
  });

  it('finds a user by name or email, whatever the case and accents (L3-04; QA S17)', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await inSpanish(page);
    await page.goto('/usuarios');
    const users = page.getByTestId('users');
    await users.waitFor();
    const names = () => users.locator('tbody th').allInnerTexts();

    // Listed by the name they show, in Spanish order (accents and case do not count), not by email.
    const shown = (await names()).map((cell) => cell.split('\n')[0]);
    expect(shown.length).toBeGreaterThan(3);
    const spanish = new Intl.Collator('es-MX', { sensitivity: 'base' });
    expect(shown).toEqual([...shown].sort(spanish.compare));

    await page.getByLabel('Buscar usuario', { exact: true }).fill('URSULA');
    await page.waitForFunction(
      "document.querySelectorAll('[data-testid=users] tbody tr').length === 1",
    );
    expect((await names())[0]).toContain('Úrsula Usuaria');

    await page.getByLabel('Buscar usuario', { exact: true }).fill('tulum.example');
    await page.waitForFunction(
      "document.querySelectorAll('[data-testid=users] tbody tr').length === 2",
    );
    expect((await names()).join(' ')).toMatch(
      /Teresa Aprobadora.*Tomás Usuario|Tomás Usuario.*Teresa Aprobadora/s,
    );

    await page.getByLabel('Buscar usuario', { exact: true }).fill('nadie');
    await page.getByText('Ningún usuario coincide con «nadie».').waitFor();
    expect(await users.count()).toBe(0);
  });

  it('the outgoing mail says it shows the 200 most recent emails, and how to find an older one (L3-11; QA S17)', async () => {
    const [user] = await e2e.world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE email = 'usuario@aurora.example'`,
    );
    // 210 sent emails, more than the page lists.
    await e2e.world.db.query(
      `INSERT INTO email_outbox (event_key, event_type, ticket_number, recipient_user_id,
         recipient_address, locale, template, payload, subject, text, html, message_id, status,
         attempts, sent_at)
       SELECT 'e2e-cap:' || n, 'TICKET_REGISTERED', NULL, $1, 'usuario@aurora.example', 'es-MX',
         'ticket-registered', '{}', 'Correo ' || n, 'texto', '<p>texto</p>',
         '<e2e-cap-' || n || '@localhost>', 'SENT', 1, now()
       FROM generate_series(1, 210) AS n`,
      [user.id],
    );
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await inSpanish(page);
    await page.goto('/correo');
    const rows = page.getByTestId('outbox').locator('tbody tr');
    for (const shown of [100, 150, 200]) {
      await page.getByRole('button', { name: 'Mostrar más' }).click();
      await page.waitForFunction(
        `document.querySelectorAll('[data-testid=outbox] tbody tr').length === ${shown}`,
      );
    }
    expect(await rows.count()).toBe(200);
    expect(await page.getByRole('button', { name: 'Mostrar más' }).count()).toBe(0);
    expect(await page.getByTestId('outbox-cap').innerText()).toBe(
      'Se muestran los 200 correos más recientes. Para encontrar uno anterior, busque por ticket, destinatario, fechas o estado.',
    );
  });

  it('refuses a mistyped currency on the policy and on a package, in words, saving nothing (L3-03, L3-13; QA S17)', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await inSpanish(page);
    await page.goto('/contratos');
    await page.getByLabel('Cliente').selectOption({ label: 'Grupo Industrial Tulum' });
    const terms = page.getByTestId('terms-form');
    await terms.waitFor();
    await terms.getByLabel('Moneda').fill('mnx');
    await terms.getByRole('button', { name: 'Guardar condiciones' }).click();
    await terms
      .getByText('«MNX» no es una moneda conocida: escriba su código ISO 4217, p. ej. MXN o USD.')
      .waitFor();
    // The field is marked invalid and described by the message (QA S18), and it suggests the
    // ISO 4217 codes of the shared table, named in the UI language.
    const termsCurrency = terms.getByLabel('Moneda');
    expect(await termsCurrency.getAttribute('aria-invalid')).toBe('true');
    const termsError = terms.getByRole('alert');
    expect(await termsError.getAttribute('id')).toBe(
      await termsCurrency.getAttribute('aria-describedby'),
    );
    const codes = terms.getByTestId((await termsCurrency.getAttribute('list')) ?? 'no list');
    expect(await codes.locator('option[value="MXN"]').textContent()).toMatch(/^peso mexicano$/i);
    expect(await codes.locator('option').count()).toBe(ISO_4217_ACTIVE.length);

    const packageForm = page.getByTestId('package-form');
    await packageForm.getByLabel('Horas').fill('5');
    await packageForm.getByLabel('Precio').fill('5000');
    await packageForm.getByLabel('Moneda').fill('MNX');
    await packageForm.getByLabel('Referencia (factura u orden)').fill('FAC-MNX');
    await packageForm.getByRole('button', { name: 'Agregar paquete' }).click();
    await packageForm.getByText('«MNX» no es una moneda conocida', { exact: false }).waitFor();
    const packageCurrency = packageForm.getByLabel('Moneda');
    expect(await packageCurrency.getAttribute('aria-invalid')).toBe('true');
    expect(await packageForm.getByRole('alert').getAttribute('id')).toBe(
      await packageCurrency.getAttribute('aria-describedby'),
    );
    expect(await packageForm.getByLabel('Horas').getAttribute('aria-invalid')).toBe(null);
    expect(await packageCurrency.getAttribute('list')).toBeTruthy();
    // Corrected, the field is valid again.
    await packageCurrency.fill('MXN');
    expect(await packageCurrency.getAttribute('aria-invalid')).toBe(null);

    const [policy] = await e2e.world.db.query<{ currency: string }[]>(
      `SELECT p.currency FROM support_policy p JOIN organization o ON o.id = p.organization_id
        WHERE o.slug = 'grupo-industrial-tulum'`,
    );
    expect(policy.currency).toBe('MXN');
    const packages = await e2e.world.db.query<unknown[]>(
      `SELECT 1 FROM hour_package WHERE reference = 'FAC-MNX'`,
    );
    expect(packages).toHaveLength(0);
  });
});
