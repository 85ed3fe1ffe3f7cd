import { Agent, type IncomingHttpHeaders, request } from 'node:http';

/**
 * The bench's HTTP client: one JSON POST over `node:http` on a keep-alive agent, the body read as
 * bytes and parsed once. The SQL baselines run on `pg`'s pooled connections, whose client work is
 * a socket read and a row parse; this is the like-for-like on the API's side. Node's global
 * `fetch` (undici, WHATWG streams, `res.json()`) cost about 0.8–1 ms of the bench process's CPU per
 * request on this VM (an authenticated `{ __typename }`: 2.45 against 1.67 ms at p50, interleaved
 * in one run), time that is the client's, not the API's. The dashboard scenario still reports one
 * list through `fetch` so the difference stays in view.
 */
export class JsonPoster {
  private readonly agent = new Agent({ keepAlive: true });

  constructor(private readonly url: URL) {}

  /** POSTs `body` as JSON; resolves the parsed answer, whatever its HTTP status (GraphQL's). */
  async post<T>(body: unknown, headers: Readonly<Record<string, string>> = {}): Promise<T> {
    return (await this.exchange<T>(body, headers)).answer;
  }

  /** {@link post}, with the response's headers. */
  exchange<T>(
    body: unknown,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<{ answer: T; headers: IncomingHttpHeaders }> {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.url.hostname,
          port: this.url.port,
          path: this.url.pathname + this.url.search,
          method: 'POST',
          agent: this.agent,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': payload.length,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ answer: JSON.parse(text) as T, headers: res.headers });
            } catch {
              reject(
                new Error(
                  `HTTP ${res.statusCode} from ${this.url.href}: not JSON: ${text.slice(0, 200)}`,
                ),
              );
            }
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Closes the kept-alive sockets. */
  close(): void {
    this.agent.destroy();
  }
}
