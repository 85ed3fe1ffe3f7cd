import { ticketJourneys } from '../support/ticket-journeys';
import { logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';
import { openAction } from './support/ticket-actions';

// L3-09 (QA S16): an approver rejects an estimate in the web app with one required field, «Motivo
// del rechazo» (the form asked for a «Motivo» and a «Nota», two boxes for one thing), and the
// ticket's estimates table then says why the version was rejected, by whom and when, as the
// history records it.

const APPROVER = 'aprobador@aurora.example';
const REASON = 'Seis horas es demasiado para un reporte de ventas; esperaba unas tres.';

describe('Rejecting an estimate (web app, L3-09)', () => {
  const e2e = useE2eWorldWithWorker('estimate_rejection');
  let number: string;

  beforeAll(async () => {
    // A development requirement estimated at 6 h, waiting for the approver (L3-08, L3-09).
    number = await ticketJourneys(e2e.world).estimatedRequirement({
      subject: 'Reporte de ventas por vendedor',
      description: 'Un reporte mensual de ventas por vendedor.',
      hours: 6,
      scope: 'Reporte de ventas por vendedor, mensual',
    });
  }, 180_000);

  it('the approver gives one required reason; the estimates table shows it, who and when', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto(`/tickets/${number}`);
    const form = await openAction(page, 'Rechazar estimación');
    const reason = form.getByLabel('Motivo del rechazo');
    await reason.waitFor();
    // One field for the reason: no «Nota» beside it.
    expect(await form.locator('textarea').count()).toBe(1);
    expect(await form.getByText(/^Nota/).count()).toBe(0);

    // Empty, it is refused here, naming the field, and nothing is sent.
    await form.getByRole('button', { name: 'Rechazar estimación', exact: true }).click();
    await form.getByText('Complete el campo «Motivo del rechazo».').waitFor();
    expect(await page.evaluate('document.activeElement.tagName')).toBe('TEXTAREA');

    await reason.fill(REASON);
    await form.getByRole('button', { name: 'Rechazar estimación', exact: true }).click();
    await page.getByText('Rechazar estimación: listo.', { exact: false }).waitFor();

    const decision = page.getByTestId('estimate-v1-decision');
    await decision.waitFor();
    const row = page.getByTestId('estimates').getByRole('row', { name: /v1/ });
    expect(await row.innerText()).toContain('Rechazada');
    // Its hours with their unit, as every other figure of hours (QA S22: it read a bare «6»).
    expect(await row.locator('td[data-label="Horas"]').innerText()).toBe('6 h');
    expect(await decision.innerText()).toMatch(
      new RegExp(
        `^Motivo: ${REASON.replace(/[.;]/g, '\\$&')}\\s+Arturo Aprobador, \\d+ \\S+ \\d{4}`,
      ),
    );

    // On a phone the row is a card: the reason, who and when sit beside «Estado» with the state,
    // not under the label (QA S56).
    await page.setViewportSize({ width: 390, height: 844 });
    const state = row.locator('td[data-label="Estado"]');
    const value = state.locator(':scope > span').first();
    expect(await value.innerText()).toMatch(/^Rechazada/);
    const [cell, shown, why] = await Promise.all([
      state.boundingBox(),
      value.boundingBox(),
      decision.boundingBox(),
    ]);
    expect(shown!.x).toBeGreaterThan(cell!.x + cell!.width / 3);
    expect(why!.x).toBeGreaterThanOrEqual(shown!.x);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The history holds the same reason, and no separate note.
    const [stored] = await e2e.world.db.query<{ data: { reason: string; note?: string } }[]>(
      `SELECT data FROM ticket_event WHERE type = 'rejectEstimate' ORDER BY seq DESC LIMIT 1`,
    );
    expect(stored.data.reason).toBe(REASON);
    expect(stored.data.note).toBeUndefined();
  });
});
