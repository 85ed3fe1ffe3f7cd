import type { Page } from 'playwright-core';
import {
  addBusinessDays,
  BusinessCalendar,
  businessMillisecondsBetween,
  defaultMexicoCityCalendar,
} from '../../src/business-time/engine';
import { DEFAULT_CALENDAR_ID } from '../../src/database/migrations/1764317000000-calendars';
import { inSpanish, logIn, newPage } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// QA F15 (L3-08/L3-09: the start day of a days clock never counts): on its first day a 5-day
// diagnosis clock read «5 días hábiles y 4 h 58 min» left, with a note that it included the rest of
// the start day. QA S62 #13: right after an authorization the 2-day release-date clock read «3
// días hábiles», its minutes divided by a working day. A running days clock now says its business
// dates, «Resta hoy y 5 días hábiles» (or «5 días hábiles» when nothing is left today), never more
// days than its target, and needs no note. The clocks are written by SQL as the projection writes
// them (their tickets marked started: the start reconciler leaves them be), with the deadline the
// engine gives on the default calendar.

const MANAGER = 'gerente@becken.example';
const calendar = new BusinessCalendar(defaultMexicoCityCalendar(2025, 2030));

describe('SLA board: a days clock says its business dates, never more days than its target (QA F15, QA S62 #13)', () => {
  let e2e: E2eWorld;
  let now: Date;

  /** A ticket whose `days`-day clock of `kind` started now, with its budget unused. */
  async function daysTicket(seq: number, kind: string, days: number) {
    const number = `L3-2024-${seq}`;
    await e2e.world.db.query(
      `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id,
         calendar_id, category, subject, description, state, registered_at, last_event_seq,
         workflow_started_at)
       SELECT $1, 2024, $2, $3, u.organization_id, u.id, $4, 'INCIDENT', $5, 'x', 'IN_DIAGNOSIS',
              now(), 0, now()
         FROM app_user u JOIN organization o ON o.id = u.organization_id
        WHERE o.name = 'Comercializadora Aurora' AND 'CLIENT_USER' = ANY(u.roles) LIMIT 1`,
      [number, seq, `board-start-day-${number}`, DEFAULT_CALENDAR_ID, `Plazo en días ${seq}`],
    );
    const deadline = addBusinessDays(calendar, now, days);
    await e2e.world.db.query(
      `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
         target_unit, started_at, deadline, budget_ms, consumed_ms, consumed_as_of,
         calendar_version)
       VALUES ($1 || ':' || $2 || ':1', $1, $2, 1, 'RUNNING', $3, 'days', $4, $5, $6, 0, $4, 1)`,
      [number, kind, days, now, deadline, businessMillisecondsBetween(calendar, now, deadline)],
    );
    return number;
  }

  let diagnosis: string;
  let release: string;
  beforeAll(async () => {
    e2e = await startE2eWorld('board_start_day', {
      TEMPORAL_TASK_QUEUE: `e2e-board-start-day-${process.pid}-${Date.now()}`,
    });
    now = new Date();
    diagnosis = await daysTicket(910001, 'diagnosis', 5);
    release = await daysTicket(910002, 'scheduling', 2);
  }, 120_000);
  afterAll(async () => {
    await e2e?.close();
  });

  const timeLeft = (page: Page, ticket: string) =>
    page.getByTestId('timers').locator('tbody tr', { hasText: ticket }).locator('td').last();

  it('reads «Resta hoy y 5 días hábiles» / «Rest of today and 2 business days», without a note, in both languages', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await inSpanish(page);
    await page.goto('/tablero');
    const first = timeLeft(page, diagnosis);
    await first.waitFor();
    // The rest of today when business time is left today (the clock runs while the test does).
    expect(await first.innerText()).toMatch(/^(Resta hoy y )?5 días hábiles$/);
    const second = timeLeft(page, release);
    expect(await second.innerText()).toMatch(/^(Resta hoy y )?2 días hábiles$/);
    expect(await page.getByTestId('clock-start-day-note').count()).toBe(0);
    expect(await page.getByTestId('timers').innerText()).not.toMatch(/[36] días hábiles/);

    await page.getByRole('button', { name: 'English' }).click();
    await timeLeft(page, release)
      .getByText(/2 business days$/)
      .waitFor();
    expect(await timeLeft(page, release).innerText()).toMatch(
      /^(Rest of today and )?2 business days$/,
    );
    expect(await timeLeft(page, diagnosis).innerText()).toMatch(
      /^(Rest of today and )?5 business days$/,
    );
    expect(await page.getByTestId('clock-start-day-note').count()).toBe(0);
    await inSpanish(page);
  });
});
