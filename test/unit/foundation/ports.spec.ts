import { createServer, type Server } from 'node:net';
import { assertPortFree, PortInUseError } from '../../../src/infra/local-stack/ports';

// Foundation: a port already in use gives a clear message naming the variable to change.

describe('assertPortFree', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('names the port, its purpose and the variable when the port is taken', async () => {
    const attempt = assertPortFree('127.0.0.1', port, 'API', 'API_PORT');
    await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
    await expect(attempt).rejects.toThrow(`Port ${port} (API) is already in use`);
    await expect(attempt).rejects.toThrow('API_PORT=<port>');
  });

  it('resolves for a free port', async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await expect(assertPortFree('127.0.0.1', port, 'API', 'API_PORT')).resolves.toBeUndefined();
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  });
});
