import { dateTimeFormat } from '../../../src/shared/intl-formats';
import {
  TICKET_NUMBER_PATTERN,
  typedTicketNumber,
} from '../../../src/shared/ticket-number-pattern';
import { currentYear } from '../i18n/format';
import type { Language } from '../i18n/language';
import { defaultFilters, filtersToSearch } from './ticket-filters';

// What the agents' console says of a search that matches no open ticket (QA S60b #8): whether
// the text is a ticket's number, when a ticket ended, and the staff ticket list's address that
// shows the other matches. Pure (unit-tested).

/**
 * The ticket number `text` is, as the API's search reads it («l3-2026-6» is L3-2026-000006), or
 * for digits alone («5», «000005») that sequence of `year` (QA S62 #11: agents say «el 5»); null
 * for any other text (words, part of a number).
 */
export function searchedTicketNumber(text: string, year: number): string | null {
  const trimmed = text.trim();
  const digits = /^\d{1,9}$/.exec(trimmed);
  const number = digits
    ? `L3-${year}-${trimmed.padStart(6, '0')}`
    : typedTicketNumber(trimmed).toUpperCase();
  return TICKET_NUMBER_PATTERN.test(number) ? number : null;
}

/**
 * Staff's «Tickets» searching `text` over everyone's tickets (an agent's list starts on their
 * own): every state (`ALL`) or the ended ones (`CLOSED`, «Mostrar: Cerrados»). Written by the
 * list's own address writer, so the parameters are the ones it reads.
 */
export function ticketListSearch(text: string, show: 'ALL' | 'CLOSED'): string {
  const defaults = defaultFilters(true);
  return `/tickets${filtersToSearch({ ...defaults, text, show, mine: false }, defaults)}`;
}

/**
 * The day a ticket ended, short, in the reader's zone: «3 dic» this year, «3 dic 2025» before
 * (`now` for tests).
 */
export function endedDay(iso: string, language: Language, zone: string, now = new Date()): string {
  const at = new Date(iso);
  const options: Intl.DateTimeFormatOptions =
    currentYear(zone, at) === currentYear(zone, now)
      ? { day: 'numeric', month: 'short', timeZone: zone }
      : { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone };
  return dateTimeFormat(language, options).format(at);
}
