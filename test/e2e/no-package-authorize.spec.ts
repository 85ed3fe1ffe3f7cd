import { hoursEsMX } from '../support/demo-contract';
import { ticketJourneys } from '../support/ticket-journeys';
import { logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { asManager, buyAuroraTwentyHours } from './support/short-balance';
import { openAction } from './support/ticket-actions';

// L3-12, L3-09: development is reserved from an active prepaid package. When the client's hours
// come only from a manual adjustment (its package's purchase reversed), the approver's «Autorizar
// estimación» form shows the estimate and says why it cannot be authorized and what to do, with no
// authorization to send (the API would refuse it: NO_ACTIVE_PACKAGE). A package bought while the
// form is open brings the authorization back, and it goes through.

const APPROVER = 'aprobador@aurora.example';
const STATEMENT = 'Autorizo por escrito la estimación de 6 horas para el tablero de ventas.';

describe('The authorize form without an active hour package (web app, L3-12, L3-09)', () => {
  const e2e = useE2eWorldWithWorker('no_package_authorize');
  let number: string;

  const aurora = () => e2e.world.orgIds['comercializadora-aurora'];

  beforeAll(async () => {
    number = await ticketJourneys(e2e.world).estimatedRequirement({
      subject: 'Tablero de ventas',
      hours: 6,
      scope: 'Tablero de ventas por sucursal',
    });
    // Aurora's only package is reversed (bought by mistake), and 20 h come from an adjustment.
    const { hourStatement } = await asManager<{
      hourStatement: { edges: { node: { id: string; kind: string } }[] };
    }>(
      e2e,
      `query ($organizationId: ID!) { hourStatement(organizationId: $organizationId, first: 20) {
        edges { node { id kind } } } }`,
      { organizationId: aurora() },
    );
    const purchases = hourStatement.edges.filter((e) => e.node.kind === 'PURCHASE');
    expect(purchases).toHaveLength(1);
    await asManager(
      e2e,
      `mutation ($input: ReverseHourEntryInput!) { reverseHourEntry(input: $input) { id } }`,
      { input: { entryId: purchases[0].node.id, reason: 'Paquete registrado por error' } },
    );
    await asManager(
      e2e,
      `mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id } }`,
      {
        input: {
          organizationId: aurora(),
          hours: 20,
          reason: 'Saldo migrado del sistema anterior',
        },
      },
    );
  }, 180_000);

  it('says why and what to do instead of a refused authorization; a package bought brings it back', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto(`/tickets/${number}`);
    const form = await openAction(page, 'Autorizar estimación');
    const info = form.getByTestId('authorize-hours');
    await info
      .getByTestId('authorize-no-package')
      .getByText(
        'Por ahora no se puede autorizar esta estimación. No hay un paquete de horas prepagadas activo: ' +
          'el trabajo de configuración y desarrollo se carga a un paquete comprado con horas disponibles ' +
          '(disponibles ahora: 20 h). Hace falta contratar un paquete de horas (el equipo de soporte lo ' +
          'registra); después vuelva a intentarlo.',
        { exact: true },
      )
      .waitFor({ timeout: 10_000 });
    // The estimate is still shown, without promising a reservation; nothing to sign nor send.
    expect(await info.locator('p').first().innerText()).toBe('La estimación es de 6 h.');
    expect(await info.getByTestId('authorize-scope').innerText()).toBe(
      'Alcance: Tablero de ventas por sucursal',
    );
    expect(
      await form.getByRole('button', { name: 'Autorizar estimación', exact: true }).count(),
    ).toBe(0);
    expect(await form.getByLabel('Autorización por escrito').count()).toBe(0);
    expect(await info.getByTestId('authorize-shortfall').count()).toBe(0);

    await buyAuroraTwentyHours(e2e, 'FAC-VENTAS-20');

    // 20 adjusted + 20 bought, 6 reserved by authorizing.
    await info
      .getByText(`Horas disponibles después de autorizar: ${hoursEsMX(34)}.`)
      .waitFor({ timeout: 10_000 });
    expect(await info.getByTestId('authorize-no-package').count()).toBe(0);
    await form.getByLabel('Autorización por escrito').fill(STATEMENT);
    await form.getByRole('button', { name: 'Autorizar estimación', exact: true }).click();
    await page
      .getByText('Autorizar estimación: listo. Estado: Autorizado, fecha de entrega por definir.')
      .waitFor();
  });
});
