import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { httpErrorAnswer } from '../../../src/attachments/attachment-http-error';
import { attachmentNotification } from '../../../src/attachments/attachment-notifications';
import {
  acceptFile,
  cleanFileName,
  FILE_NAME_MAX_LENGTH,
  type IncomingFile,
} from '../../../src/attachments/attachment-policy';
import { contentDisposition } from '../../../src/attachments/attachments.controller';
import { DomainError, ErrorCode, notFound } from '../../../src/common/errors/domain-error';
import { DEFAULT_ATTACHMENT_MAX_BYTES, loadAppConfig } from '../../../src/config/app-config';
import { ConfigValidationError } from '../../../src/config/env-reader';

// L3-11 / L3-05: what a ticket accepts as a file, decided from the file itself (extension,
// declared type, first bytes), refused with a typed reason; the HTTP answers of the refusals; the
// one email an attachment causes.

const LIMITS = { maxBytes: 1_000, maxPerTicket: 20 };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);

const file = (originalName: string, declaredType: string, content: Buffer): IncomingFile => ({
  originalName,
  declaredType,
  content,
});

function refusalOf(run: () => unknown): { code: string; reason: unknown; details: unknown } {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    const e = err as DomainError;
    return { code: e.code, reason: e.details?.reason, details: e.details };
  }
  throw new Error('not refused');
}

describe('attachment allow-list (L3-11)', () => {
  it.each([
    ['captura.png', 'image/png', PNG, 'image/png'],
    ['CAPTURA.PNG', '', PNG, 'image/png'],
    ['factura.pdf', 'application/pdf', PDF, 'application/pdf'],
    ['odoo.log', 'application/octet-stream', Buffer.from('ERROR odoo.sql_db\n'), 'text/plain'],
    ['ventas.csv', 'application/vnd.ms-excel', Buffer.from('a,b\n1,2\n'), 'text/csv'],
    ['datos.json', 'application/json; charset=utf-8', Buffer.from('{"a":1}'), 'application/json'],
    ['cfdi.xml', 'text/xml', Buffer.from('<cfdi/>'), 'application/xml'],
    ['logs.zip', 'application/x-zip-compressed', ZIP, 'application/zip'],
    [
      'reporte.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ZIP,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['viejo.doc', 'application/msword', OLE, 'application/msword'],
  ])('accepts %s declared as "%s"', (name, declared, content, stored) => {
    expect(acceptFile(file(name, declared, content), LIMITS)).toEqual({
      fileName: name,
      mediaType: stored,
      content,
    });
  });

  it('keeps the media type of the allow-list, never the one the client declared', () => {
    expect(
      acceptFile(file('a.txt', 'text/plain; charset=latin1', Buffer.from('x')), LIMITS),
    ).toMatchObject({ mediaType: 'text/plain' });
  });

  it.each([
    ['script.html', 'text/html', Buffer.from('<script>alert(1)</script>')],
    ['imagen.svg', 'image/svg+xml', Buffer.from('<svg/>')],
    ['programa.exe', 'application/octet-stream', Buffer.from('MZ')],
    ['sin-extension', 'text/plain', Buffer.from('hola')],
    // A known extension with a type that says it is something else.
    ['captura.png', 'text/html', PNG],
  ])('refuses %s (%s) as ATTACHMENT_TYPE_NOT_ALLOWED', (name, declared, content) => {
    expect(refusalOf(() => acceptFile(file(name, declared, content), LIMITS))).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      reason: 'ATTACHMENT_TYPE_NOT_ALLOWED',
    });
  });

  it.each([
    ['captura.png', 'image/png', Buffer.from('<html><script>x</script></html>')],
    ['factura.pdf', 'application/pdf', PNG],
    ['reporte.xlsx', '', PDF],
    ['odoo.log', 'text/plain', Buffer.from([0x4d, 0x5a, 0x00, 0x01])],
  ])('refuses %s whose bytes are not of its type (ATTACHMENT_CONTENT_MISMATCH)', (n, t, c) => {
    expect(refusalOf(() => acceptFile(file(n, t, c), LIMITS)).reason).toBe(
      'ATTACHMENT_CONTENT_MISMATCH',
    );
  });

  it('refuses a missing, empty, nameless or too large file with its reason and parameters', () => {
    expect(refusalOf(() => acceptFile(undefined, LIMITS)).reason).toBe('ATTACHMENT_MISSING');
    expect(refusalOf(() => acceptFile(file('a.txt', '', Buffer.alloc(0)), LIMITS)).reason).toBe(
      'ATTACHMENT_EMPTY',
    );
    expect(refusalOf(() => acceptFile(file(' /\u202e ', '', PNG), LIMITS)).reason).toBe(
      'ATTACHMENT_NAME_INVALID',
    );
    expect(
      refusalOf(() => acceptFile(file('big.txt', 'text/plain', Buffer.alloc(1_001, 97)), LIMITS)),
    ).toEqual({
      code: ErrorCode.VALIDATION_FAILED,
      reason: 'ATTACHMENT_TOO_LARGE',
      details: {
        reason: 'ATTACHMENT_TOO_LARGE',
        maxBytes: 1_000,
        fileName: 'big.txt',
        sizeBytes: 1_001,
      },
    });
    // Exactly the limit is accepted.
    expect(acceptFile(file('ok.txt', '', Buffer.alloc(1_000, 97)), LIMITS).content).toHaveLength(
      1_000,
    );
  });
});

describe('file names', () => {
  it('drops folders, control and bidirectional-override characters, and keeps NFC', () => {
    expect(cleanFileName('C:\\Users\\ana\\captura.png')).toBe('captura.png');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    // U+202E would show "factura‮gnp.exe" as "factura.exe.png".
    expect(cleanFileName('factura\u202egnp.exe')).toBe('facturagnp.exe');
    expect(cleanFileName('a\u0000b\tc\n.txt')).toBe('abc.txt');
    expect(cleanFileName('cafe\u0301.txt')).toBe('café.txt');
    expect(cleanFileName('  dos   espacios .csv ')).toBe('dos espacios .csv');
  });

  it(`cuts a long name to ${FILE_NAME_MAX_LENGTH} characters and keeps its extension`, () => {
    const long = cleanFileName(`${'ñ'.repeat(300)}.xlsx`);
    expect([...long]).toHaveLength(FILE_NAME_MAX_LENGTH);
    expect(long.endsWith('ñ.xlsx')).toBe(true);
  });

  it('downloads under the exact UTF-8 name with an ASCII fallback (RFC 6266)', () => {
    expect(contentDisposition('captura de pantalla ñ (1).png')).toBe(
      `attachment; filename="captura de pantalla _ (1).png"; ` +
        `filename*=UTF-8''captura%20de%20pantalla%20%C3%B1%20%281%29.png`,
    );
    expect(contentDisposition('a"b\\c%.txt')).toBe(
      `attachment; filename="a_b_c_.txt"; filename*=UTF-8''a%22b%5Cc%25.txt`,
    );
  });
});

describe('HTTP answers of the attachment routes', () => {
  it.each(
    (
      [
        [new DomainError(ErrorCode.UNAUTHENTICATED, 'Log in first'), 401, 'UNAUTHENTICATED'],
        [notFound('attachment', 'x', 'Attachment x not found'), 404, 'NOT_FOUND'],
        [
          new DomainError(ErrorCode.FORBIDDEN, 'no', { reason: 'NOT_UPLOADER' }),
          403,
          'NOT_UPLOADER',
        ],
        [
          new DomainError(ErrorCode.INVALID_TRANSITION, 'closed', { reason: 'TICKET_CLOSED' }),
          409,
          'TICKET_CLOSED',
        ],
        [
          new DomainError(ErrorCode.VALIDATION_FAILED, 'x', {
            reason: 'ATTACHMENT_TYPE_NOT_ALLOWED',
          }),
          415,
          'ATTACHMENT_TYPE_NOT_ALLOWED',
        ],
        [
          new DomainError(ErrorCode.VALIDATION_FAILED, 'x', {
            reason: 'ATTACHMENT_LIMIT',
            limit: 2,
          }),
          400,
          'ATTACHMENT_LIMIT',
        ],
        [new PayloadTooLargeException('File too large'), 413, 'ATTACHMENT_TOO_LARGE'],
        [new BadRequestException('Unexpected field - other'), 400, 'ATTACHMENT_MALFORMED'],
      ] as const
    ).map(
      ([error, status, reason]) =>
        [`${error.message} → ${status} ${reason}`, error, status, reason] as const,
    ),
  )('%s', (_label, error, status, reason) => {
    const answer = httpErrorAnswer(error, 1_000);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ reason, message: expect.any(String) as unknown });
    expect(typeof answer.body.code).toBe('string');
  });

  it('multer’s size refusal carries the configured limit', () => {
    expect(httpErrorAnswer(new PayloadTooLargeException(), 2_048).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'ATTACHMENT_TOO_LARGE',
      maxBytes: 2_048,
    });
  });
});

describe('the email an attachment causes (L3-11)', () => {
  const ticket = {
    number: 'L3-2026-000123',
    subject: 'No timbra',
    registrantId: 'u-registrant',
    organizationId: 'org',
    assigneeId: 'u-agent',
  };
  const stored = {
    id: '5f0c2a4e-1d3b-4c6a-9e8f-7a6b5c4d3e2f',
    fileName: 'bitacora.log',
    mediaType: 'text/plain',
    sizeBytes: 120,
    uploadedAt: new Date('2026-02-02T16:00:00Z'),
  };

  it('provider staff’s file is ATTACHMENT_ADDED for the registrant, keyed by the attachment', () => {
    expect(attachmentNotification(ticket, stored, { id: 'u-agent', providerStaff: true })).toEqual({
      type: 'ATTACHMENT_ADDED',
      eventKey: `attachment-${stored.id}`,
      occurredAt: '2026-02-02T16:00:00.000Z',
      ticket: {
        number: ticket.number,
        subject: ticket.subject,
        registrantId: 'u-registrant',
        clientOrgId: 'org',
      },
      attachmentId: stored.id,
      fileName: 'bitacora.log',
      mediaType: 'text/plain',
      sizeBytes: 120,
      uploaderId: 'u-agent',
    });
  });

  it('a client’s file tells the assigned agent as client activity, with its own key', () => {
    expect(
      attachmentNotification(ticket, stored, { id: 'u-registrant', providerStaff: false }),
    ).toMatchObject({
      type: 'PROVIDER_CLIENT_ACTIVITY',
      eventKey: `attachment-${stored.id}:provider`,
      activity: 'ATTACHMENT_ADDED',
      actorId: 'u-registrant',
      assigneeId: 'u-agent',
      text: 'bitacora.log',
    });
  });
});

describe('attachment limits in the configuration', () => {
  const BASE = {
    DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/sla',
    TEMPORAL_ADDRESS: '127.0.0.1:7233',
    SMTP_URL: 'smtp://127.0.0.1:1025',
  };

  it('defaults to 10 MiB and 20 files per ticket, and takes other values', () => {
    expect(loadAppConfig(BASE).attachments).toEqual({
      maxBytes: DEFAULT_ATTACHMENT_MAX_BYTES,
      maxPerTicket: 20,
    });
    expect(DEFAULT_ATTACHMENT_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(
      loadAppConfig({ ...BASE, ATTACHMENT_MAX_BYTES: '2048', ATTACHMENT_MAX_PER_TICKET: '3' })
        .attachments,
    ).toEqual({ maxBytes: 2048, maxPerTicket: 3 });
  });

  it('lists both bad limits at boot', () => {
    let error: unknown;
    try {
      loadAppConfig({ ...BASE, ATTACHMENT_MAX_BYTES: '0', ATTACHMENT_MAX_PER_TICKET: 'many' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const issues = (error as ConfigValidationError).issues.join('\n');
    expect(issues).toContain('ATTACHMENT_MAX_BYTES');
    expect(issues).toContain('ATTACHMENT_MAX_PER_TICKET');
  });
});
