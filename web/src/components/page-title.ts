// The browser tab names the page (QA S43, WCAG 2.4.2): «L3-2026-000003 Factura no timbra · Soporte
// L3», «Tablero de SLA · Soporte L3», not «Soporte L3» on every page. Read from the page's own
// <h1>, so no page has to say its title twice and a ticket's is right once its data arrives.
// Pure (no DOM): the unit tier tests it; follow-page-title.ts keeps the tab current.

/** `heading · app`, or the app's name alone when the page has no heading of its own. */
export function pageTitle(heading: string | null | undefined, appName: string): string {
  const text = heading?.replace(/\s+/g, ' ').trim();
  return text && text !== appName ? `${text} · ${appName}` : appName;
}
