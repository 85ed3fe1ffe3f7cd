import { MEXICO_CITY_TIME_ZONE } from '../../../src/business-time/engine';
import { PolicyStatus } from '../../../src/contracts/contract-enums';
import { refusalOf, registrationRefusal } from '../../../src/contracts/support-policies.service';

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
      statusReason: 'factura vencida',
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

describe('refusalOf reads the client’s zone only for a refusal (L3-01)', () => {
  // Every ticket registration and estimate reservation asks; an active policy needs no date, so
  // it must not cost a calendar read on that path.
  const changed = { statusChangedAt: new Date('2026-12-02T01:00:00Z'), statusReason: null };

  it('answers an active policy without asking for the zone', async () => {
    const zone = jest.fn(() => Promise.resolve(MEXICO_CITY_TIME_ZONE));
    expect(await refusalOf('Aurora', { status: PolicyStatus.ACTIVE, ...changed }, zone)).toBeNull();
    expect(zone).not.toHaveBeenCalled();
  });

  it('dates a suspension in the zone it asks for', async () => {
    const zone = jest.fn(() => Promise.resolve(MEXICO_CITY_TIME_ZONE));
    const err = await refusalOf('Aurora', { status: PolicyStatus.SUSPENDED, ...changed }, zone);
    expect(err?.details).toMatchObject({ since: '2026-12-01' });
    expect(zone).toHaveBeenCalledTimes(1);
  });
});
