// Web addresses in what people wrote (comments, notes, a release note's link to the test server)
// found so the page can link them (QA S54: a release note's address was plain text). Pure (no DOM,
// no React): the unit tier tests it directly.

/** A run of plain text, or an address with the text it shows. */
export type TextPart = { readonly text: string } | { readonly text: string; readonly url: string };

/** `http://` or `https://` up to a space or a character an address does not hold here. */
const ADDRESS = /\bhttps?:\/\/[^\s<>"«»“”]+/gi;
/** Punctuation a sentence puts right after an address, not part of it («…/prueba.»). */
const TRAILING = /[.,;:!?'’)\]]+$/;

/**
 * `text` split into plain runs and addresses, in order; joined again they give `text` back. Only
 * `http(s)` addresses are links (never `javascript:` or `data:`); a closing parenthesis is kept
 * when the address opened one (`…/Foo_(bar)`).
 */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(ADDRESS)) {
    let url = match[0];
    const trailing = TRAILING.exec(url)?.[0] ?? '';
    if (trailing) url = url.slice(0, -trailing.length);
    // Give back one «)» the address opened itself.
    if (trailing.startsWith(')') && url.includes('(') && !url.includes(')')) url += ')';
    if (!/^https?:\/\/[^/?#]+\.[^/?#]+|^https?:\/\/localhost\b/i.test(url)) continue;
    const start = match.index;
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ text: url, url });
    at = start + url.length;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at) });
  return parts;
}
