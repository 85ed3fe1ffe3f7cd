import { once } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Pool, type PoolConfig } from 'pg';
import { typeOrmOptions } from '../../../src/database/typeorm-options';

// Issue 10 (faults): PostgreSQL killed (kill -9) while a pool opens a connection. The dying server's
// last startup message and its FATAL can arrive in one TCP read; `pg-pool` has already taken its
// listener off the client it hands out and TypeORM adds its own only on a later promise, so `pg`
// emitted `error` with nobody listening and Node threw it (CI: the fault tier's crash test failed
// with "Unhandled error. (error: terminating connection due to unexpected postmaster exit"). A fake
// server replays exactly that read; the pool is built with the options TypeORM gets.

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const AUTHENTICATION_OK = message('R', Buffer.from([0, 0, 0, 0]));
const READY_FOR_QUERY = message('Z', Buffer.from('I', 'latin1'));
const POSTMASTER_EXIT = message(
  'E',
  Buffer.from(
    ['SFATAL', 'VFATAL', 'C57P01', 'Mterminating connection due to unexpected postmaster exit']
      .map((field) => `${field}\0`)
      .join('') + '\0',
    'latin1',
  ),
);

describe('pool clients survive a server that dies while they connect (issue 10)', () => {
  let server: Server;
  const sockets: Socket[] = [];
  let url: string;

  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.push(socket);
      // The startup message is the first thing the client sends: answer it in one write.
      socket.once('data', () => {
        socket.write(Buffer.concat([AUTHENTICATION_OK, READY_FOR_QUERY, POSTMASTER_EXIT]));
      });
      socket.on('error', () => undefined);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `postgres://sla:sla@127.0.0.1:${(server.address() as AddressInfo).port}/sla`;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    server.close();
    await once(server, 'close');
  });

  it('hands out the dead client without throwing; its next query is refused, not lost', async () => {
    const extra = (typeOrmOptions(url) as { extra: PoolConfig }).extra;
    const pool = new Pool({ ...extra, connectionString: url });
    const poolErrors: Error[] = [];
    pool.on('error', (err) => poolErrors.push(err));
    // What TypeORM does: take a client, then add its own listener once the promise settles.
    const client = await pool.connect();
    const held: Error[] = [];
    client.on('error', (err) => held.push(err));
    await expect(client.query('SELECT 1')).rejects.toThrow(/not queryable|terminat/i);
    client.release(true);
    await pool.end();
    // The FATAL reached no one while the client changed hands, and the process is still here.
    expect(held).toEqual([]);
    expect(poolErrors).toEqual([]);
  });
});
