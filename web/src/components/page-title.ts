// The browser tab names the page (QA S43, WCAG 2.4.2): «L3-2026-000003 Factura no timbra · Soporte
// L3», «Tablero de SLA · Soporte L3», not «Soporte L3» on every page. Read from the page's own
// <h1>, so no page has to say its title twice and a ticket's is right once its data arrives.

/** `heading · app`, or the app's name alone when the page has no heading of its own. */
export function pageTitle(heading: string | null | undefined, appName: string): string {
  const text = heading?.replace(/\s+/g, ' ').trim();
  return text && text !== appName ? `${text} · ${appName}` : appName;
}

/**
 * Keeps `document.title` at {@link pageTitle} of the first <h1> in <main> (else in the body)
 * while the page changes; answers the function that stops it.
 */
export function followPageTitle(appName: string): () => void {
  const update = () => {
    const heading = document.querySelector('main h1') ?? document.querySelector('h1');
    const title = pageTitle(heading?.textContent, appName);
    if (document.title !== title) document.title = title;
  };
  update();
  const observer = new MutationObserver(update);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
