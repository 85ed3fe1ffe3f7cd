import { Locale } from '../../identity/locale.enum';
import type { NotificationTicket } from '../notification-event';
import { escapeHtml, oneLine, type RecipientDates } from './format';

/**
 * What a template produces: structured content, never markup. The layout escapes every string it
 * puts into HTML, so user text (subjects, questions, statements) cannot inject anything.
 */
export type Block =
  | { readonly kind: 'paragraph'; readonly text: string }
  /** User-provided text shown verbatim (questions, progress, the written authorization). */
  | { readonly kind: 'quote'; readonly label: string; readonly text: string }
  | { readonly kind: 'facts'; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: 'action'; readonly label: string; readonly href: string };

/** A calendar entry to attach as `.ics`. */
export interface CalendarEntry {
  readonly start:
    { readonly at: Date; readonly durationMinutes: number } | { readonly date: string };
  readonly summary: string;
  readonly description: string;
  /**
   * Part of the file name, e.g. `remote-session`; with the ticket number, the entry's identity in
   * the recipient's calendar.
   */
  readonly name: string;
  /**
   * QA S63 #4: the entry's identity in calendars (its UID's seed with the ticket number), when not
   * `name`: a remote session proposed after a cancelled one is a new entry, its file named alike.
   */
  readonly uidName?: string;
  /** The email takes the entry out of the calendar (a cancelled ticket, a declined session). */
  readonly cancelled?: boolean;
  /** Not settled yet (STATUS:TENTATIVE): a remote session proposed, not confirmed (QA S62 #9). */
  readonly tentative?: boolean;
  /** Where it happens (LOCATION), e.g. a remote session's meeting link. */
  readonly location?: string;
}

export interface EmailContent {
  readonly subject: string;
  readonly heading: string;
  readonly blocks: readonly Block[];
  /** The `.ics` to attach: one entry, or several (a cancelled ticket's release date and session). */
  readonly calendar?: CalendarEntry | readonly CalendarEntry[];
  /**
   * The closing link when it is not «Ver el ticket» with "reply on the ticket" (L3-15 checkpoint
   * agenda, hours, a closed ticket); ticket emails leave it out. `guidance`: what the recipient
   * can do instead, said before the «Este correo es automático…» line every email ends with
   * (left out: that line alone).
   */
  readonly link?: { readonly label: string; readonly href: string; readonly guidance?: string };
}

/** What every template receives about the recipient and the ticket. */
export interface TemplateContext {
  readonly locale: Locale;
  readonly dates: RecipientDates;
  readonly recipientName: string;
  /**
   * The email is for provider staff: it ends with the staff footer (the ticket link, «Este correo
   * es automático…»), not the client's «comente en el ticket».
   */
  readonly staff?: boolean;
  /** The recipient's `app_user.id`, when known: their own action is told as theirs. */
  readonly recipientId?: string;
  /** `PUBLIC_URL/tickets/<number>`. */
  readonly ticketUrl: string;
  readonly publicUrl: string;
  /** Display names of the users an event mentions (agent, approver), by user id. */
  readonly names: ReadonlyMap<string, string>;
  /**
   * The IANA zone of the ticket's business calendar (BUSINESS-TIME.md: the client's working
   * hours), when known: a deadline reads in it too when the recipient's zone reads it otherwise
   * (QA S60b #3, `calendarTimeRows` / `calendarTimeClause`).
   */
  readonly calendarTimeZone?: string;
  /** Picks the recipient's language. */
  t(es: string, en: string): string;
}

/** `[L3-2026-000123] …`: the ticket number first, so mail clients thread and sort by it. */
function subjectLine(ticketNumber: string, text: string): string {
  return oneLine(`[${ticketNumber}] ${text}`, 200);
}

/**
 * A ticket email's subject ending in the ticket's own subject, as the provider's emails do: a
 * client with several tickets tells them apart in the inbox, not only by number (QA S20). A text
 * that already has a detail after a colon («Ticket clasificado: problema») takes the subject
 * after a dash, not a second colon.
 */
export function ticketSubjectLine(
  ticket: Pick<NotificationTicket, 'number' | 'subject'>,
  text: string,
): string {
  return subjectLine(
    ticket.number,
    `${text}${text.includes(': ') ? ' — ' : ': '}${ticket.subject}`,
  );
}

/**
 * L3-11 (S19): a ticket's client emails reach its participants and approvers too, so the words
 * that make the ticket the reader's own («su ticket», «usted registró») are its registrant's
 * alone; anyone else reads `other`. A recipient whose id is unknown reads the registrant's words.
 */
export function byReader(
  ticket: NotificationTicket,
  ctx: TemplateContext,
  registrant: readonly [es: string, en: string],
  other: readonly [es: string, en: string],
): string {
  return ctx.t(...(readsAsRegistrant(ticket, ctx) ? registrant : other));
}

/**
 * « (registrado por Úrsula Usuaria)», to put after the ticket's number, for a recipient who is
 * not its registrant; empty for the registrant and when the email's names lack them.
 */
export function registeredBy(ticket: NotificationTicket, ctx: TemplateContext): string {
  const name = ctx.names.get(ticket.registrantId);
  return name && !readsAsRegistrant(ticket, ctx)
    ? ctx.t(` (registrado por ${name})`, ` (registered by ${name})`)
    : '';
}

function readsAsRegistrant(ticket: NotificationTicket, ctx: TemplateContext): boolean {
  return ctx.recipientId === undefined || ctx.recipientId === ticket.registrantId;
}

const GUIDANCE = {
  [Locale.ES_MX]: {
    greeting: (name: string) => `Hola, ${name}:`,
    open: 'Ver el ticket',
    reply: 'Para responder, entre a la plataforma de soporte y comente en el ticket.',
    // The last line of every email, after what the recipient can do instead.
    automatic: 'Este correo es automático: las respuestas por correo no se leen.',
    signature: 'Soporte L3',
  },
  [Locale.EN]: {
    greeting: (name: string) => `Hello ${name},`,
    open: 'Open the ticket',
    reply: 'To reply, sign in to the support platform and comment on the ticket.',
    automatic: 'This email is automatic: replies by email are not read.',
    signature: 'L3 Support',
  },
} as const;

/** What {@link renderLayout} needs of the recipient: the layout of every email. */
export type LayoutContext = Pick<
  TemplateContext,
  'locale' | 'recipientName' | 'ticketUrl' | 'staff'
>;

/**
 * The plain-text and HTML bodies of one email: the greeting, the heading, the blocks, the link,
 * the guidance and the signature. The guidance is the template's own (`link`), else none for
 * staff (they work the ticket on the platform), else the client's «comente en el ticket»; then
 * always «Este correo es automático…».
 */
export function renderLayout(
  content: EmailContent,
  ctx: LayoutContext,
): { subject: string; text: string; html: string } {
  const g = GUIDANCE[ctx.locale];
  const open = content.link?.label ?? g.open;
  const url = content.link?.href ?? ctx.ticketUrl;
  const before = content.link ? content.link.guidance : ctx.staff ? undefined : g.reply;
  const reply = before ? `${before} ${g.automatic}` : g.automatic;
  const text = [
    g.greeting(ctx.recipientName),
    '',
    content.heading,
    '',
    ...content.blocks.flatMap((b) => [...blockText(b), '']),
    `${open}: ${url}`,
    '',
    reply,
    '',
    `— ${g.signature}`,
    '',
  ].join('\n');

  const e = escapeHtml;
  const html =
    `<!doctype html><html lang="${e(ctx.locale)}"><head><meta charset="utf-8">` +
    `<title>${e(content.subject)}</title></head>` +
    `<body style="font-family:system-ui,Arial,sans-serif;color:#1f2933;line-height:1.45;max-width:640px">` +
    `<p>${e(g.greeting(ctx.recipientName))}</p>` +
    `<h2 style="font-size:1.15rem">${e(content.heading)}</h2>` +
    content.blocks.map(blockHtml).join('') +
    `<p><a href="${e(url)}" style="display:inline-block;padding:.5rem 1rem;background:#0b5394;color:#fff;text-decoration:none;border-radius:4px">${e(open)}</a></p>` +
    `<p style="font-size:.9rem;color:#52606d">${e(reply)}</p>` +
    `<p style="font-size:.9rem;color:#52606d">— ${e(g.signature)}<br>${e(url)}</p>` +
    `</body></html>`;
  return { subject: content.subject, text, html };
}

/** An email outside the event templates as the outbox stores it: its language and template. */
export interface NamedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly locale: Locale;
  readonly template: string;
}

/** {@link renderLayout} of an email sent outside the event templates (hours, ratings, accounts). */
export function renderNamedEmail(
  template: string,
  content: EmailContent,
  ctx: LayoutContext,
): NamedEmail {
  return { ...renderLayout(content, ctx), locale: ctx.locale, template };
}

function blockText(b: Block): string[] {
  switch (b.kind) {
    case 'paragraph':
      return [b.text];
    case 'quote':
      return [`${b.label}:`, ...b.text.split(/\r?\n/).map((l) => `> ${l}`)];
    case 'facts':
      return b.rows.map(([k, v]) => `${k}: ${v}`);
    case 'action':
      return [`${b.label}: ${b.href}`];
  }
}

function blockHtml(b: Block): string {
  const e = escapeHtml;
  switch (b.kind) {
    case 'paragraph':
      return `<p>${e(b.text)}</p>`;
    case 'quote':
      return (
        `<p><strong>${e(b.label)}:</strong></p>` +
        `<blockquote style="margin:0 0 1rem;padding:.5rem 1rem;border-left:4px solid #9aa5b1;white-space:pre-wrap">${e(b.text)}</blockquote>`
      );
    case 'facts':
      return (
        `<table style="border-collapse:collapse;margin-bottom:1rem">` +
        b.rows
          .map(
            ([k, v]) =>
              `<tr><th style="text-align:left;padding:.2rem 1rem .2rem 0;vertical-align:top">${e(k)}</th><td style="padding:.2rem 0">${e(v)}</td></tr>`,
          )
          .join('') +
        `</table>`
      );
    case 'action':
      return `<p><a href="${e(b.href)}">${e(b.label)}</a></p>`;
  }
}
