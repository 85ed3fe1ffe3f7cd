import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Default calendar: America/Mexico_City, Monday–Friday 09:00–18:00, LFT art. 74 rest days. */
export const DEFAULT_CALENDAR_ID = '00000000-0000-4000-8000-000000000001';

const DEFAULT_DEFINITION = {
  timeZone: 'America/Mexico_City',
  weekly: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
  holidays: [],
  overrides: [],
};

/**
 * Versioned business calendars (BUSINESS-TIME.md, L3-05). A calendar's every edit writes a new
 * immutable version row with the full definition, so any deadline can name the exact version that
 * produced it. Generated holiday sources (e.g. MX_LFT_74) are kept as names, not rows.
 */
export class Calendars1764317000000 implements MigrationInterface {
  name = 'Calendars1764317000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE business_calendar (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        organization_id uuid REFERENCES organization (id),
        is_default boolean NOT NULL DEFAULT false,
        current_version integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT (is_default AND organization_id IS NOT NULL))
      )`);
    // One calendar per client organisation, one default.
    await q.query(
      `CREATE UNIQUE INDEX uq_business_calendar_org ON business_calendar (organization_id) WHERE organization_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_business_calendar_default ON business_calendar (is_default) WHERE is_default`,
    );
    await q.query(`
      CREATE TABLE business_calendar_version (
        calendar_id uuid NOT NULL REFERENCES business_calendar (id),
        version integer NOT NULL CHECK (version >= 1),
        definition jsonb NOT NULL,
        holiday_sources text[] NOT NULL DEFAULT '{}',
        change text NOT NULL,
        changed_by uuid REFERENCES app_user (id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (calendar_id, version)
      )`);
    await q.query(`INSERT INTO business_calendar (id, name, is_default) VALUES ($1, $2, true)`, [
      DEFAULT_CALENDAR_ID,
      'México (CDMX), lunes a viernes 09:00–18:00, LFT art. 74',
    ]);
    await q.query(
      `INSERT INTO business_calendar_version (calendar_id, version, definition, holiday_sources, change)
       VALUES ($1, 1, $2, '{MX_LFT_74}', 'created by migration')`,
      [DEFAULT_CALENDAR_ID, JSON.stringify(DEFAULT_DEFINITION)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE business_calendar_version`);
    await q.query(`DROP TABLE business_calendar`);
  }
}
