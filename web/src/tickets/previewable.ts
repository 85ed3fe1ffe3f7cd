// L3-11 previews: which of a ticket's files the page shows without a download. Pure, for the
// unit tier. The media type is the server's (taken from its allow-list, never the uploader's), and
// the preview's blob is typed from this list, not from the response: only these types are ever
// rendered, and SVG (an image that can carry script) never is, even were it allowed one day.

/** Image types shown as a thumbnail and in the preview dialog (the server's image allow-list). */
export const PREVIEW_IMAGE_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
];

/** Documents shown in the preview dialog by the browser's own viewer. */
export const PREVIEW_DOCUMENT_TYPES: readonly string[] = ['application/pdf'];

/** Images over this size get no thumbnail (the list would fetch megabytes to draw 48 pixels). */
export const THUMBNAIL_MAX_BYTES = 5 * 1024 * 1024;

export type PreviewKind = 'image' | 'pdf';

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
 * How the page may show a file: `image` or `pdf`, or undefined (deleted, not downloadable by
 * this user, or a type that is only downloaded).
 */
export function previewKind(file: PreviewCandidate): PreviewKind | undefined {
  if (file.deletedAt || !file.downloadUrl) return undefined;
  const type = essence(file.mediaType);
  // Never SVG, whatever list it might land on.
  if (type.includes('svg')) return undefined;
  if (PREVIEW_IMAGE_TYPES.includes(type)) return 'image';
  if (PREVIEW_DOCUMENT_TYPES.includes(type)) return 'pdf';
  return undefined;
}

/** Whether the list shows a thumbnail of the file: a previewable image of at most 5 MB. */
export function showsThumbnail(file: PreviewCandidate): boolean {
  return previewKind(file) === 'image' && file.sizeBytes <= THUMBNAIL_MAX_BYTES;
}

/**
 * The type the preview's blob gets: the listed type when it is previewable (so the browser
 * renders exactly that and nothing it might sniff), otherwise undefined (no preview).
 */
export function previewBlobType(file: PreviewCandidate): string | undefined {
  return previewKind(file) ? essence(file.mediaType) : undefined;
}
