/**
 * `text` closed with a period, unless it already ends with one: a sentence whose last words are
 * a formatted date ends once, not «… 5:47 p.m..» (es-MX writes «a.m.»/«p.m.» with periods).
 */
export function endSentence(text: string): string {
  return /[.…]$/.test(text) ? text : `${text}.`;
}
