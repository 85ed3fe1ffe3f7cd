import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';

/** One request's spans: name → milliseconds (summed when a part runs more than once). */
type Spans = Map<string, number>;

const spansOfRequest = new AsyncLocalStorage<Spans>();

/**
 * Times `part` of the current HTTP request for its `Server-Timing` header, when the API runs
 * with `API_SERVER_TIMING=on` (see {@link serverTiming}); otherwise runs it and nothing else.
 * Parts are named in the header as given (`auth`, `access`, `update`, `read`).
 */
export function timePart<T>(part: string, run: () => Promise<T>): Promise<T> {
  const spans = spansOfRequest.getStore();
  if (!spans) return run();
  const start = performance.now();
  const record = () => spans.set(part, (spans.get(part) ?? 0) + performance.now() - start);
  return run().finally(record);
}

/** What {@link serverTiming} needs of Express's request and response. */
interface TimedResponse {
  writeHead(...args: unknown[]): unknown;
  setHeader(name: string, value: string): unknown;
  headersSent: boolean;
}

/**
 * Express middleware (issues 5/10): each response gets a `Server-Timing` header (W3C Server
 * Timing, shown by a browser's network panel and read by `npm run bench transition`) with the
 * request's timed parts ({@link timePart}) and `total`, from here to the response's headers, so
 * a slow answer says where its time went. Off by default: the request context it keeps
 * (AsyncLocalStorage) costs every promise of the request a little, and the figures are for the
 * operator, not the client.
 */
export function serverTiming() {
  return (_req: unknown, res: TimedResponse, next: () => void): void => {
    const spans: Spans = new Map();
    const start = performance.now();
    const writeHead = res.writeHead.bind(res);
    res.writeHead = (...args: unknown[]) => {
      if (!res.headersSent) {
        spans.set('total', performance.now() - start);
        res.setHeader('Server-Timing', serverTimingHeader(spans));
      }
      return writeHead(...args);
    };
    spansOfRequest.run(spans, next);
  };
}

/** `auth;dur=1.23, update;dur=20.5, total;dur=31.02` (milliseconds, two decimals). */
export function serverTimingHeader(spans: ReadonlyMap<string, number>): string {
  return [...spans].map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`).join(', ');
}

/** The spans of a `Server-Timing` header value, as {@link serverTimingHeader} writes them. */
export function parseServerTiming(header: string | undefined): Map<string, number> {
  const spans = new Map<string, number>();
  for (const entry of (header ?? '').split(',')) {
    const [name, ...params] = entry.trim().split(';');
    const dur = params.find((p) => p.trim().startsWith('dur='));
    if (name && dur) spans.set(name, Number(dur.trim().slice(4)));
  }
  return spans;
}
