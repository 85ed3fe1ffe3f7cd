import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { businessClosing, ticketJourneys } from '../support/ticket-journeys';
import { logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// L3-19: a published release date moved by provider staff is shown on the platform. The client's
// queue («Cola de tickets») is open while an agent adjusts the date elsewhere: the queue shows the
// new date without a reload, as the ticket page and the ticket list do.

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
});
