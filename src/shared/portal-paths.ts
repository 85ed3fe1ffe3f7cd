// The web app's pages that server emails link to, so both agree (issue 5). Pure (no Node, DOM or
// Nest): Vite bundles it into the web app by a relative path.

/** «¿Olvidó su contraseña?»: asks for a reset link (L3-04); the login page links to it. */
export const FORGOT_PASSWORD_PATH = '/olvide-contrasena';

/** The ticket page's path (the same one the emails link to). */
export function ticketPath(number: string): string {
  return `/tickets/${encodeURIComponent(number)}`;
}

/**
 * What follows the ticket's path on the page of one estimate version (the estimate emails'
 * «Revisar y autorizar», L3-08): Spanish, as the app's other paths. Links sent before said
 * `/estimates/<v>`; the app still opens them (`matchTicketRoute`).
 */
export function estimateSuffix(version: number): string {
  return `/estimaciones/${version}`;
}

/** A ticket page showing one estimate version. */
export function estimatePath(number: string, version: number): string {
  return `${ticketPath(number)}${estimateSuffix(version)}`;
}
