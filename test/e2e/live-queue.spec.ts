import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { businessClosing, ticketJourneys } from '../support/ticket-journeys';
import { registerTicket } from '../support/world-with-worker';
import { logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// L3-19: a published release date moved by provider staff is shown on the platform. The client's
// queue («Cola de tickets») is open while an agent adjusts the date elsewhere: the queue shows the
// new date without a reload, as the ticket page and the ticket list do. L3-10: a reorder confirmed
// elsewhere that moves no published date shows its new order there too.

const APPROVER = 'aprobador@aurora.example';

describe("The client's queue follows moved release dates live (web app, L3-19)", () => {
  const e2e = useE2eWorldWithWorker('live_queue');
  let number: string;
  const published = businessClosing();

  beforeAll(async () => {
    // A development requirement with a published release date, in development (L3-09).
    number = await ticketJourneys(e2e.world).requirementInDevelopment({
      subject: 'Conciliación bancaria automática',
      hours: 4,
      releaseDate: published,
    });
  }, 180_000);

  it("an agent's date adjustment shows on the open queue without reloading it", async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto('/cola');
    const entry = page.getByTestId('queue-entry').filter({ hasText: number });
    await entry.locator(`time[datetime="${published}"]`).first().waitFor();
    await page.evaluate('window.__sameDocument = true');

    // A week later: the same weekday, at the same closing.
    const moved = new Date(Date.parse(published) + 7 * 86_400_000).toISOString();
    const { body } = await gql(
      e2e.world.api,
      `mutation ($input: AdjustReleaseDateInput!) { adjustReleaseDate(input: $input) { seq } }`,
      { input: { number, newDate: moved, reason: 'Prioridad a un cierre fiscal del cliente' } },
      e2e.world.bearer(Role.AGENT),
    );
    expect(body.errors).toBeUndefined();

    await entry.locator(`time[datetime="${moved}"]`).first().waitFor({ timeout: 10_000 });
    expect(await entry.locator(`time[datetime="${published}"]`).count()).toBe(0);
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
  });

  it('a reorder confirmed elsewhere that moves no date shows its order on the open queue (L3-10)', async () => {
    const first = await registerTicket(e2e.world, { subject: 'Etiquetas de almacén' });
    const second = await registerTicket(e2e.world, { subject: 'Permisos de compras' });
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, APPROVER, e2e.password(APPROVER));
    await page.goto('/cola');
    const entries = page.getByTestId('queue-entry');
    const order = async () =>
      (await entries.allInnerTexts()).map((t) =>
        [number, first, second].find((n) => t.includes(n)),
      );
    await entries.filter({ hasText: second }).waitFor();
    expect(await order()).toEqual([number, first, second]);
    await page.evaluate('window.__sameDocument = true');

    // The approver, in another browser: the two new ones swap; the dated one stays first, so no
    // published date moves and no date change is sent.
    const approver = e2e.world.bearer(Role.CLIENT_APPROVER);
    const input = { order: [number, second, first], urgent: [] };
    const preview = await gql<{
      previewQueueReorder: { previewToken: string; changes: unknown[] };
    }>(
      e2e.world.api,
      `query ($input: QueueOrderInput!) { previewQueueReorder(input: $input) { previewToken changes { ticketNumber } } }`,
      { input },
      approver,
    );
    expect(preview.body.errors).toBeUndefined();
    expect(preview.body.data!.previewQueueReorder.changes).toEqual([]);
    const confirmed = await gql(
      e2e.world.api,
      `mutation ($input: ConfirmQueueReorderInput!) { confirmQueueReorder(input: $input) { reorderId } }`,
      {
        input: {
          ...input,
          previewToken: preview.body.data!.previewQueueReorder.previewToken,
          reason: 'Primero los permisos',
        },
      },
      approver,
    );
    expect(confirmed.body.errors).toBeUndefined();

    await entries.nth(1).filter({ hasText: second }).waitFor({ timeout: 10_000 });
    expect(await order()).toEqual([number, second, first]);
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
  });
});
