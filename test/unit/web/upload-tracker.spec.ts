import {
  missingNotTracked,
  type SendFile,
  type TrackedUpload,
  UploadTracker,
  uploadPercent,
} from '../../../web/src/tickets/upload-tracker';

// QA S62 #5 (L3-11): the files «Nuevo ticket» sends once the ticket exists, each with its own
// progress and result, one after another, with «Reintentar» for one that failed; the ticket page
// tells as «No llegó» only what this tab is not sending.

interface FakeFile {
  readonly name: string;
  readonly size: number;
}
const file = (name: string, size = 1000): FakeFile => ({ name, size });

/** A send whose every call waits until the test answers it, reporting progress on demand. */
function controlledSend() {
  const calls: {
    name: string;
    progress: (loaded: number, total: number) => void;
    succeed: () => void;
    fail: (error: unknown) => void;
  }[] = [];
  const send: SendFile<FakeFile> = (_ticket, f, onProgress) =>
    new Promise((resolve, reject) => {
      calls.push({
        name: f.name,
        progress: (loaded, total) => onProgress({ loaded, total }),
        succeed: () => resolve({}),
        fail: reject,
      });
    });
  return { send, calls };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));
const states = (uploads: readonly TrackedUpload[]) =>
  uploads.map((u) => [u.name, u.status, uploadPercent(u)]);

describe('upload progress of a new ticket’s files (QA S62 #5)', () => {
  it('says 100 % only once stored, never before, and 0 % when nothing is known yet', () => {
    expect(uploadPercent({ status: 'uploading', loaded: 450, total: 1000 })).toBe(45);
    expect(uploadPercent({ status: 'uploading', loaded: 1000, total: 1000 })).toBe(99);
    expect(uploadPercent({ status: 'uploading', loaded: 0, total: 0 })).toBe(0);
    expect(uploadPercent({ status: 'uploaded', loaded: 0, total: 0 })).toBe(100);
  });

  it('sends the files one after another, each with its own progress and result, telling each change', async () => {
    const tracker = new UploadTracker<FakeFile>();
    const { send, calls } = controlledSend();
    let changes = 0;
    const stop = tracker.subscribe(() => (changes += 1));
    const done = tracker.add('L3-2026-000001', [file('a.log'), file('b.pdf')], send);
    await flush();
    expect(calls.map((c) => c.name)).toEqual(['a.log']);
    expect(states(tracker.snapshot())).toEqual([
      ['a.log', 'uploading', 0],
      ['b.pdf', 'waiting', 0],
    ]);
    calls[0].progress(450, 1000);
    expect(states(tracker.snapshot())[0]).toEqual(['a.log', 'uploading', 45]);
    calls[0].succeed();
    await flush();
    expect(calls.map((c) => c.name)).toEqual(['a.log', 'b.pdf']);
    calls[1].fail({ code: 'NETWORK' });
    await done;
    expect(states(tracker.snapshot())).toEqual([
      ['a.log', 'uploaded', 100],
      ['b.pdf', 'failed', 0],
    ]);
    expect(tracker.snapshot()[1].error).toEqual({ code: 'NETWORK' });
    expect(changes).toBeGreaterThanOrEqual(6);
    stop();
  });

  it('sends a failed file again on «Reintentar», and nothing for one stored or unknown', async () => {
    const tracker = new UploadTracker<FakeFile>();
    const { send, calls } = controlledSend();
    const first = tracker.add('L3-2026-000001', [file('a.log')], send);
    await flush();
    calls[0].fail({ code: 'UNAVAILABLE' });
    await first;
    const [failed] = tracker.snapshot();
    const again = tracker.retry(failed.id);
    expect(states(tracker.snapshot())).toEqual([['a.log', 'waiting', 0]]);
    await flush();
    calls[1].succeed();
    await again;
    expect(states(tracker.snapshot())).toEqual([['a.log', 'uploaded', 100]]);
    await tracker.retry(failed.id);
    await tracker.retry(999);
    expect(calls).toHaveLength(2);
  });

  it('a second ticket’s files wait for the first’s, and ended uploads can be forgotten', async () => {
    const tracker = new UploadTracker<FakeFile>();
    const { send, calls } = controlledSend();
    const one = tracker.add('L3-2026-000001', [file('a.log')], send);
    const two = tracker.add('L3-2026-000002', [file('b.log')], send);
    await flush();
    expect(calls.map((c) => c.name)).toEqual(['a.log']);
    calls[0].succeed();
    await one;
    await flush();
    tracker.forgetEnded();
    expect(states(tracker.snapshot())).toEqual([['b.log', 'uploading', 0]]);
    calls[1].succeed();
    await two;
  });

  it('tells as not arrived only the announced files this tab is not sending', () => {
    expect(missingNotTracked(['informe.pdf', 'bitácora.log'], [{ name: 'bitácora.log' }])).toEqual([
      'informe.pdf',
    ]);
    expect(missingNotTracked(['a.pdf', 'a.pdf'], [{ name: 'a.pdf' }])).toEqual(['a.pdf']);
    expect(missingNotTracked(['a.pdf'], [])).toEqual(['a.pdf']);
  });
});
