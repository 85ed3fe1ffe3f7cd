import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { assertPortFree } from './ports';

/** One message as the catcher received it. */
export interface CaughtMail {
  readonly id: string;
  readonly messageId: string | null;
  readonly from: string;
  readonly to: string[];
  readonly subject: string;
  readonly date: string;
  readonly receivedAt: string;
  readonly text: string;
  readonly html: string | null;
  readonly attachments: { filename: string | null; contentType: string; size: number }[];
}

export interface SmtpCatcherOptions {
  readonly host: string;
  readonly smtpPort: number;
  readonly httpPort: number;
  /** Folder where every message is kept (raw `.eml` plus parsed `.json`), so mail survives restarts. */
  readonly dir: string;
}

export interface RunningSmtpCatcher {
  readonly smtpUrl: string;
  readonly webUrl: string;
  stop(): Promise<void>;
}

/**
 * A local SMTP catcher for development and tests: accepts every message on `smtpPort`, keeps it on
 * disk, and serves a mail viewer (`/`) and a JSON API (`/api/messages`) on `httpPort`.
 */
export async function startSmtpCatcher(options: SmtpCatcherOptions): Promise<RunningSmtpCatcher> {
  await assertPortFree(options.host, options.smtpPort, 'SMTP catcher', 'SMTP_CATCHER_PORT');
  await assertPortFree(options.host, options.httpPort, 'mail viewer', 'MAIL_VIEWER_PORT');
  mkdirSync(options.dir, { recursive: true });
  const mails = loadMails(options.dir);

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const id = `${Date.now().toString(36)}-${createHash('sha1').update(raw).digest('hex').slice(0, 10)}`;
            const mail: CaughtMail = {
              id,
              messageId: parsed.messageId ?? null,
              from: addressText(parsed.from),
              to: addressList(parsed.to),
              subject: parsed.subject ?? '',
              date: (parsed.date ?? new Date()).toISOString(),
              receivedAt: new Date().toISOString(),
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              attachments: parsed.attachments.map((a) => ({
                filename: a.filename ?? null,
                contentType: a.contentType,
                size: a.size,
              })),
            };
            writeFileSync(join(options.dir, `${id}.eml`), raw);
            writeFileSync(join(options.dir, `${id}.json`), JSON.stringify(mail, null, 2));
            mails.push(mail);
            callback();
          })
          .catch((err: Error) => callback(err));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort, options.host, () => resolve());
  });

  const web = createServer((req, res) => serveViewer(req, res, mails, options.dir));
  await new Promise<void>((resolve, reject) => {
    web.once('error', reject);
    web.listen(options.httpPort, options.host, () => resolve());
  });

  return {
    smtpUrl: `smtp://${options.host}:${options.smtpPort}`,
    webUrl: `http://${options.host}:${options.httpPort}`,
    stop: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await closeHttp(web);
    },
  };
}

function loadMails(dir: string): CaughtMail[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as CaughtMail)
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

function serveViewer(
  req: IncomingMessage,
  res: ServerResponse,
  mails: CaughtMail[],
  dir: string,
): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const raw = /^\/api\/messages\/([\w-]+)\/raw$/.exec(url.pathname);
  if (req.method === 'GET' && url.pathname === '/api/messages') {
    const to = url.searchParams.get('to');
    const list = to
      ? mails.filter((m) => m.to.some((t) => t.toLowerCase() === to.toLowerCase()))
      : mails;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list));
  } else if (req.method === 'GET' && raw) {
    const mail = mails.find((m) => m.id === raw[1]);
    if (!mail) res.writeHead(404).end('not found');
    else
      res
        .writeHead(200, { 'content-type': 'message/rfc822' })
        .end(readFileSync(join(dir, `${mail.id}.eml`)));
  } else if (req.method === 'GET' && url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(renderList(mails));
  } else {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

function renderList(mails: CaughtMail[]): string {
  const rows = [...mails]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${esc(m.receivedAt)}</td><td>${esc(m.to.join(', '))}</td><td>${esc(m.subject)}</td>` +
        `<td><details><summary>ver / view</summary><pre>${esc(m.text)}</pre></details></td>` +
        `<td><a href="/api/messages/${esc(m.id)}/raw">.eml</a></td></tr>`,
    )
    .join('');
  return (
    `<!doctype html><html lang="es-MX"><head><meta charset="utf-8"><title>Correo capturado</title>` +
    `<style>body{font-family:system-ui;margin:2rem}td,th{border-bottom:1px solid #ddd;padding:.4rem;vertical-align:top}</style>` +
    `</head><body><h1>Correo capturado (${mails.length})</h1>` +
    `<table><tr><th>Recibido</th><th>Para</th><th>Asunto</th><th>Texto</th><th></th></tr>${rows}</table></body></html>`
  );
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function addressText(a: AddressObject | AddressObject[] | undefined): string {
  if (!a) return '';
  return (Array.isArray(a) ? a : [a]).map((x) => x.text).join(', ');
}

function addressList(a: AddressObject | AddressObject[] | undefined): string[] {
  if (!a) return [];
  return (Array.isArray(a) ? a : [a])
    .flatMap((x) => x.value.map((v) => v.address ?? ''))
    .filter(Boolean);
}

async function closeHttp(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
