// A name as a URL- and file-safe handle. Pure (no Node, DOM or Nest): the API and the web app
// share it (an organization's slug, the client in a statement's file name).

/** "Comercializadora Aurora, S.A." → "comercializadora-aurora-s-a". */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}
