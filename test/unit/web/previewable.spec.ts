import {
  previewBlobType,
  previewKind,
  showsThumbnail,
  THUMBNAIL_MAX_BYTES,
} from '../../../web/src/tickets/previewable';
import { ALLOWED_ATTACHMENTS } from '../../../src/attachments/attachment-policy';

// L3-11 previews: which of a ticket's files the page shows without a download (a thumbnail for
// images up to 5 MB, «Ver» for images and PDFs), and as what type the blob is rendered.

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

  it('every image and PDF type the server stores is previewable; nothing else it stores is', () => {
    const stored = new Set(Object.values(ALLOWED_ATTACHMENTS).map((k) => k.mediaType));
    const previewable = [...stored].filter((type) => previewKind(live(type)) !== undefined);
    expect(previewable.sort()).toEqual([
      'application/pdf',
      'image/gif',
      'image/jpeg',
      'image/png',
      'image/webp',
    ]);
  });

  it('text, office files, archives, SVG and HTML are only downloaded', () => {
    for (const type of [
      'text/plain',
      'text/csv',
      'application/json',
      'application/xml',
      'application/zip',
      'application/msword',
      'image/svg+xml',
      'IMAGE/SVG+XML',
      'image/svg',
      'text/html',
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
});
