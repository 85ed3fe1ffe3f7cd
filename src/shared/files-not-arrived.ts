// L3-11 (QA S62 #5): which announced files have not arrived, shared by the API (the ticket's
// `missingAnnouncedFiles`) and the web app (which leaves out the files this tab is still sending).

/**
 * The announced names no arrived file answers, in announced order: each arrived name answers one
 * announced name of the same spelling (a name announced twice needs two files).
 */
export function filesNotArrived(
  announced: readonly string[],
  arrived: readonly string[],
): string[] {
  const left = new Map<string, number>();
  for (const name of arrived) left.set(name, (left.get(name) ?? 0) + 1);
  return announced.filter((name) => {
    const n = left.get(name) ?? 0;
    if (n === 0) return true;
    left.set(name, n - 1);
    return false;
  });
}
