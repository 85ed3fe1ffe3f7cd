import type { Page } from 'playwright-core';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { registerTicket } from '../support/world-with-worker';
import { logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// QA S60 #2 (L3-04): on a shared office PC «Cerrar sesión» in one tab left the browser's other
// tabs signed in (one still sent a comment), and the server still took the token. Two tabs of one
// browser context, as QA had them: the other tab lands on the login page by itself, with no
// «expired» message and no draft left, and its old token is refused by the API.

const CLIENT = 'usuario@aurora.example';
const COMMENT = 'Comentario escrito en la otra pestaña antes de cerrar sesión.';
const drafts = "Object.keys(sessionStorage).filter((k) => k.startsWith('sla.draft.')).length";

describe('«Cerrar sesión» in one tab (QA S60 #2)', () => {
  const e2e = useE2eWorldWithWorker('logout_everywhere');
  let number: string;

  beforeAll(async () => {
    number = await registerTicket(e2e.world, { subject: 'No imprime la factura' });
  });

  const ticketComments = async (): Promise<string> => {
    const { body } = await gql<{ ticket: { timeline: { data: string }[] } }>(
      e2e.world.api,
      `query ($number: String!) { ticket(number: $number) { timeline { data } } }`,
      { number },
      e2e.world.bearer(Role.AGENT),
    );
    expect(body.errors).toBeUndefined();
    return JSON.stringify(body.data!.ticket.timeline);
  };

  it('ends the session in every tab of the browser at once and on the server', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));

    // Tab 2 of the same browser: the same login, a comment typed on a ticket and not sent.
    const tab2: Page = await page.context().newPage();
    await tab2.goto(`/tickets/${number}`);
    await tab2.getByRole('heading', { name: new RegExp(number) }).waitFor();
    const box = tab2.getByTestId('comment-box');
    await box.locator('#comment-body').fill(COMMENT);
    await tab2.waitForFunction(`${drafts} > 0`);
    const oldToken = await tab2.evaluate<string>(
      "JSON.parse(localStorage.getItem('sla.session')).token",
    );

    // Tab 1 signs out.
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.getByLabel('Correo electrónico').waitFor();

    // Tab 2, untouched and not reloaded, is on the login page too: not the user, no «Enviar»,
    // no «your session ended» (it was a logout), and its draft gone as after a logout.
    await tab2.getByLabel('Correo electrónico').waitFor();
    expect(new URL(tab2.url()).pathname).toBe('/entrar');
    expect(await tab2.getByTestId('who').count()).toBe(0);
    expect(await tab2.getByRole('button', { name: 'Cerrar sesión' }).count()).toBe(0);
    expect(await tab2.getByTestId('comment-box').count()).toBe(0);
    expect(await tab2.getByText('Su sesión terminó', { exact: false }).count()).toBe(0);
    expect(await tab2.evaluate(drafts)).toBe(0);

    // The server refuses the token from before the logout (query and mutation alike), so the
    // comment cannot be sent with it either.
    const ended = { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED', endedBecause: 'LOGGED_OUT' };
    const auth = { authorization: `Bearer ${oldToken}` };
    const me = await gql(e2e.world.api, '{ me { displayName } }', {}, auth);
    expect(me.body.errors?.[0]?.extensions).toMatchObject(ended);
    const sent = await gql(
      e2e.world.api,
      `mutation ($number: String!, $body: String!) { addComment(number: $number, body: $body) { __typename } }`,
      { number, body: COMMENT },
      auth,
    );
    expect(sent.body.errors?.[0]?.extensions).toMatchObject(ended);
    expect(await ticketComments()).not.toContain(COMMENT);

    // A reload keeps both tabs out; logging in again in one brings the other back in.
    await tab2.reload();
    await tab2.getByLabel('Correo electrónico').waitFor();
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await tab2.getByTestId('who').waitFor();
  });

  it('signs out all the same when the server cannot be reached', async () => {
    const { context, page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    const tab2 = await context.newPage();
    await tab2.goto('/');
    await tab2.getByTestId('who').waitFor();

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.getByLabel('Correo electrónico').waitFor();
    await tab2.getByLabel('Correo electrónico').waitFor();
    expect(await page.evaluate("localStorage.getItem('sla.session')")).toBeNull();
    expect(await page.getByText('Su sesión terminó', { exact: false }).count()).toBe(0);
  });
});
