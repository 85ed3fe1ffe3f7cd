import { filesNotArrived } from '../../../src/shared/files-not-arrived';

// QA S62 #5 (L3-11): the files «Nuevo ticket» sends once the ticket exists, each with its own
// progress («Subiendo… 45 %», then «Adjuntado», or its refusal with «Reintentar» when the network
// or the server failed for a moment). Kept in the tab's memory, outside any screen, so a file keeps
// going up (and keeps its progress) while the registrant opens the new ticket; the ticket page
// shows the same entries. What never arrived (the tab was closed, the upload failed) the server
// knows (`Ticket.missingAnnouncedFiles`). No React, no DOM, so the unit tier drives it directly.

/** What is read of a file to send. */
export interface TrackedFileLike {
  readonly name: string;
  readonly size: number;
}

/** Waiting its turn, going up, stored, or refused (the server's or the network's answer). */
export type TrackedStatus = 'waiting' | 'uploading' | 'uploaded' | 'failed';

export interface TrackedUpload {
  /** Unique in the tab (React's key; names may repeat). */
  readonly id: number;
  readonly ticket: string;
  readonly name: string;
  readonly size: number;
  readonly status: TrackedStatus;
  /** Bytes of the request's body sent so far, of `total` (the body is a little over the file). */
  readonly loaded: number;
  readonly total: number;
  /** The refusal, when failed. */
  readonly error?: unknown;
}

/** Sends one file to a ticket, telling its progress; rejects with the refusal. */
export type SendFile<F> = (
  ticket: string,
  file: F,
  onProgress: (progress: { loaded: number; total: number }) => void,
) => Promise<unknown>;

/**
 * The whole percentage of an upload to show: 100 only once stored (all bytes sent is not yet
 * stored: the server still checks the file), else what the body's progress says, at most 99.
 */
export function uploadPercent(upload: Pick<TrackedUpload, 'status' | 'loaded' | 'total'>): number {
  if (upload.status === 'uploaded') return 100;
  if (upload.total <= 0) return 0;
  return Math.min(99, Math.max(0, Math.floor((upload.loaded * 100) / upload.total)));
}

/** Whether an upload is still to end (waiting or going up). */
export function inFlight(upload: Pick<TrackedUpload, 'status'>): boolean {
  return upload.status === 'waiting' || upload.status === 'uploading';
}

/**
 * The announced files the server says did not arrive that this tab does not know about: a file this
 * tab is sending, sent, or holds with «Reintentar» is shown as such, not also as «No llegó».
 */
export function missingNotTracked(
  missing: readonly string[],
  tracked: readonly Pick<TrackedUpload, 'name'>[],
): string[] {
  return filesNotArrived(
    missing,
    tracked.map((u) => u.name),
  );
}

/** Files sent to tickets one after another, each with its state; listeners hear every change. */
export class UploadTracker<F extends TrackedFileLike> {
  private uploads: readonly TrackedUpload[] = [];
  private readonly pending = new Map<number, { file: F; send: SendFile<F> }>();
  private readonly listeners = new Set<() => void>();
  private nextId = 1;
  /** The files go up one after another, in the order given (the server counts them in turn). */
  private queue: Promise<void> = Promise.resolve();

  /** Every upload of the tab, oldest first; a new array after each change. */
  readonly snapshot = (): readonly TrackedUpload[] => this.uploads;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Sends `files` to `ticket` after any still going; resolves once these have ended. */
  add(ticket: string, files: readonly F[], send: SendFile<F>): Promise<void> {
    const added = files.map((file) => {
      const id = this.nextId++;
      this.pending.set(id, { file, send });
      return { id, ticket, name: file.name, size: file.size, status: 'waiting' as const };
    });
    this.set([...this.uploads, ...added.map((u) => ({ ...u, loaded: 0, total: 0 }))]);
    return this.enqueue(added.map((u) => u.id));
  }

  /** Sends a failed upload again; resolves once it has ended. Nothing for any other. */
  retry(id: number): Promise<void> {
    const upload = this.uploads.find((u) => u.id === id);
    if (!upload || upload.status !== 'failed' || !this.pending.has(id)) return Promise.resolve();
    this.update(id, { status: 'waiting', loaded: 0, total: 0, error: undefined });
    return this.enqueue([id]);
  }

  /** Forgets every upload that has ended («Cerrar sesión»); those in flight go on. */
  forgetEnded(): void {
    const kept = this.uploads.filter(inFlight);
    for (const u of this.uploads) if (!inFlight(u)) this.pending.delete(u.id);
    this.set(kept);
  }

  private enqueue(ids: readonly number[]): Promise<void> {
    const run = this.queue.then(async () => {
      for (const id of ids) await this.sendOne(id);
    });
    this.queue = run;
    return run;
  }

  private async sendOne(id: number): Promise<void> {
    const upload = this.uploads.find((u) => u.id === id);
    const job = this.pending.get(id);
    if (!upload || !job || upload.status !== 'waiting') return;
    this.update(id, { status: 'uploading', loaded: 0, total: upload.size });
    try {
      await job.send(upload.ticket, job.file, ({ loaded, total }) =>
        this.update(id, { loaded, total }),
      );
      // Stored: the file is no longer needed for a retry.
      this.pending.delete(id);
      this.update(id, { status: 'uploaded' });
    } catch (error) {
      this.update(id, { status: 'failed', error });
    }
  }

  private update(id: number, change: Partial<Omit<TrackedUpload, 'id' | 'ticket'>>): void {
    this.set(this.uploads.map((u) => (u.id === id ? { ...u, ...change } : u)));
  }

  private set(uploads: readonly TrackedUpload[]): void {
    this.uploads = uploads;
    for (const listener of [...this.listeners]) listener();
  }
}
