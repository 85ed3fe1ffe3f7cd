import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { LedgerEntryKind, PACKAGE_CATEGORIES, type WorkCategory } from './contract-enums';
import { toHours } from './hours';

// The prepaid-hours ledger as pure functions (L3-03, L3-12, L3-13, L3-18). The service loads an
// organization's entries under a per-organization lock, folds them with `foldLedger`, asks a
// `plan…` function what to append (or gets its typed refusal), and inserts exactly those drafts.
// The property tests drive the same functions, so the rules they check are the rules that run.
//
// Amounts are whole hundredths of an hour. Sign of an entry's `hundredths` per kind:
//   PURCHASE             > 0  adds to the balance
//   ADJUSTMENT           ≠ 0  adds to (or takes from) the balance
//   CONSUMPTION          ≤ 0  takes from the balance and draws the ticket's reservation down by as
//                             much (0 on a no-charge ticket: the time is logged, nothing is charged)
//   RESERVATION          ≥ 0  holds hours for a ticket's authorized estimate
//   RESERVATION_RELEASE  < 0  gives held hours back (estimate replaced, ticket closed or waived)
//   REVERSAL                  −(the reversed entry's amount), for PURCHASE, ADJUSTMENT, CONSUMPTION;
//                             it corrects the balance only (a reversed consumption returns its hours
//                             to the balance, not to the ticket's reservation)
// Then:
//   balance   = purchased − consumed + adjustments            (L3-13; nothing ever expires)
//   reserved  = Σ over tickets of RESERVATION + RESERVATION_RELEASE + CONSUMPTION (outstanding holds)
//   available = balance − reserved, never negative: every plan refuses what would make it so.

/** One ledger row as the rules see it. */
export interface LedgerFact {
  readonly id: string;
  readonly kind: LedgerEntryKind;
  readonly hundredths: number;
  readonly ticketNumber: string | null;
  readonly estimateVersion: number | null;
  readonly reversesEntryId: string | null;
}

/** A row a plan wants appended; `keySuffix` is added to the caller's idempotency key. */
export type LedgerDraft = Omit<LedgerFact, 'id'> & { readonly keySuffix: string };

/** What the ledger says about one ticket. */
export interface TicketHold {
  readonly ticketNumber: string;
  /** The estimate version the current reservation was made for (null: never reserved). */
  readonly estimateVersion: number | null;
  /** Outstanding reservation: authorized hours not consumed nor released. */
  readonly held: number;
  /** Charged consumption, net of reversals. */
  readonly consumed: number;
}

export interface LedgerBalance {
  readonly purchased: number;
  readonly consumed: number;
  readonly adjustments: number;
  /** purchased − consumed + adjustments. */
  readonly balance: number;
  /** Outstanding reservations of every ticket. */
  readonly reserved: number;
  /** balance − reserved. */
  readonly available: number;
  readonly tickets: ReadonlyMap<string, TicketHold>;
  /** IDs of entries that have been reversed. */
  readonly reversed: ReadonlySet<string>;
}

const REVERSIBLE = new Set([
  LedgerEntryKind.PURCHASE,
  LedgerEntryKind.ADJUSTMENT,
  LedgerEntryKind.CONSUMPTION,
]);

/**
 * Why `reverseHourEntry` refuses an entry whatever the balance, or null when it may be reversed:
 * only a purchase, adjustment or consumption, once. A consumption of 0 h (time logged on a
 * no-charge ticket, L3-18) is reversed too: its reversal of 0 h changes no figure, and the time
 * entry stops counting as worked. The ledger screen shows the same answer per row
 * (`HourLedgerEntry.reversible`), so it offers only what the API accepts.
 */
export function reversalRefusal(
  target: Pick<LedgerFact, 'id' | 'kind' | 'hundredths'>,
  reversed: ReadonlySet<string>,
): 'NOT_REVERSIBLE' | 'ALREADY_REVERSED' | null {
  if (!REVERSIBLE.has(target.kind)) return 'NOT_REVERSIBLE';
  return reversed.has(target.id) ? 'ALREADY_REVERSED' : null;
}

/** The balance of a client from its ledger entries, in insertion order. */
export function foldLedger(entries: readonly LedgerFact[]): LedgerBalance {
  let purchased = 0;
  let consumed = 0;
  let adjustments = 0;
  const kinds = new Map<string, LedgerFact>();
  const tickets = new Map<string, TicketHold>();
  const reversed = new Set<string>();
  const ticket = (e: LedgerFact, change: Partial<Omit<TicketHold, 'ticketNumber'>>) => {
    if (!e.ticketNumber) throw new Error(`ledger entry ${e.id} (${e.kind}) has no ticket`);
    const t = tickets.get(e.ticketNumber) ?? {
      ticketNumber: e.ticketNumber,
      estimateVersion: null,
      held: 0,
      consumed: 0,
    };
    tickets.set(e.ticketNumber, {
      ticketNumber: t.ticketNumber,
      estimateVersion: change.estimateVersion ?? t.estimateVersion,
      held: t.held + (change.held ?? 0),
      consumed: t.consumed + (change.consumed ?? 0),
    });
  };

  for (const e of entries) {
    kinds.set(e.id, e);
    switch (e.kind) {
      case LedgerEntryKind.PURCHASE:
        purchased += e.hundredths;
        break;
      case LedgerEntryKind.ADJUSTMENT:
        adjustments += e.hundredths;
        break;
      case LedgerEntryKind.CONSUMPTION:
        consumed -= e.hundredths;
        ticket(e, { held: e.hundredths, consumed: -e.hundredths });
        break;
      case LedgerEntryKind.RESERVATION:
        ticket(e, { held: e.hundredths, estimateVersion: e.estimateVersion });
        break;
      case LedgerEntryKind.RESERVATION_RELEASE:
        ticket(e, { held: e.hundredths });
        break;
      case LedgerEntryKind.REVERSAL: {
        const target = e.reversesEntryId ? kinds.get(e.reversesEntryId) : undefined;
        if (!target) throw new Error(`reversal ${e.id} names no earlier entry`);
        reversed.add(target.id);
        if (target.kind === LedgerEntryKind.PURCHASE) purchased += e.hundredths;
        else if (target.kind === LedgerEntryKind.ADJUSTMENT) adjustments += e.hundredths;
        else if (target.kind === LedgerEntryKind.CONSUMPTION) {
          consumed -= e.hundredths;
          ticket(target, { consumed: -e.hundredths });
        } else throw new Error(`reversal ${e.id} reverses a ${target.kind}`);
        break;
      }
    }
  }
  const balance = purchased - consumed + adjustments;
  let reserved = 0;
  for (const t of tickets.values()) reserved += t.held;
  return {
    purchased,
    consumed,
    adjustments,
    balance,
    reserved,
    available: balance - reserved,
    tickets,
    reversed,
  };
}

/**
 * Ledger entries summed by what `foldLedger` does with them (L3-13: the balance read without the
 * whole ledger): by kind; a REVERSAL also by the kind of the entry it cancels; a ticket's kinds
 * (and a reversed consumption) also by that ticket. The database sums them (`ledger-totals.ts`).
 */
export interface LedgerTotal {
  readonly kind: LedgerEntryKind;
  /** A REVERSAL: the kind of the entry it cancels; null otherwise. */
  readonly reversedKind: LedgerEntryKind | null;
  /** A consumption, reservation or release, or a reversed consumption: its ticket; else null. */
  readonly ticketNumber: string | null;
  readonly hundredths: number;
  /** RESERVATION: the estimate version of the last one that names one; null otherwise. */
  readonly estimateVersion: number | null;
}

/** The group of `t` (entries of one group add up). */
function totalKey(t: LedgerTotal): string {
  return `${t.kind}|${t.reversedKind ?? ''}|${t.ticketNumber ?? ''}`;
}

/** Adds `t` (entries later than those already in `totals`) to its group in `totals`. */
export function addToTotals(totals: Map<string, LedgerTotal>, t: LedgerTotal): void {
  const key = totalKey(t);
  const prior = totals.get(key);
  totals.set(
    key,
    prior
      ? {
          ...prior,
          hundredths: prior.hundredths + t.hundredths,
          estimateVersion: t.estimateVersion ?? prior.estimateVersion,
        }
      : t,
  );
}

/**
 * `foldLedger` of the entries that `totals` sum: each group folded as one entry of its sum (a
 * reversal after a 0 h entry of the kind it cancels), which the fold adds up as it would the
 * entries one by one. The same figures and ticket holds; `reversed` is empty (it names entries).
 */
export function foldTotals(totals: Iterable<LedgerTotal>): LedgerBalance {
  const facts: LedgerFact[] = [];
  let n = 0;
  for (const t of totals) {
    const id = String(++n);
    if (t.kind === LedgerEntryKind.REVERSAL) {
      if (!t.reversedKind) throw new Error(`a reversal total names no reversed kind`);
      facts.push({
        id: `${id}-reversed`,
        kind: t.reversedKind,
        hundredths: 0,
        ticketNumber: t.ticketNumber,
        estimateVersion: null,
        reversesEntryId: null,
      });
    }
    facts.push({
      id,
      kind: t.kind,
      hundredths: t.hundredths,
      ticketNumber: t.ticketNumber,
      estimateVersion: t.estimateVersion,
      reversesEntryId: t.kind === LedgerEntryKind.REVERSAL ? `${id}-reversed` : null,
    });
  }
  return { ...foldLedger(facts), reversed: new Set() };
}

/**
 * What one entry does to the balance and to the outstanding reservations, by the sign convention
 * above: summing the effects of a ledger's entries gives `balance` and `reserved` of its fold.
 */
export function effectOf(e: Pick<LedgerFact, 'kind' | 'hundredths'>): {
  balance: number;
  reserved: number;
} {
  switch (e.kind) {
    case LedgerEntryKind.PURCHASE:
    case LedgerEntryKind.ADJUSTMENT:
    case LedgerEntryKind.REVERSAL:
      return { balance: e.hundredths, reserved: 0 };
    case LedgerEntryKind.CONSUMPTION:
      return { balance: e.hundredths, reserved: e.hundredths };
    case LedgerEntryKind.RESERVATION:
    case LedgerEntryKind.RESERVATION_RELEASE:
      return { balance: 0, reserved: e.hundredths };
  }
}

/** Typed refusal of the ledger rules: VALIDATION_FAILED (or CONFLICT) with a stable `reason`. */
export function ledgerRefusal(
  reason: string,
  message: string,
  details: Record<string, unknown> = {},
  code = ErrorCode.VALIDATION_FAILED,
): DomainError {
  return new DomainError(code, message, { reason, ...details });
}

/** What authorizing asks of the available hours and what they lack, in hours (L3-12). */
export interface HoursShortfall {
  readonly availableHours: number;
  readonly requestedHours: number;
  readonly shortfallHours: number;
}

/** {@link HoursShortfall} of `needed` hundredths against `available` ones. */
function shortfallOf(available: number, needed: number): HoursShortfall {
  return {
    availableHours: toHours(available),
    requestedHours: toHours(needed),
    shortfallHours: toHours(needed - available),
  };
}

function insufficient(available: number, needed: number): DomainError {
  const details = shortfallOf(available, needed);
  return ledgerRefusal(
    'INSUFFICIENT_HOURS',
    `Not enough prepaid hours: ${details.requestedHours} h needed, ${details.availableHours} h available (short by ${details.shortfallHours} h)`,
    { ...details },
  );
}

export function planPurchase(hundredths: number): LedgerDraft[] {
  return [draft(LedgerEntryKind.PURCHASE, hundredths)];
}

export interface ReservationRequest {
  readonly ticketNumber: string;
  readonly estimateVersion: number;
  /** The estimate's hours: the ticket's total authorized hours, consumption so far included. */
  readonly hundredths: number;
  readonly category: WorkCategory;
  /** A no-charge ticket (L3-18) holds nothing. */
  readonly noCharge: boolean;
}

export interface ReservationPlan {
  readonly drafts: LedgerDraft[];
  /** The ticket's hold after the plan. */
  readonly held: number;
  /** The previous hold given back (a newer estimate replaces the older one). */
  readonly released: number;
}

/**
 * The ticket's hold once `req` is authorized (its hours less what the ticket consumed; none on a
 * no-charge ticket) and the hold it replaces, in hundredths.
 */
function holdOf(
  t: TicketHold | undefined,
  req: Pick<ReservationRequest, 'hundredths' | 'noCharge'>,
): { previous: number; held: number } {
  return {
    previous: t?.held ?? 0,
    held: req.noCharge ? 0 : req.hundredths - (t?.consumed ?? 0),
  };
}

/**
 * L3-12: what authorizing an estimate (or change order) of `req.hundredths` on the ticket would
 * lack, as the client reads it: the available hours, the hours it adds to the ticket's hold and
 * the difference; undefined when the available hours cover it. The same test as
 * {@link planReservation}'s `INSUFFICIENT_HOURS` (the new hold against the available hours plus
 * the hold it replaces), told without the replaced hold on both sides.
 */
export function reservationShortfall(
  balance: Pick<LedgerBalance, 'available' | 'tickets'>,
  req: Pick<ReservationRequest, 'ticketNumber' | 'hundredths' | 'noCharge'>,
): HoursShortfall | undefined {
  const { previous, held } = holdOf(balance.tickets.get(req.ticketNumber), req);
  const needed = held - previous;
  return needed > balance.available ? shortfallOf(balance.available, needed) : undefined;
}

/**
 * L3-12: an authorized estimate reserves its hours. A newer version replaces the previous hold
 * (release + reserve, appended together); the same version again changes nothing; an older one is
 * refused. Needs `available + previous hold ≥ new hold`, and for configuration and development an
 * active package (a purchase with hours left).
 */
export function planReservation(balance: LedgerBalance, req: ReservationRequest): ReservationPlan {
  const t = balance.tickets.get(req.ticketNumber);
  if (t?.estimateVersion != null && req.estimateVersion < t.estimateVersion) {
    throw ledgerRefusal(
      'STALE_ESTIMATE_VERSION',
      `Ticket ${req.ticketNumber} already has hours reserved for estimate version ${t.estimateVersion}`,
      { currentEstimateVersion: t.estimateVersion },
      ErrorCode.CONFLICT,
    );
  }
  if (t?.estimateVersion === req.estimateVersion) return { drafts: [], held: t.held, released: 0 };

  const consumed = t?.consumed ?? 0;
  const { previous, held } = holdOf(t, req);
  if (held < 0) {
    throw ledgerRefusal(
      'ESTIMATE_BELOW_CONSUMED',
      `Estimate version ${req.estimateVersion} authorizes ${toHours(req.hundredths)} h but ${toHours(consumed)} h are already consumed on ${req.ticketNumber}`,
      { consumedHours: toHours(consumed) },
    );
  }
  const room = balance.available + previous;
  if (
    !req.noCharge &&
    PACKAGE_CATEGORIES.includes(req.category) &&
    (balance.purchased <= 0 || room <= 0)
  ) {
    throw ledgerRefusal(
      'NO_ACTIVE_PACKAGE',
      `${req.category} work needs an active prepaid hour package with hours left (L3-12)`,
      { availableHours: toHours(balance.available) },
    );
  }
  if (held > room) throw insufficient(room, held);
  const drafts: LedgerDraft[] = [];
  if (previous > 0) {
    drafts.push({
      ...draft(LedgerEntryKind.RESERVATION_RELEASE, -previous, req.ticketNumber),
      estimateVersion: t?.estimateVersion ?? null,
      keySuffix: ':release-previous',
    });
  }
  drafts.push({
    ...draft(LedgerEntryKind.RESERVATION, held, req.ticketNumber),
    estimateVersion: req.estimateVersion,
  });
  return { drafts, held, released: previous };
}

/**
 * L3-12: logged time consumes the ticket's reservation; more than what is left of the authorized
 * estimate is refused (a change order is needed), never silently overrun. L3-18: on a no-charge
 * ticket the consumption is 0.
 */
export function planConsumption(
  balance: LedgerBalance,
  req: { readonly ticketNumber: string; readonly hundredths: number; readonly noCharge: boolean },
): { drafts: LedgerDraft[]; charged: number } {
  const charged = req.noCharge ? 0 : req.hundredths;
  const ticket = balance.tickets.get(req.ticketNumber);
  const held = ticket?.held ?? 0;
  if (charged > held) {
    // Never reserved: no estimate was authorized (a problem ticket has none), so a change order
    // cannot help; the hours go on an authorized estimate, or the ticket is free of charge (L3-18).
    const noEstimate = ticket === undefined;
    throw ledgerRefusal(
      'EXCEEDS_AUTHORIZED_ESTIMATE',
      noEstimate
        ? `Ticket ${req.ticketNumber} has no authorized estimate: hours are logged against one, or on a no-charge ticket (setTicketNoCharge)`
        : held === 0
          ? `Ticket ${req.ticketNumber} has no authorized hours left: submit a change order (submitChangeOrder) for more hours`
          : `Ticket ${req.ticketNumber} has ${toHours(held)} h of its authorized estimate left, ${toHours(req.hundredths)} h were logged: submit a change order (submitChangeOrder) for the additional hours`,
      {
        remainingHours: toHours(held),
        requestedHours: toHours(req.hundredths),
        excessHours: toHours(charged - held),
        ...(noEstimate ? { noEstimate: true } : {}),
      },
    );
  }
  // `0 - charged`, not `-charged`: a no-charge consumption is +0, never -0.
  return { drafts: [draft(LedgerEntryKind.CONSUMPTION, 0 - charged, req.ticketNumber)], charged };
}

/**
 * L3-18 un-waived: a ticket charged to the package again holds its authorized estimate once more:
 * the estimate's hours minus the hours already charged to it, less what it still holds. Needs,
 * as any reservation, an active package for configuration and development and enough available
 * hours (else the typed refusal, and the caller writes nothing).
 */
export function planReinstatement(
  balance: LedgerBalance,
  req: {
    readonly ticketNumber: string;
    readonly estimateVersion: number;
    /** The authorized estimate's hours: the ticket's total authorized hours. */
    readonly hundredths: number;
    readonly category: WorkCategory;
  },
): { drafts: LedgerDraft[]; reserved: number } {
  const t = balance.tickets.get(req.ticketNumber);
  const wanted = Math.max(0, req.hundredths - (t?.consumed ?? 0));
  const missing = wanted - (t?.held ?? 0);
  if (missing <= 0) return { drafts: [], reserved: 0 };
  if (
    PACKAGE_CATEGORIES.includes(req.category) &&
    (balance.purchased <= 0 || balance.available <= 0)
  ) {
    throw ledgerRefusal(
      'NO_ACTIVE_PACKAGE',
      `${req.category} work needs an active prepaid hour package with hours left (L3-12)`,
      { availableHours: toHours(balance.available) },
    );
  }
  if (missing > balance.available) throw insufficient(balance.available, missing);
  return {
    drafts: [
      {
        ...draft(LedgerEntryKind.RESERVATION, missing, req.ticketNumber),
        estimateVersion: req.estimateVersion,
      },
    ],
    reserved: missing,
  };
}

/** On close or cancel (or a waiver): gives back exactly the ticket's unused reservation. */
export function planRelease(
  balance: LedgerBalance,
  ticketNumber: string,
): { drafts: LedgerDraft[]; released: number } {
  const t = balance.tickets.get(ticketNumber);
  const held = t?.held ?? 0;
  if (held <= 0) return { drafts: [], released: 0 };
  return {
    drafts: [
      {
        ...draft(LedgerEntryKind.RESERVATION_RELEASE, -held, ticketNumber),
        estimateVersion: t?.estimateVersion ?? null,
      },
    ],
    released: held,
  };
}

/** A manager's correction of the balance; taking hours away may not make `available` negative. */
export function planAdjustment(balance: LedgerBalance, hundredths: number): LedgerDraft[] {
  if (hundredths < 0 && balance.available + hundredths < 0) {
    throw insufficient(balance.available, -hundredths);
  }
  return [draft(LedgerEntryKind.ADJUSTMENT, hundredths)];
}

/** Corrections are reversal entries; each purchase, adjustment or consumption once. */
export function planReversal(balance: LedgerBalance, target: LedgerFact): LedgerDraft[] {
  const refusal = reversalRefusal(target, balance.reversed);
  if (refusal === 'NOT_REVERSIBLE') {
    throw ledgerRefusal(
      'NOT_REVERSIBLE',
      `A ${target.kind} entry cannot be reversed (reservations follow their estimate)`,
    );
  }
  if (refusal === 'ALREADY_REVERSED') {
    throw ledgerRefusal(
      'ALREADY_REVERSED',
      `Ledger entry ${target.id} is already reversed`,
      {},
      ErrorCode.CONFLICT,
    );
  }
  const hundredths = -target.hundredths || 0; // not -0
  if (hundredths < 0 && balance.available + hundredths < 0) {
    throw insufficient(balance.available, -hundredths);
  }
  return [
    {
      ...draft(LedgerEntryKind.REVERSAL, hundredths, target.ticketNumber),
      estimateVersion: target.estimateVersion,
      reversesEntryId: target.id,
    },
  ];
}

/**
 * L3-12, L3-13: a charged consumption reversed while its ticket still works under its authorized
 * estimate (open, charged to the package) gives its hours back to that estimate's hold, not to the
 * available balance: the ticket holds its estimate's hours less what is consumed, as before the
 * mistaken entry, so correcting 15 h logged instead of 1.5 h does not leave the provider short
 * of the hours the client authorized (a change order the client would have to sign again).
 * Appended after the reversal, under its key with `:hold-restored`. Null: nothing to restore (not
 * a consumption, or its ticket never held an estimate).
 */
export function planHoldRestore(balance: LedgerBalance, target: LedgerFact): LedgerDraft | null {
  if (target.kind !== LedgerEntryKind.CONSUMPTION || !target.ticketNumber) return null;
  const t = balance.tickets.get(target.ticketNumber);
  if (t?.estimateVersion == null || target.hundredths >= 0) return null;
  return {
    ...draft(LedgerEntryKind.RESERVATION, -target.hundredths, target.ticketNumber),
    estimateVersion: t.estimateVersion,
    keySuffix: ':hold-restored',
  };
}

function draft(
  kind: LedgerEntryKind,
  hundredths: number,
  ticketNumber: string | null = null,
): LedgerDraft {
  return {
    kind,
    hundredths,
    ticketNumber,
    estimateVersion: null,
    reversesEntryId: null,
    keySuffix: '',
  };
}
