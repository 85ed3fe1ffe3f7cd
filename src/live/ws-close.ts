/** graphql-ws close code for a refused or ended session (its own `Unauthorized`). */
export const WS_UNAUTHORIZED = 4401;
/**
 * Close code asking the client to come back (1012, Service Restart: graphql-ws retries it, and the
 * web app reads again what it shows after a reconnection).
 */
export const WS_RECONNECT = 1012;
/** A WebSocket close reason is at most 123 bytes (UTF-8). */
const MAX_CLOSE_REASON = 123;

/** What of a `ws` socket the close needs. */
export interface ClosableSocket {
  close(code: number, reason: string): void;
}

/**
 * Closes a graphql-ws connection with 4401 and `<code>: <message>` (e.g. `UNAUTHENTICATED: The
 * session ended because the password changed; log in again`), which the client can word; cut to
 * the 123 bytes a close reason may hold, never inside a character.
 */
export function closeUnauthorized(socket: ClosableSocket, code: string, message: string): void {
  const chars = [...`${code}: ${message}`];
  while (Buffer.byteLength(chars.join('')) > MAX_CLOSE_REASON) chars.pop();
  socket.close(WS_UNAUTHORIZED, chars.join(''));
}

/** Closes a connection whose live updates may have missed changes: the client reconnects, re-reads. */
export function closeToResync(socket: ClosableSocket): void {
  socket.close(WS_RECONNECT, 'Live updates were interrupted; reconnect and read again');
}
