import type { HoursShortfall } from '../../contracts/ledger-rules';
import { estimateSuffix } from '../../shared/portal-paths';
import { instantInSentence } from './calendar-time';
import { type Block, ticketSubjectLine, type TemplateContext } from './email-content';
import { requirementClockDays } from './format';
import type { TemplateFamily } from './template-types';

// Estimates and their written authorization (L3-08, L3-09); sent to the registrant and the
// organization's approvers.

export const estimateTemplates: TemplateFamily<'ESTIMATE_SUBMITTED' | 'AUTHORIZATION_RECORDED'> = {
  ESTIMATE_SUBMITTED: (e, ctx) => {
    const n = (hours: number): string => ctx.dates.number(hours);
    // L3-12: a change order asks for hours on top of the authorized ones.
    const added = e.additionalHours;
    const hourRows: [string, string][] =
      added === undefined
        ? [[ctx.t('Horas estimadas', 'Estimated hours'), ctx.dates.hours(e.hours)]]
        : [
            [ctx.t('Horas adicionales', 'Additional hours'), `+${ctx.dates.hours(added)}`],
            [
              ctx.t('Total autorizado con la orden', 'Authorized total with the order'),
              ctx.dates.hours(e.hours),
            ],
          ];
    return {
      subject: ticketSubjectLine(
        e.ticket,
        added === undefined
          ? ctx.t(
              `Estimación por autorizar: ${n(e.hours)} h (v${e.estimateVersion})`,
              `Estimate to authorize: ${n(e.hours)} h (v${e.estimateVersion})`,
            )
          : ctx.t(
              `Orden de cambio por autorizar: +${n(added)} h (v${e.estimateVersion})`,
              `Change order to authorize: +${n(added)} h (v${e.estimateVersion})`,
            ),
      ),
      // Whose authorization it waits for: the reader's, or their organization's (not an approver).
      heading: mayAuthorize(e, ctx)
        ? added === undefined
          ? ctx.t(
              `Enviamos la estimación del ticket ${e.ticket.number} para su autorización.`,
              `We sent the estimate for ticket ${e.ticket.number} for your authorization.`,
            )
          : ctx.t(
              `Enviamos una orden de cambio del ticket ${e.ticket.number}: ${n(added)} h adicionales a las ya autorizadas, para su autorización.`,
              `We sent a change order for ticket ${e.ticket.number}: ${n(added)} h on top of the authorized ones, for your authorization.`,
            )
        : added === undefined
          ? ctx.t(
              `Enviamos la estimación del ticket ${e.ticket.number} para la autorización de su organización.`,
              `We sent the estimate for ticket ${e.ticket.number} for your organization's authorization.`,
            )
          : ctx.t(
              `Enviamos una orden de cambio del ticket ${e.ticket.number}: ${n(added)} h adicionales a las ya autorizadas, para la autorización de su organización.`,
              `We sent a change order for ticket ${e.ticket.number}: ${n(added)} h on top of the authorized ones, for your organization's authorization.`,
            ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [ctx.t('Asunto', 'Subject'), e.ticket.subject],
            ...hourRows,
            [ctx.t('Versión', 'Version'), String(e.estimateVersion)],
          ],
        },
        {
          kind: 'quote',
          label:
            added === undefined
              ? ctx.t('Alcance', 'Scope')
              : ctx.t('Motivo y alcance', 'Reason and scope'),
          text: e.scope,
        },
        ...shortfallBlocks(e, ctx),
        {
          kind: 'paragraph',
          text: `${charged(e, ctx)} ${
            mayAuthorize(e, ctx)
              ? ctx.t(
                  'Para autorizar, un aprobador de su organización debe escribir la autorización en el ticket.',
                  'To authorize, an approver of your organization must write the authorization on the ticket.',
                )
              : ctx.t(
                  `Usted puede revisarla en el ticket; debe autorizarla por escrito ${whoAuthorizes(e, ctx)}.`,
                  `You can review it on the ticket; ${whoAuthorizes(e, ctx)} must authorize it in writing.`,
                )
          }`,
        },
        ...approvalAction(e, ctx),
      ],
    };
  },

  AUTHORIZATION_RECORDED: (e, ctx) => {
    const approver = ctx.names.get(e.approverId) ?? ctx.t('un aprobador', 'an approver');
    const n = (hours: number): string => ctx.dates.number(hours);
    const added = e.additionalHours;
    // What was authorized, in Spanish and English: the estimate or the change order, with hours.
    const what =
      added === undefined
        ? ctx.t(`la estimación v${e.estimateVersion}`, `estimate v${e.estimateVersion}`)
        : ctx.t(
            `la orden de cambio v${e.estimateVersion} (+${n(added)} h)`,
            `change order v${e.estimateVersion} (+${n(added)} h)`,
          );
    // L3-09 (QA S54): by when the release date comes, not only «2 días hábiles».
    const due = e.schedulingDeadline && instantInSentence(ctx, e.schedulingDeadline);
    const by = due
      ? { es: `, a más tardar el ${due},`, en: `, no later than ${due},` }
      : { es: '', en: '' };
    const hourRows: [string, string][] = [
      ...(added === undefined
        ? []
        : [
            [ctx.t('Horas adicionales', 'Additional hours'), `+${ctx.dates.hours(added)}`] as [
              string,
              string,
            ],
          ]),
      ...(e.hours === undefined
        ? []
        : [
            [ctx.t('Horas autorizadas', 'Authorized hours'), ctx.dates.hours(e.hours)] as [
              string,
              string,
            ],
          ]),
    ];
    return {
      subject: ticketSubjectLine(
        e.ticket,
        ctx.t(
          e.additionalHours === undefined
            ? `Estimación v${e.estimateVersion} autorizada`
            : `Orden de cambio v${e.estimateVersion} autorizada: +${ctx.dates.number(e.additionalHours)} h`,
          e.additionalHours === undefined
            ? `Estimate v${e.estimateVersion} authorized`
            : `Change order v${e.estimateVersion} authorized: +${ctx.dates.number(e.additionalHours)} h`,
        ),
      ),
      // The approver's own copy is a receipt of what they wrote, not news of someone else.
      heading:
        ctx.recipientId === e.approverId
          ? ctx.t(
              `Registramos su autorización por escrito de ${what} del ticket ${e.ticket.number}.`,
              `We recorded your written authorization of ${what} of ticket ${e.ticket.number}.`,
            )
          : ctx.t(
              `${approver} autorizó por escrito ${what} del ticket ${e.ticket.number}.`,
              `${approver} authorized ${what} of ticket ${e.ticket.number} in writing.`,
            ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [ctx.t('Autorizó', 'Authorized by'), approver],
            [ctx.t('Fecha', 'When'), ctx.dates.instant(e.authorizedAt)],
            [ctx.t('Versión', 'Version'), String(e.estimateVersion)],
            ...hourRows,
          ],
        },
        {
          kind: 'quote',
          label: ctx.t('Autorización escrita', 'Written authorization'),
          text: e.statement,
        },
        ...(e.note ? [{ kind: 'quote' as const, label: ctx.t('Nota', 'Note'), text: e.note }] : []),
        {
          kind: 'paragraph',
          text:
            e.additionalHours === undefined
              ? ctx.t(
                  `En un máximo de ${requirementClockDays(e, 'scheduling').es}${by.es} publicaremos la fecha estimada de entrega para sus pruebas.`,
                  `Within ${requirementClockDays(e, 'scheduling').en}${by.en} we will publish the estimated release date for your testing.`,
                )
              : e.noCharge
                ? ctx.t(
                    `Este ticket está marcado «Sin cargo al paquete»: las ${ctx.dates.number(e.additionalHours)} h adicionales no se reservan ni se cobran de su paquete prepagado.`,
                    `This ticket is marked “No charge to the package”: the ${ctx.dates.number(e.additionalHours)} additional hours are neither reserved nor charged from your prepaid package.`,
                  )
                : ctx.t(
                    `Las ${ctx.dates.number(e.additionalHours)} h adicionales quedan reservadas de su paquete prepagado.`,
                    `The ${ctx.dates.number(e.additionalHours)} additional hours are reserved from your prepaid package.`,
                  ),
        },
      ],
    };
  },
};

/** Where the estimate's hours go: the prepaid package, or nowhere on a «sin cargo» ticket (L3-18). */
function charged(e: { readonly noCharge?: boolean }, ctx: TemplateContext): string {
  return e.noCharge
    ? ctx.t(
        'Este ticket está marcado «Sin cargo al paquete»: estas horas no se cargarán a su paquete prepagado.',
        'This ticket is marked “No charge to the package”: these hours will not be charged to your prepaid package.',
      )
    : ctx.t(
        'Las horas se cargarán a su paquete prepagado.',
        'The hours will be charged to your prepaid package.',
      );
}

/**
 * L3-12: an estimate the client's available hours do not cover says so (the approver's form
 * names the same shortfall), with what the estimate or change order asks, and the way out; its
 * reminders say it again, as of each reminder.
 */
export function shortfallBlocks(
  e: { readonly shortfall?: HoursShortfall; readonly additionalHours?: number },
  ctx: TemplateContext,
): Block[] {
  const s = e.shortfall;
  if (!s) return [];
  const available = ctx.dates.hours(s.availableHours);
  const requested = ctx.dates.hours(s.requestedHours);
  const missing = ctx.dates.hours(s.shortfallHours);
  return [
    {
      kind: 'paragraph',
      text:
        e.additionalHours === undefined
          ? ctx.t(
              `Su saldo de horas prepagadas no alcanza para autorizar esta estimación: hay ${available} disponibles y la estimación requiere ${requested}; faltan ${missing}. Para poder autorizarla, solicite al equipo de soporte un paquete de horas adicional.`,
              `Your prepaid hour balance does not cover this estimate: ${available} available, and the estimate needs ${requested}; ${missing} short. To be able to authorize it, ask the support team for an additional hour package.`,
            )
          : ctx.t(
              `Su saldo de horas prepagadas no alcanza para autorizar esta orden de cambio: hay ${available} disponibles y la orden requiere ${requested} adicionales; faltan ${missing}. Para poder autorizarla, solicite al equipo de soporte un paquete de horas adicional.`,
              `Your prepaid hour balance does not cover this change order: ${available} available, and it needs ${requested} more; ${missing} short. To be able to authorize it, ask the support team for an additional hour package.`,
            ),
    },
  ];
}

/** What an estimate's email needs to tell who may authorize it. */
interface AwaitingApproval {
  readonly estimateVersion: number;
  readonly approverIds?: readonly string[];
}

/**
 * L3-08/L3-09 (QA S18): whether the recipient may authorize the estimate: one of the
 * organization's approvers (an email queued before they were listed keeps the invitation).
 */
export function mayAuthorize(e: AwaitingApproval, ctx: TemplateContext): boolean {
  return (
    e.approverIds === undefined ||
    (ctx.recipientId !== undefined && e.approverIds.includes(ctx.recipientId))
  );
}

/**
 * «un aprobador autorizado de su organización (Ana Aprobadora o Arturo Aprobador)»: who must
 * authorize, named when the email knows them.
 */
export function whoAuthorizes(e: AwaitingApproval, ctx: TemplateContext): string {
  const names = (e.approverIds ?? [])
    .map((id) => ctx.names.get(id))
    .filter((n): n is string => n !== undefined);
  const list = new Intl.ListFormat(ctx.locale, { type: 'disjunction' }).format(names);
  return names.length
    ? ctx.t(
        `un aprobador autorizado de su organización (${list})`,
        `an authorized approver of your organization (${list})`,
      )
    : ctx.t(
        'un aprobador autorizado de su organización',
        'an authorized approver of your organization',
      );
}

/**
 * «Revisar y autorizar» (the estimate on the ticket page) for whom may authorize; anyone else has
 * only the email's own «Ver el ticket».
 */
export function approvalAction(e: AwaitingApproval, ctx: TemplateContext): Block[] {
  return mayAuthorize(e, ctx)
    ? [
        {
          kind: 'action',
          label: ctx.t('Revisar y autorizar', 'Review and authorize'),
          href: `${ctx.ticketUrl}${estimateSuffix(e.estimateVersion)}`,
        },
      ]
    : [];
}
