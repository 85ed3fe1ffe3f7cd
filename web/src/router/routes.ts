// Paths the emails link to and the app serves: kept in one place so both agree (issue 5).
export { estimatePath, ticketPath } from '../../../src/shared/portal-paths';

export interface TicketRoute {
  readonly number: string;
  /** The estimate version the link points at, when it does. */
  readonly estimateVersion?: number;
}

/**
 * `/tickets/<number>` or `/tickets/<number>/estimaciones/<version>` (also `/estimates/<version>`,
 * as emails sent before the Spanish path linked it); null for any other path.
 */
export function matchTicketRoute(path: string): TicketRoute | null {
  const m = /^\/tickets\/([^/]+)(?:\/(?:estimaciones|estimates)\/([1-9]\d{0,5}))?\/?$/.exec(path);
  if (!m) return null;
  let number: string;
  try {
    number = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  return m[2] ? { number, estimateVersion: Number(m[2]) } : { number };
}
