import type { Page } from 'playwright-core';
import { DEFAULT_CALENDAR_ID } from '../../src/database/migrations/1764317000000-calendars';
import { inSpanish, logIn, newPage } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// QA F15 (L3-08/L3-09: the start day of a days clock never counts): on its first day a 5-day
// diagnosis clock has its 5 days plus the rest of that day left («5 días hábiles y 4 h 58 min»),
// which a manager read as a bug on «Tablero SLA». The time-left cell now says why; a clock with
// its target or less left says nothing more. The clocks are written by SQL as the projection
// writes them (their tickets marked started: the start reconciler leaves them be).

const MANAGER = 'gerente@becken.example';
/** A 5-day clock on the default 09:00–18:00 calendar started at 1:02 p.m.: 5 × 9 h + 4 h 58 min. */
const FIRST_DAY_BUDGET_MS = (5 * 540 + 298) * 60_000;

describe('SLA board: a days clock on its start day says why it has more than its target (QA F15)', () => {
  let e2e: E2eWorld;

  /** A ticket in diagnosis whose 5-day diagnosis clock has used `consumedMinutes`. */
  async function diagnosisTicket(seq: number, consumedMinutes: number) {
    const number = `L3-2024-${seq}`;
    await e2e.world.db.query(
      `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id,
         calendar_id, category, subject, description, state, registered_at, last_event_seq,
         workflow_started_at)
       SELECT $1, 2024, $2, $3, u.organization_id, u.id, $4, 'INCIDENT', $5, 'x', 'IN_DIAGNOSIS',
              now(), 0, now()
         FROM app_user u JOIN organization o ON o.id = u.organization_id
        WHERE o.name = 'Comercializadora Aurora' AND 'CLIENT_USER' = ANY(u.roles) LIMIT 1`,
      [number, seq, `board-start-day-${number}`, DEFAULT_CALENDAR_ID, `Diagnóstico ${seq}`],
    );
    await e2e.world.db.query(
      `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
         target_unit, started_at, deadline, budget_ms, consumed_ms, consumed_as_of,
         calendar_version)
       VALUES ($1 || ':diagnosis:1', $1, 'diagnosis', 1, 'RUNNING', 5, 'days', now(),
               now() + interval '7 days', $2, $3, now(), 1)`,
      [number, FIRST_DAY_BUDGET_MS, consumedMinutes * 60_000],
    );
    return number;
  }

  let firstDay: string;
  let later: string;
  beforeAll(async () => {
    e2e = await startE2eWorld('board_start_day', {
      TEMPORAL_TASK_QUEUE: `e2e-board-start-day-${process.pid}-${Date.now()}`,
    });
    firstDay = await diagnosisTicket(910001, 0);
    // Past its start day's rest: under 5 days left.
    later = await diagnosisTicket(910002, 400);
  }, 120_000);
  afterAll(async () => {
    await e2e?.close();
  });

  const timeLeft = (page: Page, ticket: string) =>
    page.getByTestId('timers').locator('tbody tr', { hasText: ticket }).locator('td').last();

  it('notes «Incluye el resto del día de inicio…» under more than 5 days left, in both languages', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await inSpanish(page);
    await page.goto('/tablero');
    const first = timeLeft(page, firstDay);
    await first.waitFor();
    // The clock runs while the page loads (business hours): its minutes may have moved on.
    expect(await first.innerText()).toMatch(
      /^5 días hábiles y 4 h 5\d min\nIncluye el resto del día de inicio, que no cuenta en el plazo$/,
    );
    const second = timeLeft(page, later);
    expect(await second.innerText()).toMatch(/^4 días hábiles y \d h \d+ min$/);
    expect(await second.getByTestId('clock-start-day-note').count()).toBe(0);

    await page.getByRole('button', { name: 'English' }).click();
    await first
      .getByText('Includes the rest of the start day, which does not count toward the deadline')
      .waitFor();
    expect(await first.innerText()).toMatch(/^5 business days and 4 h 5\d min\n/);
    expect(await timeLeft(page, later).getByTestId('clock-start-day-note').count()).toBe(0);
    await inSpanish(page);
  });
});
