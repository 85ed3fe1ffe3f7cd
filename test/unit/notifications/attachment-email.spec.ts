import {
  attachmentBatch,
  filesOf,
  withoutAttachment,
} from '../../../src/attachments/attachment-notifications';
import { Locale } from '../../../src/identity/locale.enum';
import { fileSize } from '../../../src/notifications/templates/attachment.templates';
import { renderEmail } from '../../../src/notifications/templates/render-email';
import { NAMED_OPTIONS, sampleEventsOf, sampleRecipient } from '../fixtures/sample-email';

// L3-11: a file provider staff attached reaches the registrant in their language, naming the
// file, its size and who attached it; the bytes stay on the platform. A client's file reaches the
// assigned agent as client activity.

const EVENTS = sampleEventsOf({ subject: 'Factura no timbra' });
const TICKET = EVENTS.ATTACHMENT_ADDED.ticket;
const OPTIONS = NAMED_OPTIONS;
const recipient = sampleRecipient;

describe('L3-11 attachment emails', () => {
  it('ATTACHMENT_ADDED names the file, its size and who attached it, es-MX first', () => {
    const es = renderEmail(EVENTS.ATTACHMENT_ADDED, recipient(Locale.ES_MX), OPTIONS)!;
    expect(es.subject).toBe(
      '[L3-2026-000123] Nuevo archivo adjunto: bitacora-timbrado.log — Factura no timbra',
    );
    expect(es.text).toContain('Alex Agent adjuntó un archivo a su ticket L3-2026-000123.');
    expect(es.text).toContain('bitacora-timbrado.log');
    expect(es.text).toContain('2.3 MB');
    expect(es.text).toContain('los archivos no se envían por correo');
    // The file itself is never attached to the email.
    expect(es.attachments).toEqual([]);

    const en = renderEmail(EVENTS.ATTACHMENT_ADDED, recipient(Locale.EN), OPTIONS)!;
    expect(en.subject).toBe(
      '[L3-2026-000123] New attachment: bitacora-timbrado.log — Factura no timbra',
    );
    expect(en.text).toContain('Alex Agent attached a file to your ticket L3-2026-000123.');
    expect(en.text).toContain('2.3 MB');
  });

  it('a client’s file reaches the provider as client activity', () => {
    const email = renderEmail(
      {
        ...EVENTS.PROVIDER_CLIENT_ACTIVITY,
        activity: 'ATTACHMENT_ADDED',
        text: 'captura.png',
      },
      recipient(Locale.ES_MX),
      OPTIONS,
    )!;
    expect(email.subject).toBe('[L3-2026-000123] El cliente adjuntó un archivo: Factura no timbra');
    expect(email.text).toContain('Úrsula Usuaria adjuntó un archivo en el ticket L3-2026-000123.');
    expect(email.text).toContain('captura.png');
  });

  it('files attached one after another fold into one email per person (batch)', () => {
    const batch = attachmentBatch(TICKET.number, 'u-agent');
    expect(batch.key).toBe(`attachments:${TICKET.number}:u-agent`);
    const first = EVENTS.ATTACHMENT_ADDED;
    const next = { ...first, attachmentId: 'att-2', fileName: 'captura.png', sizeBytes: 2_048 };
    const both = batch.merge(first, next);
    // Offered again, a file already in the email changes nothing.
    expect(batch.merge(both, next)).toEqual(both);
    const es = renderEmail(both, recipient(Locale.ES_MX), OPTIONS)!;
    expect(es.subject).toBe('[L3-2026-000123] 2 archivos adjuntos nuevos: Factura no timbra');
    expect(es.text).toContain('Alex Agent adjuntó 2 archivos a su ticket L3-2026-000123.');
    expect(es.text).toContain('bitacora-timbrado.log');
    expect(es.text).toMatch(/captura\.png\W+2 KB/);
    const en = renderEmail(both, recipient(Locale.EN), OPTIONS)!;
    expect(en.subject).toBe('[L3-2026-000123] 2 new attachments: Factura no timbra');

    const fromClient = {
      ...EVENTS.PROVIDER_CLIENT_ACTIVITY,
      activity: 'ATTACHMENT_ADDED' as const,
    };
    const file = (attachmentId: string, fileName: string) => ({
      ...fromClient,
      text: fileName,
      files: [{ attachmentId, fileName, mediaType: 'text/plain', sizeBytes: 10 }],
    });
    const files = batch.merge(file('a', 'a.log'), file('b', 'b.log'));
    const toAgent = renderEmail(files, recipient(Locale.ES_MX), OPTIONS)!;
    expect(toAgent.subject).toBe(
      '[L3-2026-000123] El cliente adjuntó 2 archivos: Factura no timbra',
    );
    // Each file with its size, as the client's own email lists them.
    expect(toAgent.text).toMatch(/a\.log\W+10 bytes\s+b\.log\W+10 bytes/);
  });

  it('a file deleted while its email waits is taken out of it; none left, no email', () => {
    const batch = attachmentBatch(TICKET.number, 'u-agent');
    const first = EVENTS.ATTACHMENT_ADDED;
    const wrong = { ...first, attachmentId: 'att-2', fileName: 'otro-cliente.csv', sizeBytes: 28 };
    const both = batch.merge(first, wrong);
    const left = withoutAttachment('att-2')(both)!;
    expect(filesOf(left).map((f) => f.fileName)).toEqual(['bitacora-timbrado.log']);
    const es = renderEmail(left, recipient(Locale.ES_MX), OPTIONS)!;
    expect(es.subject).toBe(
      '[L3-2026-000123] Nuevo archivo adjunto: bitacora-timbrado.log — Factura no timbra',
    );
    expect(es.text).not.toContain('otro-cliente');
    // The first file deleted: the second leads the email.
    expect(withoutAttachment(first.attachmentId)(both)).toMatchObject({
      attachmentId: 'att-2',
      fileName: 'otro-cliente.csv',
    });
    // An email that does not name the file is the same object (left alone).
    expect(withoutAttachment('att-9')(both)).toBe(both);
    expect(withoutAttachment(first.attachmentId)(first)).toBeNull();

    const fromClient = {
      ...EVENTS.PROVIDER_CLIENT_ACTIVITY,
      activity: 'ATTACHMENTS_ADDED' as const,
      text: 'a.log\nb.log',
      files: [
        { attachmentId: 'a', fileName: 'a.log', mediaType: 'text/plain', sizeBytes: 1 },
        { attachmentId: 'b', fileName: 'b.log', mediaType: 'text/plain', sizeBytes: 1 },
      ],
    };
    expect(withoutAttachment('b')(fromClient)).toMatchObject({
      activity: 'ATTACHMENT_ADDED',
      text: 'a.log',
    });
  });

  it('the registrant’s files join the provider’s waiting new-ticket email; deleted, the email still tells the ticket (QA S20)', () => {
    const batch = attachmentBatch(TICKET.number, TICKET.registrantId);
    const file = (attachmentId: string, fileName: string) => ({
      ...EVENTS.PROVIDER_CLIENT_ACTIVITY,
      activity: 'ATTACHMENT_ADDED' as const,
      text: fileName,
      files: [{ attachmentId, fileName, mediaType: 'text/plain', sizeBytes: 2_048 }],
    });
    const withLog = batch.merge(EVENTS.PROVIDER_NEW_TICKET, file('a', 'bitacora.log'));
    const both = batch.merge(withLog, file('b', 'captura.png'));
    expect(both.type).toBe('PROVIDER_NEW_TICKET');
    const es = renderEmail(both, recipient(Locale.ES_MX), OPTIONS)!;
    expect(es.subject).toMatch(/^\[L3-2026-000123\] Nuevo ticket de .+: Factura no timbra$/);
    expect(es.text).toMatch(/Archivos adjuntos:\s+bitacora\.log\W+2 KB\s+captura\.png\W+2 KB/);
    const en = renderEmail(withLog, recipient(Locale.EN), OPTIONS)!;
    expect(en.text).toMatch(/Attached file:\s+bitacora\.log\W+2 KB/);

    expect(filesOf(withoutAttachment('b')(both)!).map((f) => f.fileName)).toEqual(['bitacora.log']);
    const none = withoutAttachment('a')(withLog)!;
    expect(none).toMatchObject({ type: 'PROVIDER_NEW_TICKET', files: undefined });
    expect(renderEmail(none, recipient(Locale.ES_MX), OPTIONS)!.text).not.toContain('bitacora');
  });

  it('the registrant’s own «Ticket registrado» names the files sent with the registration too; deleted, it still tells the ticket (L3-11, QA S56)', () => {
    const batch = attachmentBatch(TICKET.number, TICKET.registrantId);
    const registered = EVENTS.TICKET_REGISTERED;
    expect(renderEmail(registered, recipient(Locale.ES_MX), OPTIONS)!.text).not.toContain(
      'Archivo adjunto',
    );
    const file = (attachmentId: string, fileName: string) => ({
      ...EVENTS.PROVIDER_CLIENT_ACTIVITY,
      activity: 'ATTACHMENT_ADDED' as const,
      text: fileName,
      files: [{ attachmentId, fileName, mediaType: 'text/plain', sizeBytes: 2_048 }],
    });
    const withLog = batch.merge(registered, file('a', 'bitacora.log'));
    const both = batch.merge(withLog, file('b', 'captura.png'));
    expect(both.type).toBe('TICKET_REGISTERED');
    const es = renderEmail(both, recipient(Locale.ES_MX), OPTIONS)!;
    expect(es.subject).toBe('[L3-2026-000123] Ticket registrado: Factura no timbra');
    expect(es.text).toMatch(/Archivos adjuntos:\s+bitacora\.log\W+2 KB\s+captura\.png\W+2 KB/);
    const en = renderEmail(withLog, recipient(Locale.EN), OPTIONS)!;
    expect(en.text).toMatch(/Attached file:\s+bitacora\.log\W+2 KB/);

    const none = withoutAttachment('a')(withLog)!;
    expect(none).toMatchObject({ type: 'TICKET_REGISTERED', files: undefined });
    expect(renderEmail(none, recipient(Locale.ES_MX), OPTIONS)!.text).toContain(
      'Registramos su ticket L3-2026-000123.',
    );
  });

  it('sizes read as files show them', () => {
    expect(fileSize(999, 'es-MX')).toBe('999 bytes');
    expect(fileSize(1_536, 'en')).toBe('1.5 KB');
    expect(fileSize(10 * 1024 * 1024, 'es-MX')).toBe('10 MB');
  });
});
