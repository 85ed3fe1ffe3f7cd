import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** What a spec's relay does with a session: its own callbacks on top of the common options. */
export type SmtpHandlers = Pick<SMTPServerOptions, 'onClose' | 'onData' | 'onRcptTo'>;

/**
 * A real SMTP server a spec owns on a fixed port (plain, no auth, no reverse lookup, quiet), that
 * can be stopped and started again; subclasses give the session callbacks (`handlers`).
 */
export abstract class SpecSmtpServer {
  private server: SMTPServer | null = null;

  constructor(readonly port: number) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  protected abstract handlers(): SmtpHandlers;

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      ...this.handlers(),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
