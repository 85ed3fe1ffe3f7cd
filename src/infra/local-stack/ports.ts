import { createConnection, createServer } from 'node:net';

/** A port another process already holds; the message tells the user what to change. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly purpose: string,
    readonly envVar: string,
  ) {
    super(
      `Port ${port} (${purpose}) is already in use by another process. ` +
        `Stop that process or choose another port with ${envVar}=<port>.`,
    );
    this.name = 'PortInUseError';
  }
}

/** Fails with {@link PortInUseError} when `port` cannot be bound on `host`. */
export async function assertPortFree(
  host: string,
  port: number,
  purpose: string,
  envVar: string,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(port, purpose, envVar) : err);
    });
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => resolve()));
  });
}

/**
 * Resolves once something accepts TCP connections on host:port, or rejects after timeoutMs (or
 * once `signal` aborts: the caller stopped waiting).
 */
export async function waitForPort(
  host: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (open) return;
    if (Date.now() > deadline)
      throw new Error(`nothing listened on ${host}:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
