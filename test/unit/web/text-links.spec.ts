import { splitLinks } from '../../../web/src/components/text-links';

// QA S54: a release note's address to the test server was plain text on the ticket page (L3-09).

const joined = (text: string) =>
  splitLinks(text)
    .map((p) => p.text)
    .join('');

describe('web addresses in what people wrote', () => {
  it('links an address and leaves the words around it, the sentence’s period outside', () => {
    const note = 'Ya está en pruebas: https://pruebas.aurora.example/web#id=42. Avísenos.';
    expect(splitLinks(note)).toEqual([
      { text: 'Ya está en pruebas: ' },
      {
        text: 'https://pruebas.aurora.example/web#id=42',
        url: 'https://pruebas.aurora.example/web#id=42',
      },
      { text: '. Avísenos.' },
    ]);
    expect(joined(note)).toBe(note);
  });

  it('finds several, inside «» and parentheses, and keeps a parenthesis the address opened', () => {
    const text =
      'Ver «https://a.example/x» (y http://localhost:8069/web) y https://es.wikipedia.org/wiki/Odoo_(software).';
    const urls = splitLinks(text).flatMap((p) => ('url' in p ? [p.url] : []));
    expect(urls).toEqual([
      'https://a.example/x',
      'http://localhost:8069/web',
      'https://es.wikipedia.org/wiki/Odoo_(software)',
    ]);
    expect(joined(text)).toBe(text);
  });

  it('links only http(s) addresses with a host; text without one is one plain part', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,hola', 'https://', 'sin enlace', ''])
      expect(splitLinks(text)).toEqual([{ text }]);
    expect(splitLinks('ftp://a.example/x y https://x')).toEqual([
      { text: 'ftp://a.example/x y https://x' },
    ]);
  });
});
