import { type NamedEmail, renderNamedEmail } from '../notifications/templates/email-content';
import {
  type EmailRecipient,
  recipientContext,
  type RenderOptions,
} from '../notifications/templates/render-email';

/** The outbox's event type of a client's hours falling under the warning (L3-12, L3-13). */
export const LOW_BALANCE_EMAIL_TYPE = 'HOURS_LOW_BALANCE';

/** One warning per crossing: keyed by the ledger entry that took the hours under it. */
export function lowBalanceEventKey(organizationId: string, entryId: string): string {
  return `hours-low-balance:${organizationId}:${entryId}`;
}

export interface LowBalanceEmailInput {
  readonly organizationName: string;
  readonly available: number;
  readonly threshold: number;
  readonly reserved: number;
}

/**
 * L3-12, L3-13: the client's available hours fell under the warning threshold. The client's
 * approvers are asked to buy a package before new estimates are refused; the provider's managers
 * are told which client is running short (staff footer, link to «Contratos»).
 */
export function renderLowBalanceEmail(
  input: LowBalanceEmailInput,
  recipient: EmailRecipient,
  options: RenderOptions,
): NamedEmail {
  const staff = recipient.side === 'STAFF';
  const ctx = recipientContext(recipient, options, staff ? '/contratos' : '/mis-horas');
  const t = (es: string, en: string): string => ctx.t(es, en);
  const available = `${ctx.dates.number(input.available)} h`;
  const threshold = `${ctx.dates.number(input.threshold)} h`;
  return renderNamedEmail(
    'contracts/hours-low-balance.v1',
    {
      subject: staff
        ? t(
            `${input.organizationName}: saldo de horas bajo (${available} disponibles)`,
            `${input.organizationName}: low hour balance (${available} available)`,
          )
        : t(
            `Su saldo de horas está bajo: quedan ${available} disponibles`,
            `Your hour balance is low: ${available} available`,
          ),
      heading: staff
        ? t(
            `Las horas disponibles de ${input.organizationName} bajaron a ${available}, por debajo del aviso de ${threshold}.`,
            `${input.organizationName}'s available hours fell to ${available}, under the ${threshold} warning.`,
          )
        : t(
            `Sus horas disponibles bajaron a ${available}, por debajo del aviso de ${threshold}.`,
            `Your available hours fell to ${available}, under the ${threshold} warning.`,
          ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [t('Cliente', 'Client'), input.organizationName],
            [t('Horas disponibles', 'Available hours'), available],
            [
              t('Reservadas en estimaciones', 'Reserved by estimates'),
              `${ctx.dates.number(input.reserved)} h`,
            ],
            [t('Aviso por debajo de', 'Warning under'), threshold],
          ],
        },
        {
          kind: 'paragraph',
          text: staff
            ? t(
                'Ofrezca al cliente un paquete de horas adicional: sin horas disponibles no se pueden autorizar estimaciones nuevas.',
                'Offer the client an additional hour package: without available hours new estimates cannot be authorized.',
              )
            : t(
                'Para que sus próximas estimaciones puedan autorizarse, solicite al equipo de soporte un paquete de horas adicional. Las horas prepagadas no vencen.',
                'So that your next estimates can be authorized, ask the support team for an additional hour package. Prepaid hours never expire.',
              ),
        },
      ],
      link: {
        label: staff ? t('Ver contratos', 'Open contracts') : t('Ver mis horas', 'Open my hours'),
        href: ctx.ticketUrl,
      },
    },
    ctx,
  );
}
