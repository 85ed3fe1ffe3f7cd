// Paths the emails link to and the app serves: kept in one place so both agree (issue 5).

/** The ticket page's path (the same one the emails link to). */
export function ticketPath(number: string): string {
  return `/tickets/${encodeURIComponent(number)}`;
}

/** A ticket page showing one estimate version (the estimate emails' "review and authorize"). */
export function estimatePath(number: string, version: number): string {
  return `${ticketPath(number)}/estimates/${version}`;
}

export interface TicketRoute {
  readonly number: string;
  /** The estimate version the link points at, when it does. */
  readonly estimateVersion?: number;
}

/** `/tickets/<number>` or `/tickets/<number>/estimates/<version>`; null for any other path. */
export function matchTicketRoute(path: string): TicketRoute | null {
  const m = /^\/tickets\/([^/]+)(?:\/estimates\/([1-9]\d{0,5}))?\/?$/.exec(path);
  if (!m) return null;
  let number: string;
  try {
    number = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  return m[2] ? { number, estimateVersion: Number(m[2]) } : { number };
}
