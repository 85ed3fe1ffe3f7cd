import { Locale } from '../../../src/identity/locale.enum';
import { passwordLinkUrl } from '../../../src/identity/password-link-email';
import { linkLanguage } from '../../../web/src/users/link-language';

// L3-04: an invitation or reset email is written in the user's language; its link names that
// language, so the password page opens in it (not in Spanish for an English user).

const search = (url: string) => new URL(url).search;

describe('password link language (L3-04)', () => {
  it("adds the recipient's language to the link, after the token", () => {
    expect(passwordLinkUrl('https://sla.example/', 'abc_-1', Locale.EN)).toBe(
      'https://sla.example/contrasena?token=abc_-1&lang=en',
    );
    expect(passwordLinkUrl('https://sla.example', 'abc', Locale.ES_MX)).toBe(
      'https://sla.example/contrasena?token=abc&lang=es-MX',
    );
    // No language known (or one the app does not speak): no parameter.
    expect(passwordLinkUrl('https://sla.example', 'abc')).toBe(
      'https://sla.example/contrasena?token=abc',
    );
    expect(passwordLinkUrl('https://sla.example', 'abc', 'fr' as Locale)).toBe(
      'https://sla.example/contrasena?token=abc',
    );
  });

  it('the page reads back the language the link names, and only en or es-MX', () => {
    expect(linkLanguage(search(passwordLinkUrl('https://x.example', 't', Locale.EN)))).toBe('en');
    expect(linkLanguage(search(passwordLinkUrl('https://x.example', 't', Locale.ES_MX)))).toBe(
      'es-MX',
    );
    expect(linkLanguage('?token=t')).toBeUndefined();
    expect(linkLanguage('?token=t&lang=fr')).toBeUndefined();
    expect(linkLanguage('?token=t&lang=EN')).toBeUndefined();
    expect(linkLanguage('')).toBeUndefined();
  });
});
