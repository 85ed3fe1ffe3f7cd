/**
 * `text` closed with a period, unless it already ends with one: a sentence whose last words are
 * a formatted date ends once, not «… 5:47 p.m..» (es-MX writes «a.m.»/«p.m.» with periods).
 */
export function endSentence(text: string): string {
  return /[.…]$/.test(text) ? text : `${text}.`;
}

/**
 * `text` opened with a capital, for a clause written to follow other words («se quitó el día
 * festivo …») that stands alone as a sentence: «Se quitó el día festivo …».
 */
export function startSentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
