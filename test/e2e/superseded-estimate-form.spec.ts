import { Role } from '../../src/identity/role.enum';
import { ticketJourneys } from '../support/ticket-journeys';
import { inSpanish, logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { openAction } from './support/ticket-actions';

// L3-09, L3-12: the approver's «Autorizar estimación» form is open on v1 when the registrant asks
// for a re-estimate and the agent sends v2. The form comes back with what was typed, and then
// shows, reserves and authorizes v2 (its hours and scope), never the superseded v1 its select no
// longer lists. The first email's link to v1 then says v2 replaced it.

const APPROVER = 'aprobador@aurora.example';
const STATEMENT = 'Autorizo por escrito la estimación del tablero de inventario.';

describe('The authorize form follows a newer estimate version (web app, L3-09, L3-12)', () => {
  const e2e = useE2eWorldWithWorker('superseded_estimate_form');
  let number: string;

  beforeAll(async () => {
    number = await ticketJourneys(e2e.world).estimatedRequirement({
      subject: 'Tablero de inventario',
      hours: 6,
      scope: 'Tablero de inventario por almacén',
    });
  }, 180_000);

  it('a re-estimate and a v2 while the form is open: the form shows and authorizes v2', async () => {
    const { act } = ticketJourneys(e2e.world);
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto(`/tickets/${number}`);
    const form = await openAction(page, 'Autorizar estimación');
    const info = form.getByTestId('authorize-hours');
    await info.getByText('Se reservarán 6 h de sus horas prepagadas.').waitFor();
    await form.getByLabel('Autorización por escrito').fill(STATEMENT);

    // The registrant (not the approver) asks for a re-estimate; the agent sends v2.
    await act(
      Role.CLIENT_USER,
      'requestReestimate',
      { number, estimateVersion: 1, reason: 'Solo el almacén central, por favor.' },
      'EstimateFeedbackInput',
    );
    await act(
      Role.AGENT,
      'submitEstimate',
      { number, hours: 4, scope: 'Tablero de inventario del almacén central' },
      'SubmitEstimateInput',
    );

    // v2's hours and scope, not v1's: the old code kept v1 (6 h) in the form.
    await info.getByText('Se reservarán 4 h de sus horas prepagadas.').waitFor({ timeout: 10_000 });
    expect(await info.getByTestId('authorize-scope').innerText()).toBe(
      'Alcance: Tablero de inventario del almacén central',
    );
    expect(await form.getByLabel('Autorización por escrito').inputValue()).toBe(STATEMENT);
    await form.getByRole('button', { name: 'Autorizar estimación', exact: true }).click();
    await page
      .getByText('Autorizar estimación: listo. Estado: Autorizado, fecha de entrega por definir.')
      .waitFor();
    const row = page.getByTestId('estimates').getByRole('row', { name: /v2/ });
    expect(await row.innerText()).toContain('Autorizada');
  });

  it('the email’s link to v1 says, next to it, that v2 replaced it; the link to v2 does not', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto(`/tickets/${number}/estimates/1`);
    const linked = page.getByTestId('linked-estimate');
    await linked.getByText('Estimación v1, la del enlace que recibió').waitFor();
    expect(await linked.getByTestId('linked-estimate-superseded').innerText()).toBe(
      'Esta versión fue reemplazada; la vigente es la v2.',
    );

    await page.goto(`/tickets/${number}/estimates/2`);
    await linked.getByText('Estimación v2, la del enlace que recibió').waitFor();
    expect(await page.getByTestId('linked-estimate-superseded').count()).toBe(0);
  });

  it('on a 390 px phone the linked estimate’s text stands clear of its bar (QA S59)', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL, { width: 390, height: 844 });
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto(`/tickets/${number}/estimates/2`);
    const linked = page.getByTestId('linked-estimate');
    const caption = linked.getByText('Estimación v2, la del enlace que recibió');
    await caption.waitFor();
    const row = (await linked.boundingBox())!;
    const text = (await caption.boundingBox())!;
    const hours = (await linked.locator('td').first().boundingBox())!;
    // The 4 px bar, then at least as much again before the text, in the heading and the cells.
    expect(text.x - row.x).toBeGreaterThanOrEqual(8);
    expect(hours.x - row.x).toBeGreaterThanOrEqual(8);
    // Nothing scrolls sideways for it.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });

  it('a link to a version the ticket lacks says so at the top and offers the current one (QA)', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto(`/tickets/${number}/estimaciones/7`);
    const notice = page.getByTestId('estimate-not-found');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Este ticket no tiene una estimación v7.');
    // Seen as the page opens, not far below in the estimates card.
    const box = (await notice.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    expect(await page.getByTestId('linked-estimate').count()).toBe(0);

    await page.getByRole('button', { name: 'English' }).click();
    await notice.getByText('This ticket has no estimate v7.').waitFor();
    await inSpanish(page);

    await notice.getByRole('link', { name: 'Ver la estimación vigente (v2)' }).click();
    await page.waitForURL(`**/tickets/${number}/estimaciones/2`);
    await page
      .getByTestId('linked-estimate')
      .getByText('Estimación v2, la del enlace que recibió')
      .waitFor();
    expect(await notice.count()).toBe(0);
  });

  it('a link to a missing version names a rejected latest estimate as such, not «vigente» (QA S51)', async () => {
    const journeys = ticketJourneys(e2e.world);
    const rejected = await journeys.estimatedRequirement({
      subject: 'Tablero de compras',
      hours: 9,
      scope: 'Tablero de compras por proveedor',
    });
    await journeys.act(
      Role.CLIENT_APPROVER,
      'rejectEstimate',
      { number: rejected, estimateVersion: 1, reason: 'No lo necesitamos por ahora.' },
      'EstimateFeedbackInput',
    );
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto(`/tickets/${rejected}/estimaciones/9`);
    const notice = page.getByTestId('estimate-not-found');
    await notice.getByRole('link', { name: 'Ver la última estimación (v1, rechazada)' }).waitFor();
    expect(await notice.innerText()).not.toContain('vigente');
    await page.getByRole('button', { name: 'English' }).click();
    await notice.getByRole('link', { name: 'See the latest estimate (v1, rejected)' }).waitFor();
    await inSpanish(page);
  });

  it('the history names each estimate sent, version and hours, linked to its row (QA S51)', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto(`/tickets/${number}`);
    const sent = page.getByTestId('timeline').getByTestId('event-submitEstimate');
    await sent.first().waitFor();
    expect(await sent.getByTestId('event-estimate').allInnerTexts()).toEqual([
      'v1: 6 h',
      'v2: 4 h',
    ]);
    // QA S52: the row on this page, not the email's address (whose row says «la del enlace que
    // recibió»), marked as the link's target.
    await sent.getByRole('link', { name: 'v1: 6 h' }).click();
    await page.waitForURL(`**/tickets/${number}#estimate-v1`);
    const row = page.locator('#estimate-v1');
    await page.waitForFunction("document.querySelector('#estimate-v1')?.matches(':target')");
    expect(await row.isVisible()).toBe(true);
    const box = (await row.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(-1);
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    expect(await page.getByTestId('linked-estimate').count()).toBe(0);
  });
});
