/**
 * The language a password link names (`/contrasena?token=…&lang=en`): the recipient's, the one
 * their email was written in. Only the app's two languages are taken; anything else is ignored.
 */
export function linkLanguage(search: string): 'en' | 'es-MX' | undefined {
  const lang = new URLSearchParams(search).get('lang');
  return lang === 'en' || lang === 'es-MX' ? lang : undefined;
}
