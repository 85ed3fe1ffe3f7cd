import { LedgerEntryKind } from './contract-enums';

// The ledger stores each entry's reason as one English sentence (append-only rows, kept as
// written). These builders write the sentences of the ledger's own steps, and `ledgerReasonOf`
// reads any stored sentence back into a code and its parts, so clients can word it in their
// language (L3-03, L3-13: the client reads its ledger). Builder and reader live side by side.

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

export const purchaseReason = (reference: string, purchasedOn: string): string =>
  `package ${reference} purchased on ${purchasedOn}`;

export const estimateReason = (version: number, hours: string, category: string): string =>
  `estimate v${version} authorized: ${hours} h (${category})`;

export const loggedReason = (
  hours: string,
  date: string,
  noCharge: boolean,
  description: string,
): string => `${hours} h logged on ${date}${noCharge ? ' (no charge, L3-18)' : ''}: ${description}`;

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
  return part(LedgerReasonCode.OTHER, { note: reason });
}
