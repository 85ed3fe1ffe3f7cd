import { DomainError, ErrorCode } from '../common/errors/domain-error';

/** An attachment's ID (a UUID): anything else is no file, answered as unknown. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a ticket may hold as a file, decided from the file itself: its name's extension picks one
 * entry of the allow-list, the type the browser declared must agree with it (or be generic), and
 * the first bytes must be what that kind of file starts with. The stored media type is always the
 * allow-list's, never the caller's, and downloads are served as attachments with `nosniff`, so a
 * file cannot become a page of this site.
 */
interface AllowedKind {
  /** The media type stored and served. */
  readonly mediaType: string;
  /** Other types browsers and systems declare for the same files. */
  readonly aliases?: readonly string[];
  /** How the content must start (the file's signature); text must hold no NUL byte. */
  readonly content: 'text' | 'png' | 'jpeg' | 'gif' | 'webp' | 'pdf' | 'zip' | 'ole';
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ODF = 'application/vnd.oasis.opendocument';

/** The allow-list, by lowercase extension: images, PDF, text, data, archives, office files. */
export const ALLOWED_ATTACHMENTS: Readonly<Record<string, AllowedKind>> = {
  png: { mediaType: 'image/png', content: 'png' },
  jpg: { mediaType: 'image/jpeg', aliases: ['image/pjpeg'], content: 'jpeg' },
  jpeg: { mediaType: 'image/jpeg', aliases: ['image/pjpeg'], content: 'jpeg' },
  gif: { mediaType: 'image/gif', content: 'gif' },
  webp: { mediaType: 'image/webp', content: 'webp' },
  pdf: { mediaType: 'application/pdf', content: 'pdf' },
  txt: { mediaType: 'text/plain', content: 'text' },
  log: { mediaType: 'text/plain', aliases: ['text/x-log'], content: 'text' },
  csv: {
    mediaType: 'text/csv',
    // Windows declares CSV files by the program that opens them.
    aliases: ['text/plain', 'application/csv', 'text/x-csv', 'application/vnd.ms-excel'],
    content: 'text',
  },
  json: { mediaType: 'application/json', aliases: ['text/json', 'text/plain'], content: 'text' },
  xml: { mediaType: 'application/xml', aliases: ['text/xml', 'text/plain'], content: 'text' },
  zip: {
    mediaType: 'application/zip',
    aliases: ['application/x-zip-compressed', 'application/x-zip'],
    content: 'zip',
  },
  docx: { mediaType: `${OOXML}.wordprocessingml.document`, content: 'zip' },
  xlsx: { mediaType: `${OOXML}.spreadsheetml.sheet`, content: 'zip' },
  pptx: { mediaType: `${OOXML}.presentationml.presentation`, content: 'zip' },
  odt: { mediaType: `${ODF}.text`, content: 'zip' },
  ods: { mediaType: `${ODF}.spreadsheet`, content: 'zip' },
  odp: { mediaType: `${ODF}.presentation`, content: 'zip' },
  doc: { mediaType: 'application/msword', content: 'ole' },
  xls: { mediaType: 'application/vnd.ms-excel', content: 'ole' },
  ppt: { mediaType: 'application/vnd.ms-powerpoint', content: 'ole' },
};

/** Types that say nothing about the file: the extension decides. */
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

const SIGNATURES: Record<Exclude<AllowedKind['content'], 'text' | 'webp'>, readonly number[][]> = {
  png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  jpeg: [[0xff, 0xd8, 0xff]],
  gif: [
    [0x47, 0x49, 0x46, 0x38, 0x37, 0x61],
    [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
  ],
  pdf: [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  // A local file header, or the end record of an empty archive.
  zip: [
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x05, 0x06],
  ],
  ole: [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
};

/** The longest file name kept (characters); longer names keep their extension. */
export const FILE_NAME_MAX_LENGTH = 200;

/** The limits of the deployment (`ATTACHMENT_MAX_BYTES`, `ATTACHMENT_MAX_PER_TICKET`). */
export interface AttachmentLimits {
  readonly maxBytes: number;
  readonly maxPerTicket: number;
}

/** A file as it arrived: the name and type the client gave, and the bytes. */
export interface IncomingFile {
  readonly originalName: string;
  readonly declaredType: string;
  readonly content: Buffer;
}

/** What is stored of an accepted file. */
export interface AcceptedFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

/**
 * The name to keep: no folders, no control or bidirectional-override characters (which could
 * make `factura‮fdp.exe` read as `factura.exe.pdf`), Unicode NFC, spaces collapsed, at most
 * {@link FILE_NAME_MAX_LENGTH} characters with the extension kept.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...cleaned];
  if (chars.length <= FILE_NAME_MAX_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 ? [...cleaned.slice(dot)] : [];
  const keep = ext.length < 20 ? ext : [];
  return chars.slice(0, FILE_NAME_MAX_LENGTH - keep.length).join('') + keep.join('');
}

/** The lowercase extension of a file name, or '' when it has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** `type/subtype` of a declared type, lowercase, without parameters (`; charset=…`). */
function essence(declared: string): string {
  return (declared.split(';')[0] ?? '').trim().toLowerCase();
}

function startsWith(content: Buffer, signature: readonly number[]): boolean {
  return content.length >= signature.length && signature.every((b, i) => content[i] === b);
}

function contentMatches(kind: AllowedKind['content'], content: Buffer): boolean {
  if (kind === 'text') return !content.includes(0);
  if (kind === 'webp') {
    return (
      content.length >= 12 &&
      content.subarray(0, 4).toString('latin1') === 'RIFF' &&
      content.subarray(8, 12).toString('latin1') === 'WEBP'
    );
  }
  return SIGNATURES[kind].some((signature) => startsWith(content, signature));
}

/** Every extension the allow-list takes, for messages. */
export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED_ATTACHMENTS);

/**
 * Checks one incoming file against the limits and the allow-list; answers what to store, or
 * throws a VALIDATION_FAILED {@link DomainError} whose `reason` says why (nothing is stored).
 */
export function acceptFile(file: IncomingFile | undefined, limits: AttachmentLimits): AcceptedFile {
  if (!file) {
    throw refusal(
      'ATTACHMENT_MISSING',
      'Send the file as multipart/form-data in the field "file"',
      { field: 'file' },
    );
  }
  const fileName = cleanFileName(file.originalName);
  if (!fileName || fileName === '.' || fileName === '..') {
    throw refusal('ATTACHMENT_NAME_INVALID', 'The file needs a name (e.g. captura.png)', {});
  }
  if (file.content.length === 0) {
    throw refusal('ATTACHMENT_EMPTY', `${fileName} is empty`, { fileName });
  }
  if (file.content.length > limits.maxBytes) {
    throw tooLarge(limits.maxBytes, fileName, file.content.length);
  }
  const extension = extensionOf(fileName);
  const kind = Object.hasOwn(ALLOWED_ATTACHMENTS, extension)
    ? ALLOWED_ATTACHMENTS[extension]
    : undefined;
  const declared = essence(file.declaredType);
  if (
    !kind ||
    !(
      GENERIC_TYPES.has(declared) ||
      declared === kind.mediaType ||
      (kind.aliases ?? []).includes(declared)
    )
  ) {
    throw refusal(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      `${fileName} (${declared || 'no type'}) is not a file type tickets accept: ` +
        ALLOWED_EXTENSIONS.join(', '),
      { fileName, mediaType: declared, extension, allowed: ALLOWED_EXTENSIONS },
    );
  }
  if (!contentMatches(kind.content, file.content)) {
    throw refusal(
      'ATTACHMENT_CONTENT_MISMATCH',
      `The content of ${fileName} is not a .${extension} file`,
      { fileName, extension },
    );
  }
  return { fileName, mediaType: kind.mediaType, content: file.content };
}

/** The multipart field that marks a file internal (provider staff only): `true` or `false`. */
export const INTERNAL_FIELD = 'internal';

/**
 * The `internal` multipart field: absent or empty is `false`; `true`/`false` (any case, spaces
 * trimmed) as said; anything else is VALIDATION_FAILED `ATTACHMENT_INTERNAL_INVALID`, so a typo
 * never uploads a staff-only file as visible to the client.
 */
export function parseInternalField(raw: unknown): boolean {
  return parseBooleanField(raw, INTERNAL_FIELD, 'ATTACHMENT_INTERNAL_INVALID');
}

/**
 * The `forComment` multipart field: the file goes with the comment its uploader posts next
 * (`addComment(attachmentIds)`), whose email names it, so it queues no email of its own. Parsed
 * as `internal` is (`ATTACHMENT_FOR_COMMENT_INVALID`).
 */
export const FOR_COMMENT_FIELD = 'forComment';

export function parseForCommentField(raw: unknown): boolean {
  return parseBooleanField(raw, FOR_COMMENT_FIELD, 'ATTACHMENT_FOR_COMMENT_INVALID');
}

function parseBooleanField(raw: unknown, field: string, reason: string): boolean {
  if (raw === undefined || raw === null) return false;
  const value = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw refusal(reason, `The field "${field}" is true or false (was ${JSON.stringify(raw)})`, {
    field,
  });
}

/** VALIDATION_FAILED `ATTACHMENT_TOO_LARGE`, with the limit in bytes. */
export function tooLarge(maxBytes: number, fileName?: string, sizeBytes?: number): DomainError {
  return refusal(
    'ATTACHMENT_TOO_LARGE',
    `${fileName ?? 'The file'} is larger than the ${maxBytes} bytes a ticket attachment may have`,
    {
      maxBytes,
      ...(fileName === undefined ? {} : { fileName }),
      ...(sizeBytes === undefined ? {} : { sizeBytes }),
    },
  );
}

/** VALIDATION_FAILED `ATTACHMENT_LIMIT`: the ticket holds `limit` files already. */
export function attachmentLimitReached(ticketNumber: string, limit: number): DomainError {
  return refusal(
    'ATTACHMENT_LIMIT',
    `Ticket ${ticketNumber} already holds ${limit} attachments, the most a ticket may have`,
    { limit },
  );
}

function refusal(reason: string, message: string, details: Record<string, unknown>): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, message, { reason, ...details });
}
