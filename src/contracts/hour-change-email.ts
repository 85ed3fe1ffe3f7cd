import {
  type Block,
  type NamedEmail,
  renderNamedEmail,
} from '../notifications/templates/email-content';
import { oneLine } from '../notifications/templates/format';
import {
  type EmailRecipient,
  recipientContext,
  type RenderOptions,
} from '../notifications/templates/render-email';
import { LedgerEntryKind } from './contract-enums';

/** The outbox's event type of a client's hours changing by hand (L3-03, L3-11, L3-13). */
export const HOURS_CHANGED_EMAIL_TYPE = 'HOURS_CHANGED';

/**
 * One email per ledger entry: keyed by the entry's id, so a replayed request queues nothing; the
 * organization's id keeps the key (and the Message-ID made from it) unique beyond one database.
 */
export function hoursChangedEventKey(organizationId: string, entryId: string): string {
  return `hours-changed:${organizationId}:${entryId}`;
}

/** What changed the client's hours: a package bought, a manager's adjustment or a reversal. */
export type HourChange =
  | {
      readonly kind: 'PURCHASE';
      readonly packageReference: string;
      /** What the package cost (L3-03: visible to the client), in `currency`. */
      readonly price: number;
      readonly currency: string;
    }
  | { readonly kind: 'ADJUSTMENT'; readonly reason: string }
  | {
      readonly kind: 'REVERSAL';
      readonly reason: string;
      /**
       * Hours logged on a ticket still at work: they went back to its estimate's hold, so the
       * available balance did not change (L3-12). Absent: false.
       */
      readonly backToTicketHold?: boolean;
      /** The entry reversed: its kind, and the package or ticket it was about. */
      readonly reverses: {
        readonly kind: LedgerEntryKind;
        readonly ticketNumber: string | null;
        readonly packageReference: string | null;
        /** A reversed purchase: what its package cost (L3-03; QA S57: the email had no amount). */
        readonly packagePrice?: { readonly price: number; readonly currency: string };
        readonly createdAt: Date;
      };
    };

export interface HourChangeEmailInput {
  readonly change: HourChange;
  /** Signed: what the entry added to (> 0) or took from (< 0) the client's balance. */
  readonly hours: number;
  /** The client's available hours right after the entry. */
  readonly availableAfter: number;
  readonly organizationName: string;
  readonly at: Date;
  readonly byName: string;
}

/**
 * L3-03, L3-11, L3-13: the client's hours changed outside a ticket (a package bought, a manual
 * adjustment, a reversal). Written for the client's approvers in their language (usted) and time
 * zone: what changed, by how much, why, and the hours available after it, with the link to their
 * hours. Time logged on tickets is not told entry by entry (the ticket shows it).
 */
export function renderHourChangeEmail(
  input: HourChangeEmailInput,
  recipient: EmailRecipient,
  options: RenderOptions,
): NamedEmail {
  const ctx = recipientContext(recipient, options, '/mis-horas');
  const t = (es: string, en: string): string => ctx.t(es, en);
  const amount = `${ctx.dates.number(Math.abs(input.hours))} h`;
  const available = `${input.availableAfter < 0 ? '-' : ''}${ctx.dates.number(Math.abs(input.availableAfter))} h`;
  const added = input.hours >= 0;
  const availableSentence = t(
    `Saldo disponible: ${available}.`,
    `Available balance: ${available}.`,
  );
  const change = input.change;
  let heading: string;
  let subject: string;
  /** The «Movimiento» fact: the signed amount, unless a reversal says where the hours went. */
  let movement = `${added ? '+' : '−'}${amount}`;
  const blocks: Block[] = [];
  if (change.kind === 'PURCHASE') {
    subject = t(
      `Se agregaron ${amount} a su saldo de horas (paquete ${change.packageReference})`,
      `${amount} added to your hour balance (package ${change.packageReference})`,
    );
    heading = t(
      `Se agregaron ${amount} a su saldo (paquete ${change.packageReference}). ${availableSentence}`,
      `${amount} were added to your balance (package ${change.packageReference}). ${availableSentence}`,
    );
    blocks.push({
      kind: 'paragraph',
      text: t(
        'Las horas prepagadas no vencen: duran hasta que se consumen.',
        'Prepaid hours never expire: they last until consumed.',
      ),
    });
  } else if (change.kind === 'ADJUSTMENT') {
    subject = added
      ? t(
          `Ajuste de horas: se agregaron ${amount} a su saldo`,
          `Hour adjustment: ${amount} added to your balance`,
        )
      : t(
          `Ajuste de horas: se descontaron ${amount} de su saldo`,
          `Hour adjustment: ${amount} taken from your balance`,
        );
    heading = added
      ? t(
          `Se agregaron ${amount} a su saldo por un ajuste manual. ${availableSentence}`,
          `${amount} were added to your balance by a manual adjustment. ${availableSentence}`,
        )
      : t(
          `Se descontaron ${amount} de su saldo por un ajuste manual. ${availableSentence}`,
          `${amount} were taken from your balance by a manual adjustment. ${availableSentence}`,
        );
    blocks.push({ kind: 'quote', label: t('Motivo', 'Reason'), text: change.reason });
  } else {
    const target = change.reverses;
    const when = ctx.dates.instant(target.createdAt.toISOString());
    const what =
      target.kind === LedgerEntryKind.PURCHASE
        ? t(
            `la compra del paquete ${target.packageReference ?? ''} (${when})`,
            `the purchase of package ${target.packageReference ?? ''} (${when})`,
          )
        : target.kind === LedgerEntryKind.CONSUMPTION
          ? t(
              `las horas registradas en el ticket ${target.ticketNumber ?? ''} (${when})`,
              `hours logged on ticket ${target.ticketNumber ?? ''} (${when})`,
            )
          : t(`un ajuste manual (${when})`, `a manual adjustment (${when})`);
    // «Se revirtieron las horas…», «Se revirtió la compra…»: the verb agrees with what.
    const reversed = (rest: string, restEn: string) =>
      t(
        `${target.kind === LedgerEntryKind.CONSUMPTION ? 'Se revirtieron' : 'Se revirtió'} ${what}: ${rest}`,
        `We reversed ${what}: ${restEn}`,
      );
    if (input.hours === 0) {
      // L3-18: hours logged on a no-charge ticket, cancelled: nothing was charged, nothing moves.
      const ticket = target.ticketNumber ?? '';
      subject = t(
        `Corrección de horas: se anuló un registro sin cargo del ticket ${ticket}`,
        `Hour correction: an entry of no charge on ticket ${ticket} was cancelled`,
      );
      heading = t(
        `Se anularon las horas registradas sin cargo al paquete en el ticket ${ticket} (${when}): su saldo no cambia. ${availableSentence}`,
        `We cancelled the hours logged at no charge to the package on ticket ${ticket} (${when}): your balance does not change. ${availableSentence}`,
      );
      movement = t('0 h (sin cargo)', '0 h (no charge)');
    } else if (change.backToTicketHold) {
      const ticket = target.ticketNumber ?? '';
      subject = t(
        `Corrección de horas: ${amount} vuelven a la reserva del ticket ${ticket}`,
        `Hour correction: ${amount} back in the hold of ticket ${ticket}`,
      );
      heading = reversed(
        `las ${amount} vuelven a la reserva de su estimación autorizada, para el trabajo que sigue en el ticket; su saldo disponible no cambia. ${availableSentence}`,
        `the ${amount} are back in the hold of its authorized estimate, for the work still to do on the ticket; your available balance does not change. ${availableSentence}`,
      );
      movement = t(
        `+${amount} a la reserva del ticket ${ticket}`,
        `+${amount} to the hold of ticket ${ticket}`,
      );
    } else {
      subject = added
        ? t(
            `Corrección de horas: se devolvieron ${amount} a su saldo`,
            `Hour correction: ${amount} given back to your balance`,
          )
        : t(
            `Corrección de horas: se descontaron ${amount} de su saldo`,
            `Hour correction: ${amount} taken from your balance`,
          );
      heading = added
        ? reversed(
            `se devolvieron ${amount} a su saldo. ${availableSentence}`,
            `${amount} were given back to your balance. ${availableSentence}`,
          )
        : reversed(
            `se descontaron ${amount} de su saldo. ${availableSentence}`,
            `${amount} were taken from your balance. ${availableSentence}`,
          );
    }
    blocks.push({ kind: 'quote', label: t('Motivo', 'Reason'), text: change.reason });
  }
  blocks.unshift({
    kind: 'facts',
    rows: [
      [t('Cliente', 'Client'), input.organizationName],
      [t('Movimiento', 'Change'), movement],
      // L3-03: the package's price, as the monthly statement shows it.
      ...(change.kind === 'PURCHASE'
        ? [
            [
              t('Importe del paquete', 'Package price'),
              ctx.dates.money(change.price, change.currency),
            ] as [string, string],
          ]
        : []),
      // L3-03: the price of the package whose purchase was reversed (QA S57).
      ...(change.kind === 'REVERSAL' && change.reverses.packagePrice
        ? [
            [
              t('Importe del paquete revertido', 'Price of the reversed package'),
              ctx.dates.money(
                change.reverses.packagePrice.price,
                change.reverses.packagePrice.currency,
              ),
            ] as [string, string],
          ]
        : []),
      [t('Saldo disponible', 'Available balance'), available],
      [t('Registró', 'Recorded by'), input.byName],
      [t('Fecha', 'Date'), ctx.dates.instant(input.at.toISOString())],
    ],
  });
  return renderNamedEmail(
    'contracts/hours-changed.v1',
    {
      subject: oneLine(subject, 200),
      heading,
      blocks,
      link: {
        label: t('Ver mis horas', 'Open my hours'),
        href: ctx.ticketUrl,
        guidance: t(
          'Si tiene dudas sobre este movimiento, consúltelo en la plataforma de soporte.',
          'If you have questions about this change, ask on the support platform.',
        ),
      },
    },
    ctx,
  );
}
