import type { AppConfig } from '../config/app-config';
import { mailDomain } from './message-id';
import type { RenderOptions } from './templates/render-email';

/** What every email is rendered with from the configuration: the links' base, the sender, the Message-ID domain. */
export function renderOptionsOf(config: AppConfig): RenderOptions {
  return {
    publicUrl: config.api.publicUrl,
    from: config.mail.from,
    domain: mailDomain(config.mail.from),
  };
}
