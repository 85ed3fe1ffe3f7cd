import {
  decodePreviewText,
  previewBlobType,
  previewKind,
  showsThumbnail,
  TEXT_PREVIEW_MAX_BYTES,
  THUMBNAIL_MAX_BYTES,
} from '../../../web/src/tickets/previewable';
import { ALLOWED_ATTACHMENTS } from '../../../src/attachments/attachment-policy';

// L3-11 previews: which of a ticket's files the page shows without a download (a thumbnail for
// images up to 5 MB, «Ver» for images, PDFs and text), as what type the blob is rendered, and how
// a text file's first bytes are decoded.

const live = (mediaType: string, sizeBytes = 1024) => ({
  mediaType,
  sizeBytes,
  deletedAt: null,
  downloadUrl: '/api/attachments/a1',
});

describe('previewable files (L3-11)', () => {
  it('images of the allow-list are previewed with a thumbnail; PDFs with «Ver» only', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp']) {
      expect(previewKind(live(type))).toBe('image');
      expect(showsThumbnail(live(type))).toBe(true);
      expect(previewBlobType(live(type))).toBe(type);
    }
    expect(previewKind(live('application/pdf'))).toBe('pdf');
    expect(showsThumbnail(live('application/pdf'))).toBe(false);
    expect(previewBlobType(live('application/pdf'))).toBe('application/pdf');
  });

  it('text files are previewed as text (no blob, no thumbnail)', () => {
    for (const type of ['text/plain', 'text/csv', 'application/json', 'application/xml']) {
      expect(previewKind(live(type))).toBe('text');
      expect(showsThumbnail(live(type))).toBe(false);
      expect(previewBlobType(live(type))).toBeUndefined();
    }
    expect(previewKind(live('Text/Plain; charset=utf-8'))).toBe('text');
    expect(TEXT_PREVIEW_MAX_BYTES).toBe(256 * 1024);
  });

  it('every image, PDF and text type the server stores is previewable; nothing else it stores is', () => {
    const stored = new Set(Object.values(ALLOWED_ATTACHMENTS).map((k) => k.mediaType));
    const previewable = [...stored].filter((type) => previewKind(live(type)) !== undefined);
    expect(previewable.sort()).toEqual([
      'application/json',
      'application/pdf',
      'application/xml',
      'image/gif',
      'image/jpeg',
      'image/png',
      'image/webp',
      'text/csv',
      'text/plain',
    ]);
  });

  it('office files, archives, SVG and HTML are only downloaded', () => {
    for (const type of [
      'application/zip',
      'application/msword',
      'image/svg+xml',
      'IMAGE/SVG+XML',
      'image/svg',
      'text/html',
      'application/xhtml+xml',
      'application/octet-stream',
      '',
    ]) {
      expect(previewKind(live(type))).toBeUndefined();
      expect(showsThumbnail(live(type))).toBe(false);
      expect(previewBlobType(live(type))).toBeUndefined();
    }
  });

  it('the type is read without case or parameters', () => {
    expect(previewKind(live('Image/PNG'))).toBe('image');
    expect(previewBlobType(live('application/pdf; qs=0.9'))).toBe('application/pdf');
  });

  it('a deleted file, or one the user cannot download, shows no preview', () => {
    const png = live('image/png');
    expect(previewKind({ ...png, deletedAt: '2026-11-28T10:00:00Z', downloadUrl: null })).toBe(
      undefined,
    );
    expect(previewKind({ ...png, downloadUrl: null })).toBeUndefined();
    expect(previewKind({ ...png, deletedAt: '2026-11-28T10:00:00Z' })).toBeUndefined();
    expect(showsThumbnail({ ...png, downloadUrl: null })).toBe(false);
    expect(previewKind({ ...live('application/pdf'), downloadUrl: null })).toBeUndefined();
  });

  it('an image over 5 MB has «Ver» but no thumbnail', () => {
    expect(THUMBNAIL_MAX_BYTES).toBe(5 * 1024 * 1024);
    expect(showsThumbnail(live('image/jpeg', THUMBNAIL_MAX_BYTES))).toBe(true);
    const big = live('image/jpeg', THUMBNAIL_MAX_BYTES + 1);
    expect(showsThumbnail(big)).toBe(false);
    expect(previewKind(big)).toBe('image');
  });

  it('decodes text as UTF-8 (BOM dropped), markup kept as characters', () => {
    const utf8 = Buffer.from('\ufeffcafé <script>alert(1)</script> ✓\n', 'utf8');
    expect(decodePreviewText(utf8, false)).toEqual({
      text: 'café <script>alert(1)</script> ✓\n',
      encoding: 'utf-8',
    });
  });

  it('falls back to Latin-1 for bytes that are not UTF-8', () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61, 0xf1, 0x6f, 0x0a]);
    expect(decodePreviewText(latin1, false)).toEqual({ text: 'café año\n', encoding: 'latin1' });
  });

  it('a UTF-8 file cut inside a character drops that character, still UTF-8', () => {
    const whole = Buffer.from('línea ñ', 'utf8');
    const cut = whole.subarray(0, whole.length - 1);
    expect(decodePreviewText(cut, true)).toEqual({ text: 'línea ', encoding: 'utf-8' });
    // Not cut, the same bytes are not UTF-8: read as Latin-1.
    expect(decodePreviewText(cut, false).encoding).toBe('latin1');
  });
});
