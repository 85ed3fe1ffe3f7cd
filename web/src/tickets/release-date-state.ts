import { eventData } from './timeline-filter';

/** What the ticket page reads of a timeline event to tell whether the release date holds. */
export interface ReleaseDateEvent {
  readonly seq: number;
  readonly type: string;
  readonly data: string;
}

/**
 * L3-09 (QA S18): the client reported failures in the release after the last release date was
 * published, so that date no longer holds: the page shows it as the previous one until the agent
 * publishes a new date (`setReleaseDate`, an adjustment of the release date) or releases again.
 */
export function releaseDateSuperseded(timeline: readonly ReleaseDateEvent[]): boolean {
  let failures = -1;
  let renewed = -1;
  for (const e of timeline) {
    if (e.type === 'reportFailures') failures = Math.max(failures, e.seq);
    else if (
      e.type === 'setReleaseDate' ||
      e.type === 'releaseForTesting' ||
      (e.type === 'DATE_ADJUSTED' && eventData(e.data).subjectDate !== 'REMOTE_SESSION')
    ) {
      renewed = Math.max(renewed, e.seq);
    }
  }
  return failures > renewed;
}
