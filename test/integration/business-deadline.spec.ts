import { gql, startApi, type RunningApi } from '../support/integration-harness';

// L3-05/L3-06/L3-08/L3-09: the public "what would the deadline be" query on the real API and the
// default calendar seeded by the migrations (BUSINESS-TIME.md worked examples).

const QUERY = `
  query Deadline($from: DateTime!, $amount: Int!, $unit: BusinessUnit!, $calendarId: ID) {
    businessDeadline(from: $from, amount: $amount, unit: $unit, calendarId: $calendarId) {
      deadline calendarId calendarVersion timeZone localDeadline explanation
    }
  }`;

interface Answer {
  businessDeadline: {
    deadline: string;
    calendarId: string;
    calendarVersion: number;
    timeZone: string;
    localDeadline: string;
    explanation: string[];
  };
}

describe('businessDeadline query (default calendar, no login)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  const ask = (variables: Record<string, unknown>) => gql<Answer>(api, QUERY, variables);

  it.each([
    // [from (UTC), amount, unit, deadline (UTC), local]
    ['2026-01-30T23:30:00Z', 8, 'BUSINESS_HOURS', '2026-02-03T22:30:00.000Z', '2026-02-03T16:30'],
    ['2026-03-16T16:15:00Z', 4, 'BUSINESS_HOURS', '2026-03-17T19:00:00.000Z', '2026-03-17T13:00'],
    ['2025-12-10T22:00:00Z', 2, 'BUSINESS_HOURS', '2025-12-11T00:00:00.000Z', '2025-12-10T18:00'],
    ['2025-12-22T16:00:00Z', 5, 'BUSINESS_DAYS', '2025-12-31T00:00:00.000Z', '2025-12-30T18:00'],
    [
      '2026-05-02T17:00:00Z',
      120,
      'BUSINESS_MINUTES',
      '2026-05-04T17:00:00.000Z',
      '2026-05-04T11:00',
    ],
  ])('from %s + %d %s → %s', async (from, amount, unit, deadline, local) => {
    const { body } = await ask({ from, amount, unit });
    expect(body.errors).toBeUndefined();
    expect(body.data!.businessDeadline).toMatchObject({
      deadline,
      localDeadline: local,
      timeZone: 'America/Mexico_City',
      calendarVersion: expect.any(Number),
    });
  });

  it('explains the spans counted and the days skipped, with the holiday name', async () => {
    const { body } = await ask({ from: '2026-01-30T23:30:00Z', amount: 8, unit: 'BUSINESS_HOURS' });
    const lines = body.data!.businessDeadline.explanation;
    // Dates as the web app writes them, the holiday by name and kind in words (QA).
    expect(lines.some((l) => l.startsWith('Vie, 30 ene 2026') && l.includes('30 min'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Sáb, 31 ene 2026') && l.includes('fin de semana'))).toBe(
      true,
    );
    expect(lines).toContain('Lun, 2 feb 2026: Día de la Constitución, descanso obligatorio (LFT)');
    expect(lines.some((l) => l.startsWith('Mar, 3 feb 2026') && l.includes('7 h 30 min'))).toBe(
      true,
    );
    // QA S20: the deadline in the same words, not «= 2026-02-03T22:30:00.000Z».
    expect(lines.at(-1)).toBe(
      'Vencimiento: mar, 3 feb 2026, 4:30 p.m. (hora de la Ciudad de México, UTC−6) — total 8 h',
    );
  });

  it('answers amounts up to 2,000 business hours and 60 business days', async () => {
    const hours = await ask({ from: '2026-11-28T12:00:00Z', amount: 2000, unit: 'BUSINESS_HOURS' });
    const days = await ask({ from: '2026-11-28T12:00:00Z', amount: 60, unit: 'BUSINESS_DAYS' });
    expect(hours.body.errors).toBeUndefined();
    expect(days.body.errors).toBeUndefined();
    // 2,000 h at 9 h a day is over 222 business days: well into 2027.
    expect(hours.body.data!.businessDeadline.deadline.startsWith('2027-')).toBe(true);
    expect(Date.parse(days.body.data!.businessDeadline.deadline)).toBeGreaterThan(
      Date.parse('2027-02-01'),
    );
  });

  it.each([
    [{ from: '2026-01-01T00:00:00Z', amount: -1, unit: 'BUSINESS_HOURS' }, 'VALIDATION_FAILED'],
    [{ from: 'yesterday', amount: 1, unit: 'BUSINESS_HOURS' }, 'VALIDATION_FAILED'],
    [{ from: '2026-01-01T00:00:00Z', amount: 1, unit: 'FORTNIGHTS' }, 'VALIDATION_FAILED'],
    [
      { from: '2026-01-01T00:00:00Z', amount: 99999999, unit: 'BUSINESS_DAYS' },
      'VALIDATION_FAILED',
    ],
    [
      {
        from: '2026-01-01T00:00:00Z',
        amount: 1,
        unit: 'BUSINESS_DAYS',
        calendarId: '7f0c3a52-4b8e-4c7a-9d7e-2f1f1f1f1f1f',
      },
      'NOT_FOUND',
    ],
    [
      { from: '2026-01-01T00:00:00Z', amount: 1, unit: 'BUSINESS_DAYS', calendarId: 'nope' },
      'NOT_FOUND',
    ],
  ])('rejects %j with %s', async (variables, code) => {
    const { body } = await ask(variables);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
  });

  it.each([
    [-1, 'BUSINESS_HOURS', 'min', 0],
    [166667, 'BUSINESS_HOURS', 'max', 166666],
    [36501, 'BUSINESS_DAYS', 'max', 36500],
  ])(
    'refuses amount %d %s as a broken rule (%s %d) clients word in their language (QA S49)',
    async (amount, unit, constraint, limit) => {
      const { body } = await ask({ from: '2026-01-01T00:00:00Z', amount, unit });
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        reason: 'INPUT_CONSTRAINTS',
        violations: [{ property: 'amount', path: 'amount', constraint, args: [limit] }],
      });
    },
  );
});
