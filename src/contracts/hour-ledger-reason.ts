import { LedgerEntryKind } from './contract-enums';

// Each ledger entry keeps its reason twice: the English sentence (`reason`, as API users read it)
// and its parts as data (`reason_parts`, jsonb), so clients word it in their language (L3-03,
// L3-13: the client reads its ledger; L3-18 no-charge). The builders below give both for every
// step of the ledger. `ledgerReasonOf` reads a sentence back into parts: only for rows whose
// parts are null (written before the column, in a form the migration's backfill could not read).

/** What caused a ledger entry, for clients to word. */
export enum LedgerReasonCode {
  PACKAGE_PURCHASED = 'PACKAGE_PURCHASED',
  ESTIMATE_AUTHORIZED = 'ESTIMATE_AUTHORIZED',
  /** A newer estimate version was authorized: the previous version's hold is given back. */
  ESTIMATE_REPLACED = 'ESTIMATE_REPLACED',
  TIME_LOGGED = 'TIME_LOGGED',
  /** The ticket ended (closed, cancelled…): its unused hold is given back. */
  TICKET_ENDED = 'TICKET_ENDED',
  TICKET_NO_CHARGE = 'TICKET_NO_CHARGE',
  TICKET_CHARGED_AGAIN = 'TICKET_CHARGED_AGAIN',
  /**
   * Hours logged on a ticket were reversed while it still works under its estimate: they go back
   * to its hold (`estimateVersion`); `note` is the manager's reason for the reversal.
   */
  HOLD_RESTORED = 'HOLD_RESTORED',
  /** An adjustment or reversal: `note` is the manager's own reason. */
  MANUAL = 'MANUAL',
  OTHER = 'OTHER',
}

export interface LedgerReasonParts {
  readonly code: LedgerReasonCode;
  /** Hours named in the reason (the authorized estimate, the work logged). */
  readonly hours: number | null;
  readonly estimateVersion: number | null;
  /** YYYY-MM-DD: the day the work was done, or the package was bought. */
  readonly date: string | null;
  readonly packageReference: string | null;
  readonly workCategory: string | null;
  /** The state a ticket ended in (TICKET_ENDED), e.g. CLOSED. */
  readonly ticketState: string | null;
  readonly noCharge: boolean;
  /** Free text someone wrote (work description, no-charge or adjustment reason), as written. */
  readonly note: string | null;
}

/** A reason as the ledger writes it: the English sentence and the same in parts. */
export interface LedgerReason {
  readonly text: string;
  readonly parts: LedgerReasonParts;
}

const EMPTY: Omit<LedgerReasonParts, 'code'> = {
  hours: null,
  estimateVersion: null,
  date: null,
  packageReference: null,
  workCategory: null,
  ticketState: null,
  noCharge: false,
  note: null,
};

const part = (
  code: LedgerReasonCode,
  parts: Partial<LedgerReasonParts> = {},
): LedgerReasonParts => ({
  ...EMPTY,
  ...parts,
  code,
});

const reason = (
  text: string,
  code: LedgerReasonCode,
  parts: Partial<LedgerReasonParts> = {},
): LedgerReason => ({ text, parts: part(code, parts) });

export const purchaseReason = (reference: string, purchasedOn: string): LedgerReason =>
  reason(`package ${reference} purchased on ${purchasedOn}`, LedgerReasonCode.PACKAGE_PURCHASED, {
    packageReference: reference,
    date: purchasedOn,
  });

/** @param hours as the ledger formats them, e.g. `8.00` */
export const estimateReason = (version: number, hours: string, category: string): LedgerReason =>
  reason(
    `estimate v${version} authorized: ${hours} h (${category})`,
    LedgerReasonCode.ESTIMATE_AUTHORIZED,
    { estimateVersion: version, hours: Number(hours), workCategory: category },
  );

export const loggedReason = (
  hours: string,
  date: string,
  noCharge: boolean,
  description: string,
): LedgerReason =>
  reason(
    `${hours} h logged on ${date}${noCharge ? ' (no charge, L3-18)' : ''}: ${description}`,
    LedgerReasonCode.TIME_LOGGED,
    { hours: Number(hours), date, noCharge, note: description },
  );

/** The ticket ended in `state` (e.g. CLOSED): its unused hold is given back. */
export const ticketEndedReason = (state: string): LedgerReason =>
  reason(`ticket ${state.toLowerCase()}`, LedgerReasonCode.TICKET_ENDED, {
    ticketState: state.toUpperCase(),
  });

export const noChargeReason = (note: string): LedgerReason =>
  reason(`ticket made no-charge (L3-18): ${note}`, LedgerReasonCode.TICKET_NO_CHARGE, { note });

export const chargedAgainReason = (estimateVersion: number, note: string): LedgerReason =>
  reason(
    `ticket charged again (L3-18), estimate v${estimateVersion} held again: ${note}`,
    LedgerReasonCode.TICKET_CHARGED_AGAIN,
    { estimateVersion, note },
  );

/** A reversed consumption's hours back in its open ticket's hold of estimate `estimateVersion`. */
export const holdRestoredReason = (
  estimateVersion: number,
  hours: string,
  note: string,
): LedgerReason =>
  reason(
    `${hours} h logged and reversed, held again for estimate v${estimateVersion}: ${note}`,
    LedgerReasonCode.HOLD_RESTORED,
    { estimateVersion, hours: Number(hours), note },
  );

/** A manager's adjustment or reversal: their own words. */
export const manualReason = (note: string): LedgerReason =>
  reason(note, LedgerReasonCode.MANUAL, { note });

/** Text of no known form (e.g. from a caller outside the ledger's own steps), kept as the note. */
export const otherReason = (text: string): LedgerReason =>
  reason(text, LedgerReasonCode.OTHER, { note: text });

/**
 * The parts to store with an entry of `kind`: a newer estimate's reason on the release of the
 * previous version's hold (appended with it) reads ESTIMATE_REPLACED.
 */
export function reasonPartsFor(kind: LedgerEntryKind, r: LedgerReason): LedgerReasonParts {
  if (
    kind === LedgerEntryKind.RESERVATION_RELEASE &&
    r.parts.code === LedgerReasonCode.ESTIMATE_AUTHORIZED
  ) {
    return { ...r.parts, code: LedgerReasonCode.ESTIMATE_REPLACED };
  }
  return r.parts;
}

const CODES = new Set<string>(Object.values(LedgerReasonCode));

/**
 * The parts of a stored entry: its `reason_parts`; the sentence read back when they are null (or
 * of a code this version does not know).
 */
export function storedReasonParts(entry: {
  readonly kind: LedgerEntryKind;
  readonly reason: string;
  readonly reasonParts: Partial<LedgerReasonParts> | null;
}): LedgerReasonParts {
  const stored = entry.reasonParts;
  if (!stored || typeof stored.code !== 'string' || !CODES.has(stored.code)) {
    return ledgerReasonOf(entry.kind, entry.reason);
  }
  return part(stored.code, stored);
}

/** The code and parts of a stored reason; OTHER (the sentence as `note`) when unknown. */
export function ledgerReasonOf(kind: LedgerEntryKind, reason: string): LedgerReasonParts {
  let m: RegExpMatchArray | null;
  if (kind === LedgerEntryKind.ADJUSTMENT || kind === LedgerEntryKind.REVERSAL) {
    return part(LedgerReasonCode.MANUAL, { note: reason });
  }
  if ((m = reason.match(/^package (.+) purchased on (\d{4}-\d{2}-\d{2})$/s))) {
    return part(LedgerReasonCode.PACKAGE_PURCHASED, { packageReference: m[1], date: m[2] });
  }
  if ((m = reason.match(/^estimate v(\d+) authorized: ([\d.]+) h \((\w+)\)$/))) {
    const parts = { estimateVersion: Number(m[1]), hours: Number(m[2]), workCategory: m[3] };
    return kind === LedgerEntryKind.RESERVATION_RELEASE
      ? part(LedgerReasonCode.ESTIMATE_REPLACED, parts)
      : part(LedgerReasonCode.ESTIMATE_AUTHORIZED, parts);
  }
  if (
    (m = reason.match(/^([\d.]+) h logged on (\d{4}-\d{2}-\d{2})( \(no charge, L3-18\))?: (.*)$/s))
  ) {
    return part(LedgerReasonCode.TIME_LOGGED, {
      hours: Number(m[1]),
      date: m[2],
      noCharge: Boolean(m[3]),
      note: m[4],
    });
  }
  if ((m = reason.match(/^ticket ([a-z_]+)$/))) {
    return part(LedgerReasonCode.TICKET_ENDED, { ticketState: m[1].toUpperCase() });
  }
  if ((m = reason.match(/^ticket made no-charge \(L3-18\): (.*)$/s))) {
    return part(LedgerReasonCode.TICKET_NO_CHARGE, { note: m[1] });
  }
  if ((m = reason.match(/^ticket charged again \(L3-18\), estimate v(\d+) held again: (.*)$/s))) {
    return part(LedgerReasonCode.TICKET_CHARGED_AGAIN, {
      estimateVersion: Number(m[1]),
      note: m[2],
    });
  }
  if (
    (m = reason.match(/^([\d.]+) h logged and reversed, held again for estimate v(\d+): (.*)$/s))
  ) {
    return part(LedgerReasonCode.HOLD_RESTORED, {
      hours: Number(m[1]),
      estimateVersion: Number(m[2]),
      note: m[3],
    });
  }
  return part(LedgerReasonCode.OTHER, { note: reason });
}
