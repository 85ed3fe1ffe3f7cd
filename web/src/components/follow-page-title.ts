import { pageTitle } from './page-title';

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
