import { daysFromCivil } from '../business-time/engine/civil-date';
import {
  offsetSampleInstant,
  wallMinutesToInstants,
  zoneOffsetAt,
} from '../business-time/engine/zoned-time';
import { LedgerEntryKind } from './contract-enums';
import { effectOf } from './ledger-rules';
import { localToday } from './local-date';

// L3-03, L3-13, L3-18: the balance arithmetic of a client's monthly statement, so that it adds up
// (QA S16: a −2.5 h adjustment in November was missing from November's statement). Every ledger
// entry that moves the balance is dated once, by the same rule the rest of the statement uses:
//   PURCHASE              the package's purchase date (`hour_package.purchased_on`)
//   CONSUMPTION           the day the work was done (`time_entry.work_date`)
//   ADJUSTMENT, REVERSAL  the day it was written, in the organization's calendar time zone
// Reservations move no balance and are left out. Then, per month (first day ≤ date < next first):
//   opening  = Σ effects dated before the month
//   closing  = Σ effects dated before the next month
//   so that  opening + purchased − consumed + adjusted = closing
// where `purchased` nets the purchases reversed in the month out of those made in it, as the
// balance panel's «Compradas» does (`foldLedger`; QA S57: a reversed purchase was counted under
// «Ajustes del mes»), and `adjusted` sums the other manual movements (adjustments, and reversals
// of adjustments or of time charged: the month's consumption is the time logged on its tickets
// by work date, which its ticket table lists). Pure.

/** One balance-moving ledger entry, dated (amounts in hundredths, signed per kind). */
export interface DatedLedgerEntry {
  readonly id: string;
  readonly kind: LedgerEntryKind;
  readonly hundredths: number;
  /** YYYY-MM-DD, see the dating rule above. */
  readonly date: string;
  /** A REVERSAL: the kind of the entry it reverses. */
  readonly reversedKind?: LedgerEntryKind | null;
}

/** The month's figures, in hundredths of an hour. */
export interface MonthBalance<E extends DatedLedgerEntry> {
  readonly opening: number;
  /** Purchases dated in the month, less the purchases reversed in it (signed). */
  readonly purchased: number;
  /** Charged consumption dated in the month (positive). */
  readonly consumed: number;
  /** Adjustments and the other reversals dated in the month, signed. */
  readonly adjusted: number;
  readonly closing: number;
  /** Purchases, adjustments and reversals dated in the month, by date then ledger order. */
  readonly movements: readonly E[];
}

/** The day `YYYY-MM-DD` an instant falls on in `timeZone` (IANA), e.g. the organization's calendar. */
export function dayIn(instant: Date, timeZone: string): string {
  return localToday(timeZone, instant);
}

/**
 * The statement month `YYYY-MM` of an instant in `timeZone`: 2026-12-01T03:30Z is still November
 * in America/Mexico_City (21:30 on the 30th), 06:30Z is December (00:30 on the 1st).
 */
export function monthIn(instant: Date, timeZone: string): string {
  return dayIn(instant, timeZone).slice(0, 7);
}

/**
 * The first instant of the day `YYYY-MM-DD` in `timeZone`: its 00:00, or, where a clock change
 * skips midnight, the first instant after the gap. The statement's month begins there (L3-03: the
 * monthly fee in force is read at that instant): 2026-12-01 in America/Mexico_City is 06:00Z.
 */
export function dayStartIn(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [start] = wallMinutesToInstants(timeZone, daysFromCivil(year, month, date), [0], (k) =>
    zoneOffsetAt(timeZone, offsetSampleInstant(k)),
  );
  return new Date(start);
}

/** What dates a ledger entry on a statement (see the rule above). */
export interface LedgerEntryDating {
  /** A purchase's `purchased_on` or a consumption's `work_date` (already a local day), else null. */
  readonly ownDate: string | null;
  /** When the entry was written. */
  readonly createdAt: Date;
}

/**
 * The statement day of a ledger entry: its own date where it has one (a purchase, a consumption),
 * else the day it was written in `timeZone` (an adjustment, a reversal).
 */
export function statementDate(entry: LedgerEntryDating, timeZone: string): string {
  return entry.ownDate ?? dayIn(entry.createdAt, timeZone);
}

/** Kinds listed one by one in the statement's movements: all but a ticket's consumption. */
const LISTED = new Set([
  LedgerEntryKind.PURCHASE,
  LedgerEntryKind.ADJUSTMENT,
  LedgerEntryKind.REVERSAL,
]);

/** The month `[from, to)` of `entries` (dates YYYY-MM-DD, `to` the next month's first day). */
export function monthBalance<E extends DatedLedgerEntry>(
  entries: readonly E[],
  from: string,
  to: string,
): MonthBalance<E> {
  let [opening, closing, purchased, consumed, adjusted] = [0, 0, 0, 0, 0];
  const movements: E[] = [];
  for (const e of entries) {
    const effect = effectOf(e).balance;
    if (e.date < to) closing += effect;
    if (e.date < from) opening += effect;
    if (e.date < from || e.date >= to) continue;
    if (e.kind === LedgerEntryKind.PURCHASE) purchased += effect;
    else if (e.kind === LedgerEntryKind.REVERSAL && e.reversedKind === LedgerEntryKind.PURCHASE) {
      purchased += effect;
    } else if (e.kind === LedgerEntryKind.CONSUMPTION) consumed -= effect;
    else if (e.kind === LedgerEntryKind.ADJUSTMENT || e.kind === LedgerEntryKind.REVERSAL) {
      adjusted += effect;
    }
    if (LISTED.has(e.kind)) movements.push(e);
  }
  movements.sort((a, b) => (a.date === b.date ? compareIds(a.id, b.id) : a.date < b.date ? -1 : 1));
  return {
    opening,
    purchased,
    consumed,
    adjusted,
    closing,
    movements,
  };
}

/** Ledger IDs are bigint text: shorter is smaller. */
function compareIds(a: string, b: string): number {
  return a.length === b.length ? (a < b ? -1 : a > b ? 1 : 0) : a.length - b.length;
}
