import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ErrorWords, serverErrorText } from '../../../web/src/i18n/error-text';
import { formatFileSize } from '../../../web/src/i18n/file-size';
import { serverErrorsEn } from '../../../web/src/i18n/server-errors.en';
import { serverErrorsEsMX } from '../../../web/src/i18n/server-errors.es-mx';

// L3-11 files on tickets: the web app words every refusal of an upload or a deletion in the UI
// language (Spanish first), with the file's name and the server's limits.

const words = (server: ErrorWords['server']): ErrorWords => ({
  server,
  roleNames: {},
  actionNames: {},
  states: {},
  categories: {},
});
const ctx = (language: string) => ({ language, formatInstant: (iso: string) => iso });
const fail = (code: string, extensions: Record<string, unknown>) => ({
  code,
  message: 'English text',
  extensions: { code, ...extensions },
});

describe('attachment refusals in words', () => {
  it('says how large a file may be, which types are allowed, and how many files fit', () => {
    const es = words(serverErrorsEsMX);
    expect(
      serverErrorText(
        fail('VALIDATION_FAILED', {
          reason: 'ATTACHMENT_TOO_LARGE',
          maxBytes: 10 * 1024 * 1024,
          fileName: 'respaldo.zip',
        }),
        es,
        ctx('es-MX'),
      ),
    ).toBe('«respaldo.zip» pesa más de 10 MB, el máximo por archivo.');
    expect(
      serverErrorText(
        fail('VALIDATION_FAILED', {
          reason: 'ATTACHMENT_TYPE_NOT_ALLOWED',
          fileName: 'pagina.html',
          allowed: ['png', 'pdf'],
        }),
        es,
        ctx('es-MX'),
      ),
    ).toBe('No se aceptan archivos como «pagina.html». Tipos permitidos: .png, .pdf.');
    expect(
      serverErrorText(
        fail('VALIDATION_FAILED', { reason: 'ATTACHMENT_LIMIT', limit: 20 }),
        words(serverErrorsEn),
        ctx('en'),
      ),
    ).toBe('The ticket already holds 20 attachments, the most allowed.');
    expect(
      serverErrorText(
        fail('NOT_FOUND', { reason: 'NOT_FOUND', entity: 'attachment', id: 'abc' }),
        es,
        ctx('es-MX'),
      ),
    ).toBe('No se encontró el archivo adjunto abc.');
  });

  it('says a deleted file was deleted, and when, instead of "not found"', () => {
    const deleted = {
      reason: 'ATTACHMENT_DELETED',
      entity: 'attachment',
      id: 'abc',
      fileName: 'bitácora.log',
      deletedAt: '2026-11-28T20:02:00.000Z',
    };
    const at = (iso: string) => `[${iso}]`;
    expect(
      serverErrorText(fail('NOT_FOUND', deleted), words(serverErrorsEsMX), {
        language: 'es-MX',
        formatInstant: at,
      }),
    ).toBe('«bitácora.log» se eliminó el [2026-11-28T20:02:00.000Z]; ya no se puede descargar.');
    expect(
      serverErrorText(fail('NOT_FOUND', deleted), words(serverErrorsEn), {
        language: 'en',
        formatInstant: at,
      }),
    ).toBe(
      '“bitácora.log” was deleted on [2026-11-28T20:02:00.000Z]; it can no longer be downloaded.',
    );
  });

  it('every reason the attachment code raises has words in both languages', () => {
    const dir = join(__dirname, '../../../src/attachments');
    const reasons = new Set(
      readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .flatMap((f) => [
          ...readFileSync(join(dir, f), 'utf8').matchAll(/(?:reason: |refusal\(\s*)'([A-Z_]+)'/g),
        ])
        .map((m) => m[1]),
    );
    expect(reasons.size).toBeGreaterThanOrEqual(8);
    for (const reason of reasons) {
      for (const [language, server] of [
        ['es-MX', serverErrorsEsMX],
        ['en', serverErrorsEn],
      ] as const) {
        const worded = serverErrorText(
          fail('VALIDATION_FAILED', { reason, fileName: 'a.png', maxBytes: 1, limit: 1 }),
          words(server),
          ctx(language),
        );
        expect({ reason, language, worded: typeof worded }).toEqual({
          reason,
          language,
          worded: 'string',
        });
      }
    }
  });

  it('sizes read as file managers show them', () => {
    expect(formatFileSize(512, 'es-MX')).toBe('512 bytes');
    expect(formatFileSize(1_536, 'en')).toBe('1.5 KB');
    expect(formatFileSize(2_457_600, 'es-MX')).toBe('2.3 MB');
  });
});
