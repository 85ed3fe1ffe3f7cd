// The ticket page's SLA clocks, one line per clock kind (QA, L3-07). Pure, so the unit tier tests it.

/** What grouping needs of a clock (a subset of `SlaClock`). */
export interface ClockRun {
  readonly id: string;
  readonly kind: string;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly breachedAt: string | null;
}

/** One clock kind: its current run and the runs before it. */
export interface ClockKindRuns<C extends ClockRun> {
  readonly kind: string;
  /** The open run, or the latest started one when every run has ended. */
  readonly current: C;
  /** The other runs, newest first. */
  readonly earlier: readonly C[];
  /** How many of `earlier` were breached (said on the folded line, so no breach is hidden). */
  readonly earlierBreached: number;
}

/**
 * The progress clock runs again after each progress update (L3-07), so a long ticket has dozens
 * of runs of one kind. Grouped by kind in the order the kinds first appear: the current run is
 * the one shown, the earlier ones are folded under it («N plazos anteriores»).
 */
export function groupClockRuns<C extends ClockRun>(clocks: readonly C[]): ClockKindRuns<C>[] {
  const byKind = new Map<string, C[]>();
  for (const clock of clocks) {
    const runs = byKind.get(clock.kind);
    if (runs) runs.push(clock);
    else byKind.set(clock.kind, [clock]);
  }
  return [...byKind].map(([kind, runs]) => {
    // Newest first; ISO instants compare as strings.
    const sorted = [...runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    const current = sorted.find((c) => c.endedAt === null) ?? sorted[0];
    const earlier = sorted.filter((c) => c !== current);
    return {
      kind,
      current,
      earlier,
      earlierBreached: earlier.filter((c) => c.breachedAt !== null).length,
    };
  });
}
