/**
 * A percentage as each language writes it: «87.5 %» in Spanish (a space before the sign, as the
 * app has always shown it), «87.5%» in English (QA S14-F: the English board read «0 %»).
 */
export function formatPercent(percent: number, language: string): string {
  const n = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(percent);
  return language === 'en' ? `${n}%` : `${n} %`;
}
