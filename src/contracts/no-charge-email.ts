import {
  type Block,
  type NamedEmail,
  renderNamedEmail,
  ticketSubjectLine,
} from '../notifications/templates/email-content';
import {
  type EmailRecipient,
  ticketEmailContext,
  type RenderOptions,
} from '../notifications/templates/render-email';

/** The outbox's event type of a no-charge decision's email (L3-11, L3-18). */
export const NO_CHARGE_EMAIL_TYPE = 'TICKET_NO_CHARGE';

/** One email per decision: keyed by the decision's row in `ticket_billing_event`. */
export function noChargeEventKey(ticketNumber: string, decisionId: string): string {
  return `ticket-no-charge:${ticketNumber}:${decisionId}`;
}

/** What the registrant's email about a no-charge decision says. */
export interface NoChargeEmailInput {
  readonly ticket: { readonly number: string; readonly subject: string };
  readonly noCharge: boolean;
  readonly reason: string;
  readonly decidedAt: Date;
  readonly decidedByName: string;
  /** Hours of the ticket's reservation given back (made no-charge). */
  readonly releasedHours: number;
  /** Hours of its authorized estimate held again (charged again). */
  readonly reservedHours: number;
}

/**
 * L3-11, L3-18: the provider decided that a ticket is free of charge to the client's hour package
 * (or charged to it again). Written for the ticket's registrant in their language and time zone,
 * through the layout every email uses (escaped HTML, plain-text twin), with the ticket link; the
 * reason is quoted verbatim.
 */
export function renderNoChargeEmail(
  input: NoChargeEmailInput,
  recipient: EmailRecipient,
  options: RenderOptions,
): NamedEmail {
  const ctx = ticketEmailContext(recipient, options, input.ticket.number);
  const t = (es: string, en: string): string => ctx.t(es, en);
  const rows: [string, string][] = [
    [t('Asunto', 'Subject'), input.ticket.subject],
    [t('Decidió', 'Decided by'), input.decidedByName],
    [t('Fecha', 'Date'), ctx.dates.instant(input.decidedAt.toISOString())],
  ];
  if (input.releasedHours > 0) {
    rows.push([
      t('Horas reservadas liberadas', 'Reserved hours released'),
      `${input.releasedHours} h`,
    ]);
  }
  if (input.reservedHours > 0) {
    rows.push([t('Horas reservadas de nuevo', 'Hours reserved again'), `${input.reservedHours} h`]);
  }
  const blocks: Block[] = [
    { kind: 'facts', rows },
    { kind: 'quote', label: t('Motivo', 'Reason'), text: input.reason },
    {
      kind: 'paragraph',
      text: input.noCharge
        ? t(
            'Las horas que se registren en este ticket desde ahora no se descuentan de su paquete de horas; lo ya descontado antes de esta decisión sigue descontado. Es un beneficio de su cuota mensual que decide el proveedor.',
            'Hours logged on this ticket from now on are not taken from your hour package; hours taken before this decision stay taken. It is a benefit of your monthly fee that the provider decides.',
          )
        : t(
            'Las horas que se registren en este ticket desde ahora se descuentan de su paquete de horas, como las de cualquier otro ticket.',
            'Hours logged on this ticket from now on are taken from your hour package, as on any other ticket.',
          ),
    },
  ];
  return renderNamedEmail(
    'contracts/no-charge.v1',
    {
      subject: ticketSubjectLine(
        input.ticket,
        input.noCharge
          ? t('Ticket sin cargo al paquete de horas', 'Ticket free of charge to the hour package')
          : t(
              'El ticket vuelve a cobrarse al paquete de horas',
              'Ticket charged to the hour package again',
            ),
      ),
      heading: input.noCharge
        ? t(
            `${input.decidedByName} marcó el ticket ${input.ticket.number} sin cargo a su paquete de horas.`,
            `${input.decidedByName} made ticket ${input.ticket.number} free of charge to your hour package.`,
          )
        : t(
            `${input.decidedByName} decidió que el ticket ${input.ticket.number} vuelve a cobrarse a su paquete de horas.`,
            `${input.decidedByName} decided that ticket ${input.ticket.number} is charged to your hour package again.`,
          ),
      blocks,
    },
    ctx,
  );
}
