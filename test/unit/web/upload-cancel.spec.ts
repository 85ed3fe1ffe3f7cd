import {
  commentFileStates,
  filesProblemFixed,
} from '../../../web/src/tickets/comment-upload-state';
import { sendAttachmentUpload, UploadCancelled } from '../../../web/src/api/attachment-upload';

// QA S65c (L3-11): an upload can be cancelled (its request is aborted), the comment box says where
// each of its files is, and its files' problem clears once fixed.

describe('commentFileStates (QA S65c #3)', () => {
  const files = ['a.pdf', 'b.log', 'c.zip'];
  it('says «Adjuntado», «Subiendo… n %» and «En espera» while the comment is sent', () => {
    expect(
      commentFileStates(files, (f) => f === 'a.pdf', { file: 'b.log', percent: 47 }, true),
    ).toEqual([{ kind: 'attached' }, { kind: 'uploading', percent: 47 }, { kind: 'waiting' }]);
  });
  it('says nothing of a file not sent yet while nothing is being sent', () => {
    expect(commentFileStates(files, (f) => f === 'c.zip', undefined, false)).toEqual([
      undefined,
      undefined,
      { kind: 'attached' },
    ]);
  });
});

describe('filesProblemFixed (QA S65c #2)', () => {
  it('holds while a refused file is left, clears once none is', () => {
    expect(filesProblemFixed([undefined, 'Supera 10 MB'], 2, 10)).toBe(false);
    expect(filesProblemFixed([undefined, undefined], 2, 10)).toBe(true);
  });
  it('holds while there are too many files', () => {
    expect(filesProblemFixed([], 11, 10)).toBe(false);
  });
});

/** A typed stand-in for the DOM's XMLHttpRequest: records abort(), never answers by itself. */
class FakeXhr {
  static last: FakeXhr | undefined;
  aborted = false;
  sent = false;
  private readonly listeners = new Map<string, (() => void)[]>();
  readonly upload = { addEventListener: () => undefined };
  constructor() {
    FakeXhr.last = this;
  }
  open(): void {}
  setRequestHeader(): void {}
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(): void {
    this.sent = true;
  }
  abort(): void {
    this.aborted = true;
    for (const type of ['abort', 'loadend'])
      for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

describe('sendAttachmentUpload cancelled (QA S65c #1)', () => {
  const saved = {
    xhr: globalThis.XMLHttpRequest,
    window: (globalThis as { window?: unknown }).window,
  };
  beforeEach(() => {
    FakeXhr.last = undefined;
    globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
    (globalThis as { window?: unknown }).window = {
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
  });
  afterEach(() => {
    globalThis.XMLHttpRequest = saved.xhr;
    (globalThis as { window?: unknown }).window = saved.window;
  });

  it('aborts the request and rejects with UploadCancelled', async () => {
    const controller = new AbortController();
    const sent = sendAttachmentUpload('/api/x', new FormData(), 't', undefined, controller.signal);
    expect(FakeXhr.last?.sent).toBe(true);
    controller.abort();
    await expect(sent).rejects.toBeInstanceOf(UploadCancelled);
    expect(FakeXhr.last?.aborted).toBe(true);
  });

  it('sends nothing when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      sendAttachmentUpload('/api/x', new FormData(), 't', undefined, controller.signal),
    ).rejects.toBeInstanceOf(UploadCancelled);
    expect(FakeXhr.last).toBeUndefined();
  });
});
