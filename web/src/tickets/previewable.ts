// L3-11 previews: which of a ticket's files the page shows without a download. Pure, for the
// unit tier. The media type is the server's (taken from its allow-list, never the uploader's), and
// the preview's blob is typed from this list, not from the response: only these types are ever
// rendered, and SVG (an image that can carry script) never is, even were it allowed one day.
// Text files are never rendered at all: their first bytes are decoded and shown as text.

/** Image types shown as a thumbnail and in the preview dialog (the server's image allow-list). */
export const PREVIEW_IMAGE_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
];

/** Documents shown in the preview dialog by the browser's own viewer. */
export const PREVIEW_DOCUMENT_TYPES: readonly string[] = ['application/pdf'];

/**
 * Text shown in the preview dialog as plain text (monospaced, never markup): the server's text
 * allow-list (.txt, .log, .csv, .json, .xml). HTML is not on it and is never previewed.
 */
export const PREVIEW_TEXT_TYPES: readonly string[] = [
  'text/plain',
  'text/csv',
  'application/json',
  'application/xml',
];

/** How much of a text file the preview reads and shows (the rest is left to «Descargar»). */
export const TEXT_PREVIEW_MAX_BYTES = 256 * 1024;

/** Images over this size get no thumbnail (the list would fetch megabytes to draw 48 pixels). */
export const THUMBNAIL_MAX_BYTES = 5 * 1024 * 1024;

export type PreviewKind = 'image' | 'pdf' | 'text';

/** What the preview needs of a listed file. */
export interface PreviewCandidate {
  readonly mediaType: string;
  readonly sizeBytes: number;
  /** Set once the file is deleted (its bytes are gone). */
  readonly deletedAt: string | null;
  /** Null when the file is deleted or the user may not download it. */
  readonly downloadUrl: string | null;
}

/** `type/subtype`, lowercase, without parameters. */
function essence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * How the page may show a file: `image`, `pdf` or `text`, or undefined (deleted, not
 * downloadable by this user, or a type that is only downloaded).
 */
export function previewKind(file: PreviewCandidate): PreviewKind | undefined {
  if (file.deletedAt || !file.downloadUrl) return undefined;
  const type = essence(file.mediaType);
  // Never SVG, whatever list it might land on.
  if (type.includes('svg')) return undefined;
  if (PREVIEW_IMAGE_TYPES.includes(type)) return 'image';
  if (PREVIEW_DOCUMENT_TYPES.includes(type)) return 'pdf';
  if (PREVIEW_TEXT_TYPES.includes(type)) return 'text';
  return undefined;
}

/** Whether the list shows a thumbnail of the file: a previewable image of at most 5 MB. */
export function showsThumbnail(file: PreviewCandidate): boolean {
  return previewKind(file) === 'image' && file.sizeBytes <= THUMBNAIL_MAX_BYTES;
}

/**
 * The type the preview's blob gets: the listed type when it is a previewable image or PDF (so the
 * browser renders exactly that and nothing it might sniff), otherwise undefined (no blob: text is
 * decoded and shown as text, other files are not previewed).
 */
export function previewBlobType(file: PreviewCandidate): string | undefined {
  const kind = previewKind(file);
  return kind === 'image' || kind === 'pdf' ? essence(file.mediaType) : undefined;
}

/** A text file's first bytes as the preview shows them. */
export interface PreviewText {
  readonly text: string;
  /** `latin1` when the bytes are not UTF-8 (an old log): read as Windows-1252 / ISO-8859-1. */
  readonly encoding: 'utf-8' | 'latin1';
}

/**
 * Decodes the first bytes of a text file: UTF-8 (a BOM dropped) when they are UTF-8, else
 * Latin-1 (as Windows-1252, which browsers use for that label), so a log written by an old system
 * still reads «café» instead of replacement marks. `cut`: the bytes stop before the file's end,
 * maybe inside a character, whose first bytes are left out rather than shown as garbage.
 */
export function decodePreviewText(bytes: Uint8Array, cut: boolean): PreviewText {
  try {
    // `stream`: an incomplete last character waits for bytes that never come (dropped).
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cut });
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'latin1' };
  }
}
