import { mailDomain, outboxMessageId } from '../../../src/notifications/message-id';
import { retryDelayMs } from '../../../src/notifications/retry-backoff';

// L3-11 "no email is lost or sent twice": deterministic Message-IDs and a bounded retry schedule.

describe('L3-11 outbox Message-ID', () => {
  it('is the same for the same event and recipient, whatever the case of the address', () => {
    const a = outboxMessageId('ticket-L3-2026-000001:3', 'usuario@aurora.example', 'becken.mx');
    expect(a).toMatch(/^<[0-9a-f]{40}@becken\.mx>$/);
    expect(outboxMessageId('ticket-L3-2026-000001:3', 'USUARIO@aurora.example', 'becken.mx')).toBe(
      a,
    );
  });

  it('differs per event and per recipient', () => {
    const ids = new Set([
      outboxMessageId('ticket-L3-2026-000001:3', 'a@x.example', 'd'),
      outboxMessageId('ticket-L3-2026-000001:4', 'a@x.example', 'd'),
      outboxMessageId('ticket-L3-2026-000001:3', 'b@x.example', 'd'),
      // No ambiguity from concatenation.
      outboxMessageId('ticket-L3-2026-000001:3a', '@x.example', 'd'),
    ]);
    expect(ids.size).toBe(4);
  });

  it('takes its domain from MAIL_FROM', () => {
    expect(mailDomain('Soporte L3 <soporte@becken.mx>')).toBe('becken.mx');
    expect(mailDomain('soporte@localhost')).toBe('localhost');
    expect(mailDomain('nobody')).toBe('nobody');
  });
});

describe('L3-11 retry backoff', () => {
  const policy = { baseMs: 5_000, capMs: 600_000 };

  it('doubles per attempt, between half and all of the nominal delay', () => {
    const low = [1, 2, 3, 4, 5].map((a) => retryDelayMs(a, policy, () => 0));
    const high = [1, 2, 3, 4, 5].map((a) => retryDelayMs(a, policy, () => 1));
    expect(low).toEqual([2_500, 5_000, 10_000, 20_000, 40_000]);
    expect(high).toEqual([5_000, 10_000, 20_000, 40_000, 80_000]);
  });

  it('never exceeds the cap (10 min), however many attempts', () => {
    for (const attempt of [8, 9, 12, 50, 1_000]) {
      const d = retryDelayMs(attempt, policy, () => 1);
      expect(d).toBe(600_000);
      expect(retryDelayMs(attempt, policy, () => 0)).toBe(300_000);
    }
  });

  it('spreads retries with jitter', () => {
    const values = new Set(Array.from({ length: 50 }, () => retryDelayMs(4, policy)));
    expect(values.size).toBeGreaterThan(10);
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(20_000);
      expect(v).toBeLessThanOrEqual(40_000);
    }
  });
});
