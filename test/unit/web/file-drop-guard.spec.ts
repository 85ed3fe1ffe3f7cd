import { blocksFileDrop } from '../../../web/src/components/file-drop-guard';

// QA: a file dropped outside the «Adjuntos» card (L3-11) could make Chromium open it and leave
// the app, losing what was on the page. The window-level guard prevents only that.

describe('blocksFileDrop: a file dropped outside a drop target stays in the app', () => {
  const files = { types: ['Files'], defaultPrevented: false, overFileInput: false };

  it('files dragged over or dropped on the page (no drop target took them): blocked', () => {
    expect(blocksFileDrop(files)).toBe(true);
    expect(blocksFileDrop({ ...files, types: ['application/x-moz-file', 'Files'] })).toBe(true);
  });

  it('the «Adjuntos» card took the drop (it prevented the default first): left alone', () => {
    expect(blocksFileDrop({ ...files, defaultPrevented: true })).toBe(false);
  });

  it('a file input takes a dropped file by itself: left alone', () => {
    expect(blocksFileDrop({ ...files, overFileInput: true })).toBe(false);
  });

  it('text or a link dragged into a field is no file: left alone', () => {
    expect(blocksFileDrop({ ...files, types: ['text/plain', 'text/uri-list'] })).toBe(false);
  });
});
