import type { SeededWorld } from './seeded-world';

/**
 * A ticket row of the demo client Comercializadora Aurora written straight into the read model
 * (no workflow runs it), in `state` (IN_ANALYSIS unless given) on `calendarId`, registered now by
 * its first client user: what a spec of the clocks' reads puts its clock rows under. `number` is
 * `L3-2024-<seq>`.
 */
export async function insertReadModelTicket(
  db: SeededWorld['db'],
  number: string,
  calendarId: string,
  subject: string,
  state = 'IN_ANALYSIS',
): Promise<void> {
  await db.query(
    `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id,
       calendar_id, category, subject, description, state, registered_at, last_event_seq)
     SELECT $1, 2024, $2, $3, u.organization_id, u.id, $4, 'INCIDENT', $5, 'x',
            $6, now(), 0
       FROM app_user u JOIN organization o ON o.id = u.organization_id
      WHERE o.name = 'Comercializadora Aurora' AND 'CLIENT_USER' = ANY(u.roles)
      ORDER BY u.email LIMIT 1`,
    [number, Number(number.split('-')[2]), `read-model-${number}`, calendarId, subject, state],
  );
}

/**
 * A clock run of 480 business minutes, none used yet, in `status`, started now, on a ticket of
 * {@link insertReadModelTicket}: what a spec of a clock's live fields reads.
 */
export async function insertReadModelClock(
  db: SeededWorld['db'],
  number: string,
  kind: string,
  status: 'RUNNING' | 'PAUSED',
): Promise<void> {
  await db.query(
    `INSERT INTO ticket_clock (clock_id, ticket_number, kind, run, status, target_amount,
       target_unit, started_at, deadline, budget_ms, consumed_ms, consumed_as_of, pauses,
       calendar_version)
     VALUES ($1 || ':' || $2 || ':1', $1, $2, 1, $3, 480, 'minutes', now(), NULL,
       480 * 60000, 0, now(), '[]'::jsonb, 1)`,
    [number, kind, status],
  );
}
