/**
 * Lower case without accents, so «mexico» finds «México», «bogota» finds «Bogotá» and «ursula»
 * finds «Úrsula»; a zone id's «_» and «/» read as spaces and «−» as «-». Fold both the text and
 * what was typed: the time-zone picker and the users list search with it.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[_/]/g, ' ')
    .replace(/−/g, '-')
    .toLowerCase();
}
