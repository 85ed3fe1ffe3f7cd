import { EMAIL_STATUSES, type EmailOutboxFilterVariables, type EmailStatus } from '../api/outbox';
import { zonedWallTimeToUtc } from '../i18n/zoned-time';
import { searchChoice, searchWith } from '../router/search-choice';
import { TICKET_NUMBER_PATTERN } from '../../../src/shared/ticket-number-pattern';

/**
 * What «Correo saliente» is narrowed to (L3-11), as the page and its address hold it: dates are
 * the viewer's days (YYYY-MM-DD in their zone), both included; '' means any.
 */
export interface OutboxFilters {
  readonly status: EmailStatus | '';
  readonly ticket: string;
  readonly recipient: string;
  readonly from: string;
  readonly to: string;
}

export const NO_OUTBOX_FILTERS: OutboxFilters = {
  status: '',
  ticket: '',
  recipient: '',
  from: '',
  to: '',
};

/** The API's limit on `recipient` (an address is at most 254 characters). */
export const MAX_RECIPIENT = 254;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The address's words, as «Mis tickets» and the SLA board use Spanish ones. */
const PARAMS = {
  status: 'estado',
  ticket: 'ticket',
  recipient: 'destinatario',
  from: 'desde',
  to: 'hasta',
} as const satisfies Record<keyof OutboxFilters, string>;

/** A ticket number as typed («l3-2026-000123 ») in the form the API takes. */
export function normalTicket(typed: string): string {
  return typed.trim().toUpperCase();
}

/** L3-02: a whole ticket number, as the API takes it (the API's own pattern). */
export function isTicketNumber(text: string): boolean {
  return TICKET_NUMBER_PATTERN.test(text);
}

/** A real calendar day YYYY-MM-DD (not 2026-02-30). */
export function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * The filters a query string holds (`?estado=FAILED&ticket=L3-2026-000123&destinatario=aurora&
 * desde=2026-11-01&hasta=2026-11-30`); what is missing or not understood means any, so a shared
 * or hand-edited link never breaks the page.
 */
export function outboxFiltersFromSearch(search: string): OutboxFilters {
  const params = new URLSearchParams(search);
  const get = (key: keyof OutboxFilters) => params.get(PARAMS[key]) ?? '';
  const ticket = normalTicket(get('ticket'));
  const recipient = get('recipient').trim();
  const from = get('from');
  const to = get('to');
  return {
    status: searchChoice(search, PARAMS.status, EMAIL_STATUSES, ''),
    ticket: isTicketNumber(ticket) ? ticket : '',
    recipient: recipient.length <= MAX_RECIPIENT ? recipient : '',
    from: isDay(from) ? from : '',
    to: isDay(to) ? to : '',
  };
}

/** `search` with the filters set (other parameters kept), as `?…` or ''. */
export function outboxFiltersToSearch(search: string, filters: OutboxFilters): string {
  const values: Record<string, string> = {};
  for (const key of Object.keys(PARAMS) as (keyof OutboxFilters)[]) {
    values[PARAMS[key]] = filters[key];
  }
  return searchWith(search, values);
}

export function isFiltered(filters: OutboxFilters): boolean {
  return Object.values(filters).some((value) => value !== '');
}

/** Whether «Hasta» is not before «Desde» (either may be empty). */
export function datesInOrder(filters: Pick<OutboxFilters, 'from' | 'to'>): boolean {
  return !filters.from || !filters.to || filters.from <= filters.to;
}

/** The day after `day` (YYYY-MM-DD). */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The API's arguments: the viewer's days become instants in their zone, «Desde» from the start of
 * its day and «Hasta» up to the start of the day after (the API's `to` is not included).
 */
export function outboxVariables(filters: OutboxFilters, zone: string): EmailOutboxFilterVariables {
  const start = (day: string) => zonedWallTimeToUtc(`${day}T00:00`, zone).toISOString();
  return {
    status: filters.status || null,
    ticketNumber: filters.ticket || null,
    recipient: filters.recipient || null,
    from: filters.from ? start(filters.from) : null,
    to: filters.to ? start(nextDay(filters.to)) : null,
  };
}
