import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import type { EmailDispatcher } from '../../src/notifications/email-dispatcher';
import { caughtAtLeast, caughtMails, passwordLinkToken } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { startDispatcher } from '../support/outbox-dispatcher';
import { boxesInOneFrame, horizontalOverflow, logIn, newPage, screenshot } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// L3-04: provider admins issue every portal user; the new user is emailed an invitation link,
// chooses a password on /contrasena and logs in. Admins edit users.

/** The token of the newest password link emailed to `address`, read from the SMTP catcher. */
async function emailedToken(address: string): Promise<string> {
  const mails = await eventually(
    () => caughtMails(address),
    (m) => m.length > 0,
  );
  const newest = [...mails].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))[0];
  expect(newest.subject).toBe('Le damos la bienvenida al portal de soporte L3');
  return passwordLinkToken(newest);
}

const ADMIN = 'admin@becken.example';

describe('Users (web app, admins)', () => {
  let e2e: E2eWorld;
  let page: Page;
  let dispatcher: EmailDispatcher;

  beforeAll(async () => {
    e2e = await startE2eWorld('users');
    // The outbox dispatcher (the worker's, without the worker): invitations reach the catcher.
    dispatcher = await startDispatcher(e2e.world);
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await e2e?.close();
  });
  afterEach(async () => {
    await page.context().close();
  });

  /** A client user of Aurora of our own (the demo users keep their seeded passwords), by API. */
  async function createClientUser(user: {
    email: string;
    displayName: string;
    temporaryPassword: string;
    locale?: 'EN';
    timeZone?: string;
  }): Promise<void> {
    const created = await gql(
      e2e.world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: e2e.world.orgIds['comercializadora-aurora'],
          roles: ['CLIENT_USER'],
          ...user,
        },
      },
      e2e.world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
  }

  it('creates a client user, who sets a password from the emailed link and logs in', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await page.getByRole('link', { name: 'Usuarios' }).click();
    await page.getByTestId('users').waitFor();

    // Roles offered follow the organization's kind.
    await page.getByLabel('Organización', { exact: true }).last().selectOption({ label: 'Becken' });
    await page.getByRole('checkbox', { name: 'Gerente' }).waitFor();
    await page
      .getByLabel('Organización', { exact: true })
      .last()
      .selectOption({ label: 'Comercializadora Aurora' });
    await page.getByRole('checkbox', { name: 'Usuario del portal' }).check();
    expect(await page.getByRole('checkbox', { name: 'Gerente' }).count()).toBe(0);

    // QA S22: an empty field is refused in the app's words, not by the browser's bubble.
    await page.getByRole('button', { name: 'Crear usuario' }).click();
    expect(await page.getByRole('alert').allInnerTexts()).toEqual(['Complete el campo «Correo».']);

    // QA S55: an accent before the @ is refused in words, with the address most likely meant.
    await page.getByLabel('Correo').fill(`nádia-${process.pid}@aurora.example`);
    await page.getByLabel('Nombre completo').fill('Nadia Nueva');
    await page.getByRole('button', { name: 'Crear usuario' }).click();
    expect(await page.getByRole('alert').allInnerTexts()).toEqual([
      `Los correos no llevan acentos ni ñ antes de la @. ¿Quiso decir nadia-${process.pid}@aurora.example?`,
    ]);
    expect(await page.getByTestId('users').innerText()).not.toContain('Nadia Nueva');

    const email = `nueva-${process.pid}@aurora.example`;
    await page.getByLabel('Correo').fill(email);
    await page
      .getByText('El usuario recibirá un correo con un enlace para elegir su contraseña')
      .waitFor();
    // QA S55: a zone chosen for this person is not carried into the next one's form.
    const zone = page.locator('select#new-user-zone');
    await zone.selectOption('America/Cancun');
    await page.getByRole('button', { name: 'Crear usuario' }).click();
    await page
      .getByText(`Usuario ${email} creado; le enviamos su invitación por correo.`)
      .waitFor();
    expect(await zone.inputValue()).toBe('America/Mexico_City');
    const row = page.getByTestId('users').getByRole('row', { name: /Nadia Nueva/ });
    expect(await row.innerText()).toContain('Comercializadora Aurora');
    expect(await row.innerText()).toContain('Activo');
    await screenshot(page, '12-users', { docs: 'users' });

    // The same email again: refused in words, the form keeps its values.
    await page.getByRole('checkbox', { name: 'Usuario del portal' }).check();
    await page.getByLabel('Correo').fill(email.toUpperCase());
    await page.getByLabel('Nombre completo').fill('Nadia Duplicada');
    await page.getByRole('button', { name: 'Crear usuario' }).click();
    // Said once, in its own words: not also the generic «Ya existe un registro igual» (QA S20).
    const refusal = page.getByRole('alert');
    await refusal.getByText(`Ya existe un usuario con el correo ${email}.`).waitFor();
    expect(await refusal.allInnerTexts()).toEqual([`Ya existe un usuario con el correo ${email}.`]);
    expect(await page.getByLabel('Nombre completo').inputValue()).toBe('Nadia Duplicada');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Create a user' }).click();
    await refusal.getByText(`A user with the email ${email} already exists.`).waitFor();
    expect(await refusal.allInnerTexts()).toEqual([
      `A user with the email ${email} already exists.`,
    ]);
    await page.getByRole('button', { name: 'Español' }).click();

    // The emailed link, opened logged out: too short, then a good password; the link is spent.
    const token = await emailedToken(email);
    const fresh = await newPage(e2e.browser, e2e.baseURL);
    await fresh.page.goto(`/contrasena?token=${token}`);
    await fresh.page.getByRole('heading', { name: 'Elija su contraseña' }).waitFor();
    await fresh.page.getByLabel('Contraseña nueva').fill('corta');
    await fresh.page.getByLabel('Repita la contraseña').fill('corta');
    await fresh.page.getByRole('button', { name: 'Guardar contraseña' }).click();
    await fresh.page.getByText('La contraseña debe tener al menos 12 caracteres.').waitFor();
    await fresh.page.getByLabel('Contraseña nueva').fill('una-clave-segura-2026');
    await fresh.page.getByLabel('Repita la contraseña').fill('una-clave-segura-2026');
    await fresh.page.getByRole('button', { name: 'Guardar contraseña' }).click();
    await fresh.page.getByText('Listo: su contraseña quedó guardada. Ya puede entrar.').waitFor();
    await screenshot(fresh.page, '55-set-password');

    await fresh.page.goto(`/contrasena?token=${token}`);
    await fresh.page.getByLabel('Contraseña nueva').fill('otra-clave-segura-2026');
    await fresh.page.getByLabel('Repita la contraseña').fill('otra-clave-segura-2026');
    await fresh.page.getByRole('button', { name: 'Guardar contraseña' }).click();
    await fresh.page
      .getByText('Este enlace no es válido, ya se usó o venció.', { exact: false })
      .waitFor();

    await logIn(fresh.page, email, 'una-clave-segura-2026');
    await fresh.page.getByRole('heading', { name: 'Mis tickets' }).waitFor();

    // The same user on another device, logged in before the change.
    const elsewhere = await newPage(e2e.browser, e2e.baseURL);
    await logIn(elsewhere.page, email, 'una-clave-segura-2026');

    // Her own password, from the header: the current one is checked first.
    // L3-04: the header's «Mi cuenta» holds the password form, under its own title.
    await fresh.page.getByRole('link', { name: 'Mi cuenta' }).click();
    await fresh.page.getByRole('heading', { name: 'Mi cuenta', level: 1 }).waitFor();
    await fresh.page.getByRole('heading', { name: 'Cambiar contraseña', level: 2 }).waitFor();
    expect(new URL(fresh.page.url()).pathname).toBe('/mi-cuenta');
    await fresh.page.getByLabel('Contraseña actual').fill('no-es-mi-clave-2026');
    await fresh.page.getByLabel('Contraseña nueva').fill('mi-clave-propia-2027');
    await fresh.page.getByLabel('Repita la contraseña').fill('mi-clave-propia-2027');
    await fresh.page.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await fresh.page.getByText('La contraseña actual no es correcta.').waitFor();
    await fresh.page.getByLabel('Contraseña actual').fill('una-clave-segura-2026');
    await fresh.page.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await fresh.page
      .getByText('Su contraseña cambió. Úsela la próxima vez que entre;', { exact: false })
      .waitFor();
    // L3-04 (security): the change ended every earlier session, yet this browser carries on with
    // the fresh one the answer brought, also after a reload (the stored session).
    await fresh.page.goto('/');
    await fresh.page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    await fresh.page.getByTestId('who').waitFor();
    // The other device's session ended: its open page (Mis tickets, which follows changes live)
    // goes to the login by itself, saying why (QA S60 #11: «Su sesión terminó.» only).
    await elsewhere.page
      .getByText(
        'Su sesión terminó porque la contraseña de su cuenta se cambió en otra sesión. Entre con la contraseña nueva.',
      )
      .waitFor();
    expect(await elsewhere.page.getByTestId('who').count()).toBe(0);
    await elsewhere.context.close();
    await fresh.context.close();
    const again = await newPage(e2e.browser, e2e.baseURL);
    await logIn(again.page, email, 'mi-clave-propia-2027');
    await again.context.close();
  });

  it('a password change elsewhere sends an open ticket page to the login by itself (L3-04)', async () => {
    // A client user of our own (the demo users keep the passwords the seed gave them) and her
    // ticket, registered through the API.
    const email = `en-vivo-${process.pid}@aurora.example`;
    await createClientUser({
      email,
      displayName: 'Vera Vivo',
      temporaryPassword: 'clave-inicial-2026',
    });
    const login = await gql<{ login: { token: string } }>(
      e2e.world.api,
      `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
      { email, password: 'clave-inicial-2026' },
    );
    const registered = await gql<{ registerTicket: { number: string } }>(
      e2e.world.api,
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
      {
        input: {
          category: 'INCIDENT',
          subject: 'No cierra el corte de caja',
          description: 'El corte de caja de hoy no cierra.',
        },
      },
      { authorization: `Bearer ${login.body.data!.login.token}` },
    );
    expect(registered.body.errors).toBeUndefined();
    const ticketPath = `/tickets/${registered.body.data!.registerTicket.number}`;

    // The ticket open in one browser, following it live.
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, email, 'clave-inicial-2026');
    await page.goto(ticketPath);
    await page.getByRole('heading', { name: /No cierra el corte de caja/ }).waitFor();
    await page.locator('[data-testid=live-status][data-status=live]').waitFor();

    // The same user changes her password in another browser.
    const other = await newPage(e2e.browser, e2e.baseURL);
    await logIn(other.page, email, 'clave-inicial-2026');
    await other.page.getByRole('link', { name: 'Mi cuenta' }).click();
    await other.page.getByLabel('Contraseña actual').fill('clave-inicial-2026');
    await other.page.getByLabel('Contraseña nueva').fill('clave-cambiada-2027');
    await other.page.getByLabel('Repita la contraseña').fill('clave-cambiada-2027');
    await other.page.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await other.page.getByText('Su contraseña cambió.', { exact: false }).waitFor();

    // Without a click the ticket page becomes the login, saying why; logging in again goes
    // back to the ticket.
    await page
      .getByText(
        'Su sesión terminó porque la contraseña de su cuenta se cambió en otra sesión. Entre con la contraseña nueva.',
      )
      .waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/entrar');
    expect(url.searchParams.get('next')).toBe(ticketPath);
    expect(await page.getByTestId('who').count()).toBe(0);
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña').fill('clave-cambiada-2027');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: /No cierra el corte de caja/ }).waitFor();
    await other.context.close();

    // Two tabs of one browser share one login: the ticket tab and one that changes the password.
    // The tab that changed it keeps its fresh session after a reload (the ticket tab, refused,
    // forgets only its own token), and the ticket tab carries on with the fresh one, no login.
    const tab = await page.context().newPage();
    await tab.goto('/cambiar-contrasena');
    await tab.getByLabel('Contraseña actual').fill('clave-cambiada-2027');
    await tab.getByLabel('Contraseña nueva').fill('clave-tercera-2028');
    await tab.getByLabel('Repita la contraseña').fill('clave-tercera-2028');
    await tab.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await tab.getByText('Su contraseña cambió.', { exact: false }).waitFor();
    await page.getByTestId('who').waitFor();
    await page.goto(ticketPath);
    await page.getByRole('heading', { name: /No cierra el corte de caja/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(ticketPath);
    await tab.reload();
    await tab.getByTestId('who').waitFor();
    expect(new URL(tab.url()).pathname).not.toBe('/entrar');
  });

  it("opens an English user's reset link in English, as her email is (L3-04)", async () => {
    // An English-speaking client user of our own, created through the API.
    const email = `english-${process.pid}@aurora.example`;
    await createClientUser({
      email,
      displayName: 'Erin English',
      locale: 'EN',
      temporaryPassword: 'initial-password-2026',
    });

    // The admin (Spanish) sends her a reset link; the email is in English.
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await page.goto('/usuarios');
    await page
      .getByRole('button', {
        name: 'Enlace de contraseña para Erin English: enviar un enlace para restablecer su contraseña',
      })
      .click();
    await page.getByText(`Enviamos a ${email} un enlace`, { exact: false }).waitFor();
    const resets = await caughtAtLeast(
      1,
      (m) => m.subject === 'Reset your support portal password',
      email,
    );
    expect(resets).toHaveLength(1);
    const [mail] = resets;
    const link = /https?:\/\/\S+\/contrasena\?token=[A-Za-z0-9_-]+&lang=en\b/.exec(mail.text)?.[0];
    if (!link) throw new Error(`no English password link in: ${mail.text}`);

    // Opened on a device that never chose a language: the page speaks English.
    const fresh = await newPage(e2e.browser, e2e.baseURL);
    const { pathname, search } = new URL(link);
    await fresh.page.goto(`${pathname}${search}`);
    await fresh.page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    expect(await fresh.page.getAttribute('html', 'lang')).toBe('en');
    await fresh.page.getByLabel('Repeat the password').waitFor();
    await fresh.context.close();

    // A device whose switch says Spanish keeps it: the person's own choice wins.
    const spanish = await newPage(e2e.browser, e2e.baseURL);
    await spanish.page.goto('/entrar');
    await spanish.page.evaluate(`localStorage.setItem('sla.language', 'es-MX')`);
    await spanish.page.goto(`${pathname}${search}`);
    await spanish.page.getByRole('heading', { name: 'Elija su contraseña' }).waitFor();
    await spanish.context.close();
  });

  it("edits a user's name and roles", async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await page.goto('/usuarios');
    await page.getByRole('button', { name: 'Editar a Teresa Aprobadora', exact: true }).click();
    const form = page.getByTestId('edit-user');
    await form.getByRole('heading', { name: 'Editar aprobador@tulum.example' }).waitFor();
    // A client's roles only.
    expect(await form.getByRole('checkbox', { name: 'Gerente' }).count()).toBe(0);
    await form.getByLabel('Nombre completo').fill('Teresa Aprobadora Ruiz');
    // Looking for someone else meanwhile keeps the form open, with what was typed (QA).
    await page.getByLabel('Buscar usuario').fill('nadie-con-este-nombre');
    await page.getByTestId('users').waitFor({ state: 'detached' });
    expect(await form.getByLabel('Nombre completo').inputValue()).toBe('Teresa Aprobadora Ruiz');
    await page.getByLabel('Buscar usuario').fill('');
    await form.getByRole('checkbox', { name: 'Usuario del portal' }).check();
    await form.getByRole('button', { name: 'Guardar cambios' }).click();
    await form.getByText('Cambios de aprobador@tulum.example guardados.').waitFor();
    const row = page.getByTestId('users').getByRole('row', { name: /Teresa Aprobadora Ruiz/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Usuario del portal, Aprobador de estimaciones');
    await screenshot(page, '54-users-edit');

    // A reset link for her: the admin is told where it went.
    await page
      .getByRole('button', {
        name: 'Enlace de contraseña para Teresa Aprobadora Ruiz: enviar un enlace para restablecer su contraseña',
      })
      .click();
    await page
      .getByText(
        'Enviamos a aprobador@tulum.example un enlace para elegir contraseña (vale 2 horas).',
      )
      .waitFor();
  });

  it('deactivates and reactivates a user, and filters by organization', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await page.goto('/usuarios');
    // At 1280 px each row's three buttons stand on one line, in a table that still fits the page
    // (QA S55: «Desactivar» fell under «Editar» and «Enlace de contraseña»). An agent's «Reasignar
    // sus tickets» (L3-07) has a line of its own under them.
    await page.getByTestId('users').getByText('Tomás Usuario').waitFor();
    const lines = await page.evaluate<number[]>(
      `[...document.querySelectorAll('[data-testid=users] td.row-actions')].map((td) =>
        new Set([...td.querySelectorAll(':scope > button')]
          .map((b) => Math.round(b.getBoundingClientRect().top))).size)`,
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(new Set(lines)).toEqual(new Set([1]));
    expect(
      await page
        .getByTestId('users')
        .evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth),
    ).toBeLessThanOrEqual(0);
    await page.getByLabel('Organización', { exact: true }).first().selectOption({
      label: 'Grupo Industrial Tulum',
    });
    await page.getByTestId('users').getByText('Tomás Usuario').waitFor();
    await page.waitForFunction(
      "!document.querySelector('[data-testid=users]').innerText.includes('Úrsula')",
    );
    // The chosen organization is kept in the address: a reload keeps it and its users (QA S18).
    expect(new URL(page.url()).searchParams.get('organizacion')).toMatch(/^[0-9a-f-]{36}$/);
    await page.reload();
    await page.waitForFunction(
      "document.querySelector('#users-org')?.selectedOptions[0]?.textContent === 'Grupo Industrial Tulum'",
    );
    await page.getByTestId('users').getByText('Tomás Usuario').waitFor();
    expect(await page.getByTestId('users').innerText()).not.toContain('Úrsula');

    // Deactivating asks first, in the page (QA S55: the browser's confirm named the host and
    // spoke the browser's language): cancelled, nothing changes; confirmed, the user is inactive.
    let dialogs = 0;
    page.on('dialog', () => void (dialogs += 1));
    await page.getByRole('button', { name: 'Desactivar a Tomás Usuario', exact: true }).click();
    const confirm = page.getByRole('alertdialog', {
      name: '¿Desactivar a Tomás Usuario (usuario@tulum.example)?',
    });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(
      'Se cierra su sesión en todos sus dispositivos y no podrá entrar hasta que reactive la cuenta.',
    );
    // The focus is on «Cancelar»: Enter does not deactivate by accident.
    await page.waitForFunction("document.activeElement?.textContent === 'Cancelar'");
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    expect(
      await page.getByRole('button', { name: 'Activar a Tomás Usuario', exact: true }).count(),
    ).toBe(0);
    await page.getByRole('button', { name: 'Desactivar a Tomás Usuario', exact: true }).click();
    await confirm.getByRole('button', { name: 'Sí, desactivar' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(dialogs).toBe(0);
    await page.getByRole('button', { name: 'Activar a Tomás Usuario', exact: true }).waitFor();
    // QA (WCAG 2.4.3): the focus lands on the notice, not on the page. Audit: the notice read
    // «usuario@tulum.example: Inactivo»; it names the person and says what the server did.
    await page.waitForFunction(
      "document.activeElement?.textContent === 'Se desactivó a Tomás Usuario (usuario@tulum.example): sus sesiones se cerraron y ya no puede entrar.'",
    );
    const row = page.getByTestId('users').getByRole('row', { name: /Tomás Usuario/ });
    expect(await row.innerText()).toContain('Inactivo');
    await page.getByRole('button', { name: 'Activar a Tomás Usuario', exact: true }).click();
    await page.getByRole('button', { name: 'Desactivar a Tomás Usuario', exact: true }).waitFor();
    await page.waitForFunction(
      "document.activeElement?.textContent === 'Se reactivó a Tomás Usuario (usuario@tulum.example).'",
    );

    // The admin's own row offers no «Desactivar» (the API refuses it); the buttons' column is
    // named «Acciones» for screen readers.
    await page
      .getByLabel('Organización', { exact: true })
      .first()
      .selectOption({ label: 'Becken' });
    const own = page.getByTestId('users').getByRole('row', { name: /admin@becken\.example/ });
    await own.getByRole('button', { name: /^Editar a / }).waitFor();
    expect(await own.getByRole('button', { name: /^(Desactivar|Activar) a / }).count()).toBe(0);
    expect(
      await page.getByTestId('users').getByRole('columnheader', { name: 'Acciones' }).count(),
    ).toBe(1);
  });

  // QA S60b #11: at 1280 px the table ran 17 px past its card (a pending invitation's badges, a
  // long address and the row's buttons side by side), «Desactivar» cut off at the card's edge.
  it('the list fits its card at 1280 px with a pending invitation, two roles and a long address; on a phone each user is a block', async () => {
    const created = await gql(
      e2e.world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: e2e.world.orgIds['comercializadora-aurora'],
          roles: ['CLIENT_USER', 'CLIENT_APPROVER'],
          email: 'responsable.facturacion.electronica@comercializadora-aurora.example',
          displayName: 'María Fernanda de la Garza Villarreal',
        },
      },
      e2e.world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    const name = 'María Fernanda de la Garza Villarreal';
    /** How far the table runs past its card's scroll box, and the page past the window. */
    const overflow = async (at: Page) => ({
      table: await at
        .getByTestId('users')
        .evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth),
      page: await horizontalOverflow(at),
    });

    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await page.goto('/usuarios');
    const row = page.getByTestId('users').getByRole('row', { name: new RegExp(name) });
    await row.getByTestId('invitation-pending').waitFor();
    await screenshot(page, 'users-1280-fits');
    expect(await overflow(page)).toEqual({ table: 0, page: [] });
    // Every button of every row inside the card, on one line (QA S55), «Desactivar» whole.
    const card = await page.evaluate<{ left: number; right: number }>(
      `(() => { const box = document.querySelector('[data-testid=users]').closest('.card')
        .getBoundingClientRect(); return { left: box.left, right: box.right }; })()`,
    );
    for (const button of await page.getByTestId('users').locator('td.row-actions button').all()) {
      const at = (await button.boundingBox())!;
      expect(at.x).toBeGreaterThanOrEqual(card.left);
      expect(at.x + at.width).toBeLessThanOrEqual(card.right);
    }
    const [desactivar, editar] = await boxesInOneFrame([
      row.getByRole('button', { name: `Desactivar a ${name}`, exact: true }),
      row.getByRole('button', { name: `Editar a ${name}` }),
    ]);
    expect(desactivar.y).toBe(editar.y);
    // The long address wraps (before its «@» or after a dot); the demo users' stay whole.
    const emailLines = await page.evaluate<Record<string, number>>(
      `Object.fromEntries([...document.querySelectorAll('[data-testid=users] tbody th .block')]
        .map((e) => [e.textContent, Math.round(e.getBoundingClientRect().height /
          parseFloat(getComputedStyle(e).lineHeight))]))`,
    );
    expect(
      emailLines['responsable.facturacion.electronica@comercializadora-aurora.example'],
    ).toBeGreaterThan(1);
    for (const demo of [
      'admin@becken.example',
      'agente@becken.example',
      'aprobador@aurora.example',
    ])
      expect(emailLines[demo]).toBe(1);

    // A phone: each user a block, its state and buttons on screen, nothing scrolls sideways.
    const phone = (await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 })).page;
    try {
      await logIn(phone, ADMIN, e2e.password(ADMIN));
      await phone.goto('/usuarios');
      const block = phone.getByTestId('users').getByRole('row', { name: new RegExp(name) });
      await block.getByTestId('invitation-pending').waitFor();
      expect(await overflow(phone)).toEqual({ table: 0, page: [] });
      const button = (await block
        .getByRole('button', { name: `Desactivar a ${name}`, exact: true })
        .boundingBox())!;
      expect(button.x + button.width).toBeLessThanOrEqual(390);
    } finally {
      await phone.context().close();
    }
  });

  it("picks a user's time zone by its name; her emails and pages then use it, and a stored zone outside the list is kept (L3-04, L3-11)", async () => {
    // A client user of our own, in Mexico City (the default), created through the API.
    const email = `zona-${process.pid}@aurora.example`;
    await createClientUser({
      email,
      displayName: 'Zoe Zona',
      temporaryPassword: 'clave-zona-2026',
    });
    const storedZone = async (address: string) =>
      (
        await e2e.world.db.query<{ time_zone: string }[]>(
          `SELECT time_zone FROM app_user WHERE email = $1`,
          [address],
        )
      )[0].time_zone;
    // The select's chosen zone: its value (the IANA id), its words and its group.
    type Select = {
      value: string;
      selectedOptions: ArrayLike<{ textContent: string | null; parentElement: unknown }>;
    };
    const chosen = (select: ReturnType<Page['getByLabel']>) =>
      select.evaluate((el) => {
        const s = el as unknown as Select;
        const option = s.selectedOptions[0];
        return {
          value: s.value,
          label: option?.textContent ?? '',
          group: (option?.parentElement as { label?: string } | null)?.label ?? '',
        };
      });

    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await page.goto('/usuarios');
    await page.getByRole('button', { name: 'Editar a Zoe Zona', exact: true }).click();
    const form = page.getByTestId('edit-user');
    const zone = form.getByLabel('Zona horaria', { exact: true });
    // The zone is shown in words, never as an IANA code to type.
    expect(await chosen(zone)).toEqual({
      value: 'America/Mexico_City',
      label: 'Hora de la Ciudad de México (UTC−6)',
      group: 'México',
    });
    expect(await form.locator('input[list], datalist').count()).toBe(0);

    // Found by its name (no accents needed): the only match is chosen in the list as it is typed
    // (QA S60 #1), and can be chosen there too.
    await form.getByLabel('Buscar zona').fill('colombia');
    await form.getByText('Una zona coincide y queda elegida en la lista.').waitFor();
    expect(await zone.inputValue()).toBe('America/Bogota');
    await zone.selectOption({ label: 'Hora de Colombia (UTC−5)' });
    await screenshot(page, '56-users-time-zone');
    await form.getByRole('button', { name: 'Guardar cambios' }).click();
    await form.getByText(`Cambios de ${email} guardados.`).waitFor();
    expect(await storedZone(email)).toBe('America/Bogota');

    // Her emails name it: the reset link's expiry is in Bogotá time.
    await page
      .getByRole('button', {
        name: 'Enlace de contraseña para Zoe Zona: enviar un enlace para restablecer su contraseña',
      })
      .click();
    await page.getByText(`Enviamos a ${email} un enlace`, { exact: false }).waitFor();
    const resets = await caughtAtLeast(
      1,
      (m) => m.subject === 'Restablezca su contraseña del portal de soporte',
      email,
    );
    expect(resets).toHaveLength(1);
    const [mail] = resets;
    expect(mail.text).toMatch(/El enlace vence:? .*\(hora de Colombia\)/);
    expect(mail.text).not.toContain('America/Bogota');

    // Her pages use it: the deadline calculator gives the deadline in her zone too.
    const her = await newPage(e2e.browser, e2e.baseURL);
    await logIn(her.page, email, 'clave-zona-2026');
    await her.page.getByRole('link', { name: 'Calculadora de plazos' }).click();
    await her.page.waitForFunction(
      "document.querySelectorAll('#deadline-calendar option').length > 0",
    );
    await her.page.getByLabel('Desde (hora local)').fill('2026-01-30T17:30');
    await her.page.getByLabel('Cantidad').fill('8');
    await her.page.getByLabel('Unidad').selectOption({ label: 'horas hábiles' });
    await her.page.getByRole('button', { name: 'Calcular plazo' }).click();
    // Tue 3 Feb 16:30 in Mexico City is 17:30 in Bogotá.
    const yours = her.page.locator('dt', { hasText: 'En su zona: hora de Colombia (UTC−5)' });
    await yours.waitFor();
    expect(await yours.locator('xpath=following-sibling::dd[1]').innerText()).toMatch(
      /3 feb.* (17:30|5:30\s?p\.\s?m\.)/,
    );
    await her.context.close();

    // A user whose stored zone the list lacks (an old alias the former calendar picker offered):
    // shown first, in words, and kept when the admin changes something else.
    const legacy = `zona-guardada-${process.pid}@aurora.example`;
    await createClientUser({
      email: legacy,
      displayName: 'Gael Guardado',
      temporaryPassword: 'clave-guardada-2026',
      timeZone: 'America/Argentina/Buenos_Aires',
    });
    await page.reload();
    await page.getByRole('button', { name: 'Editar a Gael Guardado', exact: true }).click();
    await form.getByRole('heading', { name: `Editar ${legacy}` }).waitFor();
    expect(await chosen(zone)).toEqual({
      value: 'America/Argentina/Buenos_Aires',
      label: 'Hora de Argentina (UTC−3)',
      group: 'Zona guardada',
    });
    await form.getByLabel('Nombre completo').fill('Gael Guardado Ruiz');
    await form.getByRole('button', { name: 'Guardar cambios' }).click();
    await form.getByText(`Cambios de ${legacy} guardados.`).waitFor();
    expect(await storedZone(legacy)).toBe('America/Argentina/Buenos_Aires');
  });

  // QA S60 #1 (L3-04, L3-11): «colombia» typed in the zone's search, «Crear usuario» clicked
  // without Enter, and the user was saved in Mexico City while the page said «Intro la elige».
  it('creates the user in the zone typed without Enter, and refuses a search that picks no zone or several, in Spanish and English (QA S60 #1)', async () => {
    const email = `tecleada-${process.pid}@aurora.example`;
    const stored = async () =>
      await e2e.world.db.query<{ time_zone: string }[]>(
        `SELECT time_zone FROM app_user WHERE email = $1`,
        [email],
      );
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, ADMIN, e2e.password(ADMIN));
    await page.goto('/usuarios');
    await page.getByTestId('users').waitFor();
    const form = page.locator('form', { has: page.locator('#new-user-zone') });
    await form
      .getByLabel('Organización', { exact: true })
      .selectOption({ label: 'Comercializadora Aurora' });
    await form.getByRole('checkbox', { name: 'Usuario del portal' }).check();
    await form.getByLabel('Correo').fill(email);
    await form.getByLabel('Nombre completo').fill('Tomás Tecleado');
    const search = form.getByLabel('Buscar zona');
    const zone = form.getByLabel('Zona horaria', { exact: true });
    const refusal = form.getByRole('alert');

    // Several zones match: not sent; the zone field says why, is marked, and has the focus.
    await search.fill('utc−5');
    await form.getByRole('button', { name: 'Crear usuario' }).click();
    await refusal.waitFor();
    const several = await refusal.innerText();
    expect(several).toMatch(
      /^\d+ zonas coinciden con «utc−5»: elija una en la lista, o pulse Intro para la primera\. No se guardó nada\.$/,
    );
    expect(await refusal.count()).toBe(1);
    expect(await search.getAttribute('aria-invalid')).toBe('true');
    expect((await search.getAttribute('aria-describedby'))?.split(' ')).toContain(
      'new-user-zone-refusal',
    );
    expect(await zone.getAttribute('aria-describedby')).toBe('new-user-zone-refusal');
    expect(await search.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await zone.inputValue()).toBe('America/Mexico_City');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await refusal
      .getByText(
        /^\d+ zones match “utc−5”: choose one in the list, or press Enter for the first\. Nothing was saved\.$/,
      )
      .waitFor();
    await page.getByRole('button', { name: 'Español', exact: true }).click();

    // No zone matches: refused in its own words.
    await search.fill('atlantis');
    await form.getByRole('button', { name: 'Crear usuario' }).click();
    await refusal
      .getByText(
        'Ninguna zona coincide con «atlantis»: corrija la búsqueda, o bórrela para ver todas las zonas. No se guardó nada.',
        { exact: true },
      )
      .waitFor();
    expect(await stored()).toEqual([]);
    expect(await page.getByTestId('users').innerText()).not.toContain('Tomás Tecleado');

    // One zone: chosen in the list as it is typed, and the one saved, without Enter.
    await search.fill('colombia');
    await form.getByText('Una zona coincide y queda elegida en la lista.').waitFor();
    expect(await zone.inputValue()).toBe('America/Bogota');
    expect(await zone.locator('option:checked').innerText()).toBe('Hora de Colombia (UTC−5)');
    expect(await search.getAttribute('aria-invalid')).toBeNull();
    await form.getByRole('button', { name: 'Crear usuario' }).click();
    await page
      .getByText(`Usuario ${email} creado; le enviamos su invitación por correo.`)
      .waitFor();
    expect(await stored()).toEqual([{ time_zone: 'America/Bogota' }]);
    // The next person's form starts from the default zone, the search typed for this one gone.
    expect(await zone.inputValue()).toBe('America/Mexico_City');
    expect(await search.inputValue()).toBe('');
  });
});
