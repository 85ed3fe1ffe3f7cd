import { Role } from '../../src/identity/role.enum';
import { MONTHLY_STATEMENT, type MonthlyStatementView } from '../support/monthly-statement';
import { useLedgerWorld } from '../support/world-with-worker';

// L3-13, L3-03: the monthly statement at the month boundary, whatever hour the suite runs at. From
// 00:00 to 06:00 UTC on each 1st, Mexico City (the organization's calendar zone, UTC−6) is still
// on the last day of the month before: an adjustment written then is that month's. The API writes
// ledger entries at the present instant, so the entries here are written into the real ledger with
// explicit instants (it is append-only: INSERT only), as they would have been at those hours; the
// statements, both CSVs and their balances are read through the real API.

/** Today's date in Mexico City (the demo clients' calendar zone), as `YYYY-MM-DD`. */
const mexicoCityToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());

describe('the monthly statement at the month boundary (L3-13, L3-03)', () => {
  const { world, ok } = useLedgerWorld('statement-boundary');
  let organizationId: string;
  let manager: { id: string; display_name: string };
  const ids: Record<string, string> = {};

  /** A manual entry written into the ledger at `at` (what adjustHours/reverseHourEntry write). */
  async function written(
    key: string,
    kind: 'ADJUSTMENT' | 'REVERSAL',
    hours: number,
    reason: string,
    at: string,
    reverses: string | null = null,
  ): Promise<string> {
    const [{ id }] = await world.db.query<{ id: string }[]>(
      `INSERT INTO hour_ledger_entry
         (organization_id, kind, hours, reason, idempotency_key, reverses_entry_id, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text AS id`,
      [organizationId, kind, hours, reason, `boundary:${key}`, reverses, manager.id, at],
    );
    return id;
  }
  const statementOf = async (month: string) =>
    (
      await ok<{ monthlyStatement: MonthlyStatementView }>(MONTHLY_STATEMENT, {
        organizationId,
        month,
      })
    ).monthlyStatement;

  beforeAll(async () => {
    organizationId = world.orgIds['comercializadora-aurora'];
    [manager] = await world.db.query<{ id: string; display_name: string }[]>(
      `SELECT id, display_name FROM app_user WHERE 'MANAGER' = ANY (roles) ORDER BY email LIMIT 1`,
    );
    // 21:30 on 30 November in Mexico City (already December in UTC).
    ids.adjustment = await written(
      'adjust',
      'ADJUSTMENT',
      3,
      'Cortesía de cierre',
      '2026-12-01T03:30:00Z',
    );
    // 23:59:59 on 30 November in Mexico City, its last second.
    ids.lastSecond = await written(
      'late',
      'ADJUSTMENT',
      0.5,
      'Media hora de la junta de cierre',
      '2026-12-01T05:59:59Z',
    );
    // 00:30 on 1 December in Mexico City.
    ids.reversal = await written(
      'reverse',
      'REVERSAL',
      -3,
      'Cortesía duplicada',
      '2026-12-01T06:30:00Z',
      ids.adjustment,
    );
  });

  it("lists the adjustments written before Mexico City's midnight in November, dated the 30th", async () => {
    const november = await statementOf('2026-11');
    expect(november).toMatchObject({
      month: '2026-11',
      timeZone: 'America/Mexico_City',
      openingBalance: 0,
      hoursAdjusted: 3.5,
      closingBalance: 3.5,
    });
    expect(november.movements).toEqual([
      {
        entryId: ids.adjustment,
        date: '2026-11-30',
        kind: 'ADJUSTMENT',
        reversedKind: null,
        hours: 3,
        ticketNumber: null,
        packageReference: null,
        amount: null,
        amountCurrency: null,
        reason: 'Cortesía de cierre',
        createdByName: manager.display_name,
      },
      expect.objectContaining({ entryId: ids.lastSecond, date: '2026-11-30', hours: 0.5 }),
    ]);
    expect(november.csv.split('\n')).toEqual([
      'line,reference,hours_logged,hours_charged,hours_waived,amount,currency,date,hours,reason,by',
      'MONTHLY_FEE,2026-11,,,,0.00,MXN,,,,',
      'TOTAL,2026-11,0.00,0.00,0.00,0.00,MXN,,,,',
      'OPENING_BALANCE,2026-11,,,,,,2026-11-01,0.00,,',
      `ADJUSTMENT,${ids.adjustment},,,,,,2026-11-30,3.00,Cortesía de cierre,${manager.display_name}`,
      `ADJUSTMENT,${ids.lastSecond},,,,,,2026-11-30,0.50,Media hora de la junta de cierre,${manager.display_name}`,
      'CLOSING_BALANCE,2026-11,,,,,,2026-11-30,3.50,,',
      '',
    ]);
  });

  it('lists the reversal written after it in December, dated the 1st, opening at November’s closing', async () => {
    const december = await statementOf('2026-12');
    expect(december).toMatchObject({
      month: '2026-12',
      openingBalance: 3.5,
      hoursAdjusted: -3,
      closingBalance: 0.5,
    });
    expect(december.movements).toEqual([
      {
        entryId: ids.reversal,
        date: '2026-12-01',
        kind: 'REVERSAL',
        reversedKind: 'ADJUSTMENT',
        hours: -3,
        ticketNumber: null,
        packageReference: null,
        amount: null,
        amountCurrency: null,
        reason: 'Cortesía duplicada',
        createdByName: manager.display_name,
      },
    ]);
    expect(december.csv.split('\n')).toEqual(
      expect.arrayContaining([
        'OPENING_BALANCE,2026-12,,,,,,2026-12-01,3.50,,',
        `REVERSAL_OF_ADJUSTMENT,${ids.reversal},,,,,,2026-12-01,-3.00,Cortesía duplicada,${manager.display_name}`,
        // Its closing balance is the one now while December 2026 is under way (QA S56).
        `CLOSING_BALANCE,2026-12,,,,,,${[mexicoCityToday(), '2026-12-31'].sort()[0]},0.50,,`,
      ]),
    );
  });

  it('the worded download says the same, line for line', async () => {
    const res = await fetch(`${world.api.url}/statements/${organizationId}/2026-11.csv?lang=es`, {
      headers: world.bearer(Role.MANAGER),
    });
    expect(res.status).toBe(200);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true })
      .decode(await res.arrayBuffer())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    // Header, client, fee and total first (QA S53: the client line).
    expect(lines[1]).toMatch(/^Cliente,/);
    expect(lines.slice(4)).toEqual([
      'Saldo inicial,2026-11,,,,,,2026-11-01,0,,',
      `Ajuste manual,,,,,,,2026-11-30,3,Cortesía de cierre,${manager.display_name}`,
      `Ajuste manual,,,,,,,2026-11-30,0.5,Media hora de la junta de cierre,${manager.display_name}`,
      'Saldo final,2026-11,,,,,,2026-11-30,3.5,,',
    ]);
  });

  it("bills the fee in force at 00:00 on the 1st in Mexico City (06:00Z), not at UTC's midnight (L3-03)", async () => {
    // Runs last: the earlier statements of this file have no policy (MONTHLY_FEE 0.00).
    const upsert = `mutation ($input: UpsertSupportPolicyInput!) {
      upsertSupportPolicy(input: $input) { id monthlyFee } }`;
    const { upsertSupportPolicy: policy } = await ok<{
      upsertSupportPolicy: { id: string; monthlyFee: number };
    }>(upsert, {
      input: { organizationId, monthlyFee: 12000, currency: 'MXN', startDate: '2026-10-01' },
    });
    // The fee history is append-only (INSERT only): the changes as written at those instants.
    const changed = (from: string, to: string, at: string) =>
      world.db.query(
        `INSERT INTO support_policy_event (policy_id, organization_id, kind, reason, data, actor_id, at)
         VALUES ($1, $2, 'TERMS_CHANGED', 'Nueva cuota', $3, $4, $5)`,
        [policy.id, organizationId, { monthlyFee: { from, to } }, manager.id, at],
      );
    // 00:00:00 on 1 December in Mexico City: December's fee.
    await changed('12000.00', '15000.00', '2026-12-01T06:00:00Z');
    // 00:00:01 on 1 January in Mexico City: from February on, not January's.
    await changed('15000.00', '18000.00', '2027-01-01T06:00:01Z');
    const feeOf = async (month: string) => {
      const { monthlyFee, csv } = await statementOf(month);
      return [monthlyFee, csv.split('\n')[1]];
    };
    expect(await feeOf('2026-11')).toEqual([12000, 'MONTHLY_FEE,2026-11,,,,12000.00,MXN,,,,']);
    expect(await feeOf('2026-12')).toEqual([15000, 'MONTHLY_FEE,2026-12,,,,15000.00,MXN,,,,']);
    expect(await feeOf('2027-01')).toEqual([15000, 'MONTHLY_FEE,2027-01,,,,15000.00,MXN,,,,']);
    expect(await feeOf('2027-02')).toEqual([18000, 'MONTHLY_FEE,2027-02,,,,18000.00,MXN,,,,']);
  });
});
