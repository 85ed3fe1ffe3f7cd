import { createHash } from 'node:crypto';

/**
 * A calendar event to attach as `.ics` (RFC 5545/5546): METHOD:REQUEST to add or move it,
 * METHOD:CANCEL to take it out of the recipient's calendar.
 */
export interface IcsEvent {
  /**
   * Stable per calendar entry (a ticket's release date, its remote session): every email about
   * it carries the same UID, so a later one moves or cancels the entry instead of adding another.
   */
  readonly uidSeed: string;
  /** Grows with each email about the entry (RFC 5546: the newest revision wins). */
  readonly sequence: number;
  /** The entry is cancelled (METHOD:CANCEL, STATUS:CANCELLED). */
  readonly cancelled?: boolean;
  /**
   * The entry is not settled yet (STATUS:TENTATIVE): a remote session the client has not
   * confirmed (QA S62 #9). Otherwise a request is STATUS:CONFIRMED.
   */
  readonly tentative?: boolean;
  readonly domain: string;
  /** DTSTAMP: when the event was created (deterministic, so a resend is byte-identical). */
  readonly stamp: Date;
  readonly start:
    { readonly at: Date; readonly durationMinutes: number } | { readonly date: string };
  readonly summary: string;
  readonly description: string;
  /** LOCATION, when the entry has one (a remote session's meeting link). */
  readonly location?: string;
  readonly url: string;
  readonly organizer: { readonly name: string; readonly address: string };
  readonly attendee: { readonly name: string; readonly address: string };
}

/** The UID of a calendar event derived from its seed. */
export function icsUid(uidSeed: string, domain: string): string {
  return `${createHash('sha256').update(uidSeed).digest('hex').slice(0, 32)}@${domain}`;
}

/** Renders one VEVENT in a VCALENDAR, CRLF line ends, long lines folded at 75 octets. */
export function renderIcs(event: IcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//sla-engine//L3 support//ES',
    'CALSCALE:GREGORIAN',
    event.cancelled ? 'METHOD:CANCEL' : 'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `UID:${icsUid(event.uidSeed, event.domain)}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    ...('date' in event.start
      ? [
          `DTSTART;VALUE=DATE:${event.start.date.replaceAll('-', '')}`,
          `DTEND;VALUE=DATE:${nextDate(event.start.date).replaceAll('-', '')}`,
        ]
      : [
          `DTSTART:${utcStamp(event.start.at)}`,
          `DTEND:${utcStamp(new Date(event.start.at.getTime() + event.start.durationMinutes * 60_000))}`,
        ]),
    `SEQUENCE:${event.sequence}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : event.tentative ? 'TENTATIVE' : 'CONFIRMED'}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    `URL:${event.url}`,
    `ORGANIZER;CN=${paramValue(event.organizer.name)}:mailto:${event.organizer.address}`,
    `ATTENDEE;CN=${paramValue(event.attendee.name)};ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:${event.attendee.address}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** `20260203T223000Z`. */
function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

function paramValue(s: string): string {
  return `"${s.replace(/["\r\n]/g, '')}"`;
}

/** RFC 5545 §3.1: lines longer than 75 octets continue on the next line after CRLF + space. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
