import { PolicyEventKind } from '../../../src/contracts/contract-enums';
import { type FeeEvent, feeInForce } from '../../../src/contracts/fee-history';

// L3-03: a monthly statement bills the fee in force that month, read from the support policy's
// append-only history (support_policy_event), never today's fee for a past month.

const created = (at: string, monthlyFee: string | number): FeeEvent => ({
  kind: PolicyEventKind.CREATED,
  at: new Date(at),
  data: { monthlyFee, currency: 'MXN', startDate: '2026-01-01' },
});
const changed = (at: string, from: string, to: string): FeeEvent => ({
  kind: PolicyEventKind.TERMS_CHANGED,
  at: new Date(at),
  data: { monthlyFee: { from, to } },
});
const statusChanged = (at: string): FeeEvent => ({
  kind: PolicyEventKind.STATUS_CHANGED,
  at: new Date(at),
  data: {},
});
const month = (m: string) => new Date(`${m}-01T00:00:00.000Z`);

describe('feeInForce (L3-03)', () => {
  const history = [
    created('2026-01-10T17:00:00Z', '12000.00'),
    statusChanged('2026-02-03T10:00:00Z'),
    changed('2026-03-15T18:00:00Z', '12000.00', '15000.00'),
    changed('2026-05-01T00:00:00Z', '15000.00', '16500.50'),
  ];

  it('keeps the old fee for months that began before a change', () => {
    expect(feeInForce(history, month('2026-02'), '16500.50')).toBe('12000.00');
    // The change on 15 March applies from April: March began at the old fee.
    expect(feeInForce(history, month('2026-03'), '16500.50')).toBe('12000.00');
  });

  it('uses the new fee from the first month that began after the change', () => {
    expect(feeInForce(history, month('2026-04'), '16500.50')).toBe('15000.00');
    // A change at the very first instant of a month counts for that month.
    expect(feeInForce(history, month('2026-05'), '16500.50')).toBe('16500.50');
    expect(feeInForce(history, month('2027-01'), '16500.50')).toBe('16500.50');
  });

  it('gives a month that began before the policy was recorded its first fee', () => {
    expect(feeInForce(history, month('2026-01'), '16500.50')).toBe('12000.00');
    expect(feeInForce(history, month('2025-12'), '16500.50')).toBe('12000.00');
  });

  it('reads the fee a CREATED event stored as a number, formatted as an amount', () => {
    expect(feeInForce([created('2026-01-10T17:00:00Z', 15000)], month('2026-02'), '0')).toBe(
      '15000.00',
    );
  });

  it('without a recorded creation, the fee before the first change is its `from`', () => {
    const changesOnly = [changed('2026-03-15T18:00:00Z', '9000.00', '9500.00')];
    expect(feeInForce(changesOnly, month('2026-02'), '9500.00')).toBe('9000.00');
    expect(feeInForce(changesOnly, month('2026-04'), '9500.00')).toBe('9500.00');
  });

  it('falls back to the current fee when the history names no fee', () => {
    expect(feeInForce([], month('2026-02'), '15000')).toBe('15000.00');
    expect(feeInForce([statusChanged('2026-02-03T10:00:00Z')], month('2026-04'), '800.5')).toBe(
      '800.50',
    );
    // A terms change that did not move the fee (e.g. only the start date) is not a fee.
    const startOnly: FeeEvent = {
      kind: PolicyEventKind.TERMS_CHANGED,
      at: new Date('2026-02-01T00:00:00Z'),
      data: { startDate: { from: '2026-01-01', to: '2026-01-15' } },
    };
    expect(feeInForce([startOnly], month('2026-04'), '100')).toBe('100.00');
  });
});
