import type { Locale } from '../../identity/locale.enum';
import type { AttachedFile } from '../notification-event';
import { type Block, byReader, type TemplateContext, ticketSubjectLine } from './email-content';
import type { TemplateFamily } from './template-types';
import { numberFormat } from '../../shared/intl-formats';

// L3-11: a file provider staff attached to the ticket (a screenshot, a log, a document). The
// email names the file; the bytes stay on the platform, behind the client's login.

/**
 * `2.3 MB`, `850 KB`, `120 bytes` in the recipient's language: binary units, as file managers
 * and the web app show them (the 10 MiB default limit reads "10 MB").
 */
export function fileSize(bytes: number, locale: Locale | string): string {
  const number = numberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes >= 1024 ** 3) return `${number.format(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 ** 2) return `${number.format(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes)} bytes`;
}

/** Files: each with its size, as the client's own attachment email lists them. */
export function filesBlock(files: readonly AttachedFile[], ctx: TemplateContext): Block {
  return {
    kind: 'facts',
    rows: files.map((f) => [f.fileName, fileSize(f.sizeBytes, ctx.locale)] as const),
  };
}

/**
 * L3-11: the files sent with a registration, in its emails (the provider's new-ticket one, the
 * registrant's «Ticket registrado»), or with a comment, named as files: a bare «bitácora.log: 10 bytes» under the
 * facts said nothing (QA S21). None: no block.
 */
export function attachedFilesBlocks(
  files: readonly AttachedFile[] | undefined,
  ctx: TemplateContext,
): Block[] {
  if (!files?.length) return [];
  return [
    {
      kind: 'paragraph',
      text:
        files.length === 1
          ? ctx.t('Archivo adjunto:', 'Attached file:')
          : ctx.t('Archivos adjuntos:', 'Attached files:'),
    },
    filesBlock(files, ctx),
  ];
}

export const attachmentTemplates: TemplateFamily<'ATTACHMENT_ADDED'> = {
  ATTACHMENT_ADDED: (e, ctx) => {
    const who = ctx.names.get(e.uploaderId) ?? ctx.t('Soporte L3', 'L3 support');
    if (e.more?.length) {
      const files = [e, ...e.more];
      return {
        subject: ticketSubjectLine(
          e.ticket,
          ctx.t(`${files.length} archivos adjuntos nuevos`, `${files.length} new attachments`),
        ),
        heading: byReader(
          e.ticket,
          ctx,
          [
            `${who} adjuntó ${files.length} archivos a su ticket ${e.ticket.number}.`,
            `${who} attached ${files.length} files to your ticket ${e.ticket.number}.`,
          ],
          [
            `${who} adjuntó ${files.length} archivos al ticket ${e.ticket.number}.`,
            `${who} attached ${files.length} files to ticket ${e.ticket.number}.`,
          ],
        ),
        blocks: [
          { kind: 'facts', rows: [[ctx.t('Asunto', 'Subject'), e.ticket.subject]] },
          {
            kind: 'facts',
            rows: files.map((f) => [f.fileName, fileSize(f.sizeBytes, ctx.locale)] as const),
          },
          {
            kind: 'paragraph',
            text: ctx.t(
              'Descárguelos desde la sección «Adjuntos» del ticket en la plataforma; por seguridad, los archivos no se envían por correo.',
              'Download them from the ticket’s “Attachments” section on the platform; for security, files are not sent by email.',
            ),
          },
        ],
      };
    }
    return {
      subject: ticketSubjectLine(
        e.ticket,
        `${ctx.t('Nuevo archivo adjunto', 'New attachment')}: ${e.fileName}`,
      ),
      heading: byReader(
        e.ticket,
        ctx,
        [
          `${who} adjuntó un archivo a su ticket ${e.ticket.number}.`,
          `${who} attached a file to your ticket ${e.ticket.number}.`,
        ],
        [
          `${who} adjuntó un archivo al ticket ${e.ticket.number}.`,
          `${who} attached a file to ticket ${e.ticket.number}.`,
        ],
      ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [ctx.t('Asunto', 'Subject'), e.ticket.subject],
            [ctx.t('Archivo', 'File'), e.fileName],
            [ctx.t('Tamaño', 'Size'), fileSize(e.sizeBytes, ctx.locale)],
          ],
        },
        {
          kind: 'paragraph',
          text: ctx.t(
            'Descárguelo desde la sección «Adjuntos» del ticket en la plataforma; por seguridad, los archivos no se envían por correo.',
            'Download it from the ticket’s “Attachments” section on the platform; for security, files are not sent by email.',
          ),
        },
      ],
    };
  },
};
