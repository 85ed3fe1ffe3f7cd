import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { ServerResponse } from 'node:http';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Shown at `/` when the web app has not been built (`npm start` builds it; most test tiers do not). */
const NOT_BUILT_PAGE = `<!doctype html>
<html lang="es-MX"><head><meta charset="utf-8"><title>404</title></head>
<body><h1>404</h1>
<p>La aplicación web no está compilada en este servidor. La API GraphQL está en <a href="/graphql">/graphql</a>.</p>
<p lang="en">The web app is not built on this server. The GraphQL API is at <a href="/graphql">/graphql</a>.</p>
</body></html>
`;

/**
 * The built single-page app (`dist/web`): which file answers a path, and how it is sent.
 * Hashed files under `assets/` are cached for a year; everything else is revalidated.
 */
export class WebAssets {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** True when `index.html` exists (checked per request: a build may appear after boot). */
  get built(): boolean {
    return this.fileSize('index.html') !== undefined;
  }

  /** The file under the root for a URL path, or undefined (missing, a folder, or outside the root). */
  fileFor(urlPath: string): string | undefined {
    const relative = urlPath.replace(/^\/+/, '');
    if (relative === '' || relative.split('/').some((part) => part.startsWith('.')))
      return undefined;
    const file = resolve(this.root, relative);
    if (!file.startsWith(this.root + sep)) return undefined;
    return this.fileSize(relative) === undefined ? undefined : file;
  }

  /** Streams a file with its content type; HEAD gets the headers only. */
  send(res: ServerResponse, file: string, method: string): void {
    const size = statSync(file).size;
    const immutable = file.startsWith(join(this.root, 'assets') + sep);
    res.statusCode = 200;
    res.setHeader('content-type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('content-length', size);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  sendIndex(res: ServerResponse, method: string): void {
    this.send(res, join(this.root, 'index.html'), method);
  }

  sendNotBuilt(res: ServerResponse, method: string): void {
    res.statusCode = 404;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(method === 'HEAD' ? undefined : NOT_BUILT_PAGE);
  }

  private fileSize(relative: string): number | undefined {
    try {
      const stat = statSync(join(this.root, relative));
      return stat.isFile() ? stat.size : undefined;
    } catch {
      return undefined;
    }
  }
}
