import { CLOSURE_HOURS, type TicketDetail } from '../api/tickets';
import { useQuery } from '../components/use-query';
import { closureHoursEn } from '../i18n/closure-hours.en';
import { closureHoursEsMX } from '../i18n/closure-hours.es-mx';
import { useI18n } from '../i18n/i18n-context';

const WORDS = { 'es-MX': closureHoursEsMX, en: closureHoursEn };

/**
 * What «Aceptar entrega» says before its button (QA S20; L3-09, L3-12): accepting closes the
 * ticket, and for a charged requirement the hours the closure charges of those authorized and
 * gives back, as the ledger holds them (`Ticket.closureHours`, asked only while `open`). Until
 * the figures arrive, or without them, it says only that the unused hours go back.
 */
export function useAcceptDeliveryText(ticket: TicketDetail, open: boolean): string {
  const { t, language } = useI18n();
  const charged = ticket.authorizations.length > 0 && !ticket.billing?.noCharge;
  const hours = useQuery(CLOSURE_HOURS, { number: ticket.number }, !open || !charged).data?.ticket
    .closureHours;
  if (!charged) return t.ticketPage.acceptDeliveryExplain;
  return hours ? WORDS[language].acceptDelivery(hours) : t.ticketPage.acceptDeliveryExplainHours;
}
