import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JsonPoster } from '../../bench/json-post';

// Issues 5/10: the benches time the API through this client, so it must send what `fetch` sent
// (the JSON body, its headers) and read the whole answer, over one kept-alive connection.

describe('the bench HTTP client (JsonPoster)', () => {
  let server: Server;
  let url: URL;
  const seen: { body: string; headers: IncomingMessage['headers']; socket: number }[] = [];
  const sockets = new Map<object, number>();
  let answer: (req: IncomingMessage) => { status: number; text: string };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (!sockets.has(req.socket)) sockets.set(req.socket, sockets.size);
        seen.push({
          body: Buffer.concat(chunks).toString('utf8'),
          headers: req.headers,
          socket: sockets.get(req.socket)!,
        });
        const { status, text } = answer(req);
        res.writeHead(status, { 'content-type': 'application/json' }).end(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.length = 0;
  });

  it('posts the JSON body with its headers and parses a large answer whole', async () => {
    // Larger than one socket read: the answer arrives in several chunks.
    const rows = Array.from({ length: 2_000 }, (_, i) => ({ n: i, subject: `Ticket «${i}» ñ` }));
    answer = () => ({ status: 200, text: JSON.stringify({ data: { rows } }) });
    const poster = new JsonPoster(url);
    try {
      const body = { query: '{ rows { n } }', variables: { q: 'conciliación' } };
      const res = await poster.post<{ data: { rows: typeof rows } }>(body, {
        authorization: 'Bearer t0k3n',
      });
      expect(res.data.rows).toEqual(rows);
      expect(JSON.parse(seen[0].body)).toEqual(body);
      expect(seen[0].headers).toMatchObject({
        authorization: 'Bearer t0k3n',
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(seen[0].body)),
      });
    } finally {
      poster.close();
    }
  });

  it('keeps one connection alive across sequential posts', async () => {
    answer = () => ({ status: 200, text: '{"data":{"ok":true}}' });
    const poster = new JsonPoster(url);
    try {
      for (let i = 0; i < 5; i++) await poster.post({ query: '{ ok }' });
      expect(new Set(seen.map((s) => s.socket)).size).toBe(1);
    } finally {
      poster.close();
    }
  });

  it('resolves a GraphQL error answer whatever its status, and rejects a body that is not JSON', async () => {
    const poster = new JsonPoster(url);
    try {
      answer = () => ({ status: 400, text: '{"errors":[{"message":"bad"}]}' });
      await expect(poster.post({ query: '{' })).resolves.toEqual({ errors: [{ message: 'bad' }] });
      answer = () => ({ status: 502, text: '<html>Bad Gateway</html>' });
      await expect(poster.post({ query: '{ ok }' })).rejects.toThrow(
        /HTTP 502 .*not JSON: <html>Bad Gateway/,
      );
    } finally {
      poster.close();
    }
  });
});
