/** A clock's target as the API writes it («480 business minutes»), or null for any other text. */
export function parseClockTarget(
  target: string,
): { amount: number; unit: 'minutes' | 'hours' | 'days' } | null {
  const m = /^(\d+(?:\.\d+)?) business (minutes|hours|days)$/.exec(target);
  return m ? { amount: Number(m[1]), unit: m[2] as 'minutes' | 'hours' | 'days' } : null;
}
