/**
 * A push-to-pull bridge: values pushed in are read by one `for await` consumer (a GraphQL
 * subscription). `return()` (the client unsubscribed) ends it and runs `onClose` once. Keeps at
 * most `capacity` unread values, dropping the oldest (a live feed, not a log).
 */
export class AsyncQueue<T> implements AsyncIterableIterator<T> {
  private readonly buffered: T[] = [];
  private readonly readers: ((result: IteratorResult<T>) => void)[] = [];
  private closed = false;

  constructor(
    private readonly onClose: () => void,
    private readonly capacity = 100,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  push(value: T): void {
    if (this.closed) return;
    const reader = this.readers.shift();
    if (reader) return reader({ value, done: false });
    this.buffered.push(value);
    if (this.buffered.length > this.capacity) this.buffered.shift();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffered.length) {
      return Promise.resolve({ value: this.buffered.shift() as T, done: false });
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.readers.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.closed) {
      this.closed = true;
      this.buffered.length = 0;
      for (const reader of this.readers.splice(0)) reader({ value: undefined, done: true });
      this.onClose();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(): Promise<IteratorResult<T>> {
    return this.return();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
