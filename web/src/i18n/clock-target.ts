/** A clock's target as the API writes it («480 business minutes»), or null for any other text. */
export function parseClockTarget(target: string): { amount: number; unit: TargetUnit } | null {
  const m = /^(\d+(?:\.\d+)?) business (minutes|hours|days)$/.exec(target);
  return m ? { amount: Number(m[1]), unit: m[2] as TargetUnit } : null;
}

type TargetUnit = 'minutes' | 'hours' | 'days';

/**
 * A clock's target worded in `locale` with its `units` (singular, plural): whole hours are never
 * shown as minutes («480 business minutes» is «8 horas hábiles»); any other text stays as it is.
 */
export function wordClockTarget(
  target: string,
  locale: string,
  units: Readonly<Record<TargetUnit, readonly [string, string]>>,
): string {
  const parsed = parseClockTarget(target);
  if (!parsed) return target;
  const hours = parsed.unit === 'minutes' && parsed.amount % 60 === 0;
  const n = hours ? parsed.amount / 60 : parsed.amount;
  return `${n.toLocaleString(locale)} ${units[hours ? 'hours' : parsed.unit][n === 1 ? 0 : 1]}`;
}
