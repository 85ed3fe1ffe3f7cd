import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import type { EmailDispatcher } from '../../src/notifications/email-dispatcher';
import { caughtMails } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { startDispatcher } from '../support/outbox-dispatcher';
import { logIn, newPage } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// L3-04: «¿Olvidó su contraseña?». A client user the provider issued asks for a link under the
// login form, reads the email (from the SMTP catcher), opens its link on /contrasena, chooses a
// new password and logs in with it.

describe('Forgot password (web app)', () => {
  let e2e: E2eWorld;
  let page: Page;
  let dispatcher: EmailDispatcher;
  const unique = `${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    e2e = await startE2eWorld('forgot-password');
    // The outbox dispatcher (the worker's, without the worker): the link reaches the catcher.
    dispatcher = await startDispatcher(e2e.world);
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await e2e?.close();
  });
  afterEach(async () => {
    await page.context().close();
  });

  /** A client user of Aurora with a known password, by API. */
  async function createClientUser(email: string): Promise<void> {
    const created = await gql(
      e2e.world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: e2e.world.orgIds['comercializadora-aurora'],
          email,
          displayName: 'Olga Olvido',
          roles: ['CLIENT_USER'],
          temporaryPassword: 'clave-de-antes-2026',
        },
      },
      e2e.world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
  }

  it('asks for a link from the login page, follows the emailed link and logs in with the new password', async () => {
    const email = `olga-${unique}@aurora.example`;
    await createClientUser(email);
    ({ page } = await newPage(e2e.browser, e2e.baseURL));

    await page.goto('/entrar');
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByRole('link', { name: '¿Olvidó su contraseña?' }).click();
    await page.getByRole('heading', { name: 'Restablecer contraseña' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/olvide-contrasena');
    // The address typed on the login page comes along.
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe(email);
    await page.getByRole('button', { name: 'Enviar enlace' }).click();
    await page
      .getByText(`Si ${email} pertenece a una cuenta activa, le enviamos un correo`, {
        exact: false,
      })
      .waitFor();

    const [mail] = await eventually(
      () => caughtMails(email),
      (m) => m.length > 0,
    );
    expect(mail.subject).toBe('Restablezca su contraseña del portal de soporte');
    const link = /https?:\/\/\S+?(\/contrasena\?token=[A-Za-z0-9_-]+\S*)/.exec(mail.text)?.[1];
    if (!link) throw new Error(`no password link in: ${mail.text}`);

    await page.goto(link);
    await page.getByRole('heading', { name: 'Elija su contraseña' }).waitFor();
    await page.getByLabel('Contraseña nueva').fill('clave-recuperada-2026');
    await page.getByLabel('Repita la contraseña').fill('clave-recuperada-2026');
    await page.getByRole('button', { name: 'Guardar contraseña' }).click();
    await page.getByText('Listo: su contraseña quedó guardada. Ya puede entrar.').waitFor();

    await logIn(page, email, 'clave-recuperada-2026');
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    expect(await caughtMails(email)).toHaveLength(1);
  });

  it('speaks English on the switch, and words a malformed address', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await page.goto('/entrar');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    // The browser's own check would stop `nadie@`; the API's refusal is worded too.
    await page.getByLabel('Email').fill('nadie@dominio');
    await page.getByRole('button', { name: 'Send link' }).click();
    await page.getByText('Type a valid email address, for example name@company.com.').waitFor();

    await page.getByLabel('Email').fill(`nadie-${unique}@aurora.example`);
    await page.getByRole('button', { name: 'Send link' }).click();
    await page
      .getByText(`If nadie-${unique}@aurora.example belongs to an active account`, {
        exact: false,
      })
      .waitFor();
    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });
});
