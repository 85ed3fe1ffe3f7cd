import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { inSpanish, logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { openAction } from './support/ticket-actions';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket } from '../support/world-with-worker';

// Every screen of every role passes an automated WCAG 2.1 A/AA audit (axe-core, the engine behind
// Lighthouse and most accessibility checkers): labels, names, contrast, landmarks, ARIA use. Client
// staff and agents work in the app all day; a screen reader or keyboard user must be able to too.

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** A 1×1 PNG, for a ticket with an image attached. */
const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const CLIENT = 'usuario@aurora.example';
const AGENT = 'agente@becken.example';
const MANAGER = 'gerente@becken.example';
const ADMIN = 'admin@becken.example';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now: each violation, with where. */
async function audit(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate<Violation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
       .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
         nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join(', ')}${v.nodes.length > 5 ? ` … +${v.nodes.length - 5}` : ''}`,
  );
}

/** Opens `path` and waits for its heading and its data (no request in flight). */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  // Nothing still loading: the screen as its user reads it.
  await page.waitForFunction(`!document.querySelector('[aria-busy="true"]')`);
}

describe('Accessibility: every screen passes WCAG 2.1 A/AA (axe-core)', () => {
  const e2e = useE2eWorldWithWorker('a11y');
  let ticket: string;

  beforeAll(async () => {
    ticket = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'No timbra la factura de mostrador',
      description: 'El PAC responde 301 al timbrar.',
    });
    // A canned response: the agent's ticket page shows its picker, «Respuestas predefinidas» a row.
    const { body } = await gql(
      e2e.world.api,
      'mutation ($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }',
      { input: { title: 'Solicitud de acceso', body: 'Hola {{solicitante}}: ticket {{ticket}}.' } },
      e2e.world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
    // L3-18: the ticket is free of charge, so its page shows the mark, the staff card and the
    // history line to every role audited below.
    const noCharge = await gql(
      e2e.world.api,
      'mutation ($input: SetTicketNoChargeInput!) { setTicketNoCharge(input: $input) { noCharge } }',
      {
        input: {
          organizationId: e2e.world.orgIds['comercializadora-aurora'],
          ticketNumber: ticket,
          noCharge: true,
          reason: 'Incidencia de primer nivel.',
        },
      },
      e2e.world.bearer(Role.AGENT),
    );
    expect(noCharge.body.errors).toBeUndefined();
  });

  const screens: [string, string | null, string[]][] = [
    ['public', null, ['/entrar', '/olvide-contrasena', '/plazos']],
    [
      'client',
      CLIENT,
      ['/mis-tickets', '/tickets/:ticket', '/mis-horas', '/checkpoints', '/cambiar-contrasena'],
    ],
    ['agent', AGENT, ['/consola', '/tickets/:ticket', '/cola', '/respuestas']],
    ['manager', MANAGER, ['/tablero', '/contratos', '/correo', '/respuestas']],
    ['admin', ADMIN, ['/usuarios', '/calendarios']],
  ];

  it.each(screens)('%s screens', async (_role, email, paths) => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    if (email) await logIn(page, email, e2e.password(email));
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      await visit(page, path.replace(':ticket', ticket));
      const violations = await audit(page);
      if (violations.length) found[path] = violations;
    }
    expect(found).toEqual({});
  });

  it('states inside screens: a refused form, an open action form, an edit form, English, a phone', async () => {
    const found: Record<string, string[]> = {};
    const check = async (page: Page, what: string) => {
      const violations = await audit(page);
      if (violations.length) found[what] = violations;
    };

    // A client's registration refused by the server: the alert and the form as they then are.
    const client = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(client, CLIENT, e2e.password(CLIENT));
    await visit(client, '/mis-tickets');
    await client
      .getByRole('region', { name: 'Nuevo ticket' })
      .getByLabel('Categoría')
      .selectOption({ label: 'Desarrollo' });
    // A subject of two characters: the server wants three (a text too long is the form's own
    // refusal since QA S52, and a screen of its own below).
    await client.getByLabel('Asunto').fill('Re');
    await client.getByLabel('Descripción').fill('Detalle del reporte.');
    await client.getByRole('button', { name: 'Registrar ticket' }).click();
    await client.getByRole('alert').filter({ hasText: 'Revise lo siguiente:' }).waitFor();
    await check(client, 'client: registration refused');
    // The form's own refusal of a description past its limit, with its count in red.
    await client.getByLabel('Asunto').fill('Reporte de ventas');
    await client.getByLabel('Descripción').fill('x'.repeat(20_001));
    await client.getByRole('button', { name: 'Registrar ticket' }).click();
    await client.getByTestId('new-ticket-problem').waitFor();
    await check(client, 'client: description too long');

    // The same client in English.
    await client.getByRole('button', { name: 'English' }).click();
    for (const path of ['/mis-tickets', `/tickets/${ticket}`]) {
      await visit(client, path);
      await check(client, `client, English: ${path}`);
    }

    // An agent with an action form open on the ticket.
    const agent = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(agent, AGENT, e2e.password(AGENT));
    await visit(agent, `/tickets/${ticket}`);
    // The demo agent reads English; the form in Spanish here.
    await inSpanish(agent);
    const askForm = await openAction(agent, 'Pedir información al cliente');
    await askForm.getByLabel('Nota').waitFor();
    await check(agent, 'agent: «Pedir información al cliente» open');

    // A manager editing a canned response, its title refused as a duplicate of another.
    const manager = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(manager, MANAGER, e2e.password(MANAGER));
    await visit(manager, '/respuestas');
    await manager.getByRole('button', { name: 'Editar «Solicitud de acceso»' }).click();
    const newCanned = manager.getByTestId('canned-new');
    await newCanned.getByLabel('Título').fill('solicitud de acceso');
    await newCanned.getByLabel('Texto en español').fill('Otro texto.');
    await newCanned.getByRole('button', { name: 'Guardar respuesta' }).click();
    await newCanned.getByRole('alert').waitFor();
    await check(manager, 'manager: editing a canned response, a duplicate title refused');

    // An admin editing a user.
    const admin = (await newPage(e2e.browser, e2e.baseURL)).page;
    await logIn(admin, ADMIN, e2e.password(ADMIN));
    await visit(admin, '/usuarios');
    await admin
      .getByRole('button', { name: /^Editar / })
      .first()
      .click();
    await admin.getByRole('button', { name: 'Guardar' }).first().waitFor();
    await check(admin, 'admin: editing a user');

    // The client's ticket (still in English) with a screenshot attached (L3-11): its thumbnail in
    // the list, and the preview dialog open over the page.
    await visit(client, `/tickets/${ticket}`);
    const files = client.getByTestId('attachments');
    await files.getByLabel('Files to attach').setInputFiles({
      name: 'captura.png',
      mimeType: 'image/png',
      buffer: Buffer.from(TINY_PNG, 'base64'),
    });
    await files.getByRole('button', { name: 'Attach file', exact: true }).click();
    await files.getByRole('img', { name: 'captura.png' }).waitFor();
    await check(client, 'client: ticket with an image attached');
    await files.getByRole('button', { name: 'View captura.png' }).click();
    await client
      .getByRole('dialog', { name: 'captura.png' })
      .getByRole('img', { name: 'captura.png' })
      .waitFor();
    await check(client, 'client: image preview dialog open');
    await client.keyboard.press('Escape');

    // The ticket page on a phone.
    const phone = (await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 })).page;
    await logIn(phone, CLIENT, e2e.password(CLIENT));
    await visit(phone, `/tickets/${ticket}`);
    await check(phone, 'client, phone: ticket page');

    expect(found).toEqual({});
  });
});
