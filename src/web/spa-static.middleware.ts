import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WebAssets } from './web-assets';

/** Paths the API owns; the web app never answers them, whatever the method. */
const API_PREFIXES = ['/graphql', '/health', '/api'];

export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** A path without a file extension in its last segment is a client-side route of the SPA. */
export function isAppRoute(path: string): boolean {
  const last = path.split('/').pop() ?? '';
  return !last.includes('.');
}

/**
 * Serves the built web app: its files as they are, and `index.html` for any other GET of a
 * client-side route (history-API routing). API paths and unknown files fall through to Nest.
 */
@Injectable()
export class SpaStaticMiddleware implements NestMiddleware {
  constructor(@Inject(WebAssets) private readonly assets: WebAssets) {}

  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const method = req.method ?? 'GET';
    const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    let path: string;
    try {
      path = decodeURIComponent(new URL(url, 'http://local').pathname);
    } catch {
      return next();
    }
    if ((method !== 'GET' && method !== 'HEAD') || isApiPath(path)) return next();

    const file = this.assets.fileFor(path);
    if (file) return this.assets.send(res, file, method);
    if (!isAppRoute(path)) return next();
    if (!this.assets.built) return this.assets.sendNotBuilt(res, method);
    this.assets.sendIndex(res, method);
  }
}
