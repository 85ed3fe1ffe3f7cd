import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import type { LedgerEntryKind } from './contract-enums';
import { HourLedgerEntryEntity } from './hour-ledger-entry.entity';
import { toHundredths } from './hours';
import { type LedgerFact, ledgerRefusal } from './ledger-rules';
import { TicketBillingEntity } from './ticket-billing.entity';
import { TICKET_NUMBER_PATTERN } from '../tickets/ticket-number';
import { isTicketEnded } from '../../workflows/ticket/ticket.contract';

// Row-level helpers of the ledger service: facts from rows, idempotency replays, request checks.

export function toFact(e: HourLedgerEntryEntity): LedgerFact {
  return {
    id: String(e.id),
    kind: e.kind,
    hundredths: toHundredths(e.hours),
    ticketNumber: e.ticketNumber,
    estimateVersion: e.estimateVersion,
    reversesEntryId: e.reversesEntryId === null ? null : String(e.reversesEntryId),
  };
}

export async function isNoCharge(tx: EntityManager, ticketNumber: string): Promise<boolean> {
  const billing = await tx.getRepository(TicketBillingEntity).findOneBy({ ticketNumber });
  return billing?.noCharge ?? false;
}

/**
 * L3-12, L3-18: whether the ticket still works under its authorized estimate's hold: registered,
 * not ended (the ended run releases its hold right after the closure is recorded) and charged to
 * the package (a waiver released it).
 */
export async function holdsItsEstimate(tx: EntityManager, ticketNumber: string): Promise<boolean> {
  const [row] = await tx.query<{ state: string }[]>('SELECT state FROM ticket WHERE number = $1', [
    ticketNumber,
  ]);
  if (!row || isTicketEnded(row.state)) return false;
  return !(await isNoCharge(tx, ticketNumber));
}

/**
 * Work and waivers are recorded only against tickets that exist (the `ticket` read model, written
 * at registration): an unknown number is NOT_FOUND before any ledger rule is looked at. Returns
 * when it was registered (work is dated from that day on).
 */
export async function assertRegisteredTicket(
  tx: EntityManager,
  ticketNumber: string,
): Promise<{ registeredAt: Date }> {
  const [row] = await tx.query<{ registered_at: Date }[]>(
    'SELECT registered_at FROM ticket WHERE number = $1',
    [ticketNumber],
  );
  if (!row) throw notFound('ticket', ticketNumber, `Ticket ${ticketNumber} not found`);
  return { registeredAt: row.registered_at };
}

/**
 * A ticket number belongs to one organization: refuses one whose registered ticket (the `ticket`
 * read model; a ticket never changes client) or, for a number without one, whose ledger or
 * billing rows name another. The ticket's own row comes first: the ledger and billing rows only
 * echo whatever organization their first caller named, and one named wrongly would otherwise
 * become the owner and lock the real one out of its own ticket for good.
 */
export async function assertTicketOf(
  tx: EntityManager,
  ticketNumber: string,
  organizationId: string,
): Promise<void> {
  // One statement: the three reads share the transaction's one connection, which takes one
  // query at a time (pg queues a second and will refuse it in pg 9).
  const [owners] = await tx.query<{ owner: string | null }[]>(
    `SELECT COALESCE(
              (SELECT organization_id FROM ticket WHERE number = $1),
              (SELECT organization_id FROM hour_ledger_entry WHERE ticket_number = $1 LIMIT 1),
              (SELECT organization_id FROM ticket_billing WHERE ticket_number = $1)) AS owner`,
    [ticketNumber],
  );
  const owner = owners.owner;
  if (owner && owner !== organizationId) {
    throw ledgerRefusal(
      'TICKET_OF_ANOTHER_ORGANIZATION',
      `Ticket ${ticketNumber} belongs to another organization`,
    );
  }
}

export function findByKey(tx: EntityManager, key: string): Promise<HourLedgerEntryEntity | null> {
  return tx.getRepository(HourLedgerEntryEntity).findOneBy({ idempotencyKey: key });
}

/** A replayed key must name the same kind of operation on the same organization and ticket. */
export function assertReplayOf(
  prior: HourLedgerEntryEntity,
  organizationId: string,
  kind: LedgerEntryKind,
  ticketNumber: string | null,
): void {
  if (
    prior.organizationId !== organizationId ||
    prior.kind !== kind ||
    prior.ticketNumber !== ticketNumber
  ) {
    throw keyReused();
  }
}

export const keyReused = () =>
  new DomainError(
    ErrorCode.CONFLICT,
    'This idempotency key was already used for another operation',
    { reason: 'IDEMPOTENCY_KEY_REUSED' },
  );

export function requireTicketNumber(ticketNumber: string): string {
  if (!TICKET_NUMBER_PATTERN.test(ticketNumber)) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      'ticketNumber must look like L3-2026-000123',
      { field: 'ticketNumber' },
    );
  }
  return ticketNumber;
}

export function requireKey(key: string): string {
  if (typeof key !== 'string' || key.length < 1 || key.length > 250) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'idempotencyKey must be 1–250 characters', {
      field: 'idempotencyKey',
    });
  }
  return key;
}

export function requireText(text: string, field: string, max: number): string {
  const value = (text ?? '').trim();
  if (!value || value.length > max) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `${field} must be between 1 and ${max} characters`,
      { field },
    );
  }
  return value;
}

export function truncate(text: string): string {
  return text.length <= 500 ? text : `${text.slice(0, 499)}…`;
}
