import { containsPattern } from '../common/like-pattern';
import { typedTicketNumber } from '../shared/ticket-number-pattern';
import { unaccented } from './ticket-event-sql';

/**
 * The words of a text search, each as its `ILIKE` pattern: a ticket matches when it holds all of
 * them, in any order («Reporte ventas» finds «Reporte de ventas mensual»). Accents aside (Spanish
 * users often type without them): «rubi» finds «rubí»; a number typed short, «L3-2026-6», is
 * that ticket's. Blank text searches as it is typed (no word: nothing to leave out).
 */
export function searchPatterns(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const patterns = (words.length ? words : [text]).map((word) =>
    containsPattern(unaccented(typedTicketNumber(word))),
  );
  return [...new Set(patterns)];
}
