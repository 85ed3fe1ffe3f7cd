import { MEXICO_CITY_TIME_ZONE } from '../../../src/business-time/engine';
import { PolicyStatus } from '../../../src/contracts/contract-enums';
import { registrationRefusal } from '../../../src/contracts/support-policies.service';

// L3-01: a client whose policy is suspended or ended is told since which day, a calendar day in
// its calendar's zone (BUSINESS-TIME.md), never UTC's: from 18:00 in Mexico City UTC is already on
// the next day.

describe('registrationRefusal dates the change in the client’s calendar zone (L3-01)', () => {
  // 19:00 on 1 December in Mexico City (UTC−6): 01:00 on 2 December in UTC.
  const evening = new Date('2026-12-02T01:00:00Z');
  const refusal = (status: PolicyStatus, timeZone: string) =>
    registrationRefusal(
      'Grupo Industrial Tulum',
      { status, statusChangedAt: evening, statusReason: 'factura vencida' },
      timeZone,
    );

  it('a suspension at 19:00 in Mexico City is «since 2026-12-01», in the message and the details', () => {
    const err = refusal(PolicyStatus.SUSPENDED, MEXICO_CITY_TIME_ZONE);
    expect(err?.message).toContain('suspended since 2026-12-01 (factura vencida)');
    expect(err?.details).toEqual({
      reason: 'NO_ACTIVE_POLICY',
      policyStatus: 'SUSPENDED',
      since: '2026-12-01',
    });
  });

  it('an end at 19:00 in Mexico City is «ended on 2026-12-01»', () => {
    const err = refusal(PolicyStatus.ENDED, MEXICO_CITY_TIME_ZONE);
    expect(err?.message).toContain('ended on 2026-12-01 (factura vencida)');
    expect(err?.details).toMatchObject({ policyStatus: 'ENDED', since: '2026-12-01' });
  });

  it('follows the calendar’s zone, not a fixed one: the same instant is 2 December in Tokyo', () => {
    expect(refusal(PolicyStatus.SUSPENDED, 'Asia/Tokyo')?.details).toMatchObject({
      since: '2026-12-02',
    });
  });
});
