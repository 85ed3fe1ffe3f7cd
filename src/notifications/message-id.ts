import { createHash } from 'node:crypto';

/** The domain of a `MAIL_FROM` value (`Soporte L3 <soporte@becken.mx>` → `becken.mx`). */
export function mailDomain(from: string): string {
  const address = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
  const domain = address.slice(address.lastIndexOf('@') + 1).trim();
  return domain || 'localhost';
}

/**
 * The Message-ID of the email of one event to one recipient: the same inputs always give the same
 * ID, so a resend after a crash between send and mark-SENT is recognisably the same message.
 */
export function outboxMessageId(
  eventKey: string,
  recipientAddress: string,
  domain: string,
): string {
  const hash = createHash('sha256')
    .update(`${eventKey}\n${recipientAddress.toLowerCase()}`)
    .digest('hex')
    .slice(0, 40);
  return `<${hash}@${domain}>`;
}

/**
 * The thread every email of one ticket answers (QA S60: a ticket's nine emails were nine
 * conversations): `In-Reply-To` and `References` name it, so mail clients that thread by headers
 * (Apple Mail, Thunderbird, Outlook on the web) group them under the ticket. No email has it as its
 * own Message-ID; clients take it as the thread's missing first message.
 */
export function ticketThreadId(ticketNumber: string, domain: string): string {
  return `<ticket-${ticketNumber.replace(/[^A-Za-z0-9._-]/g, '_')}@${domain}>`;
}
