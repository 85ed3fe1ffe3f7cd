import { patched } from '@temporalio/workflow';

/**
 * Patches a new ticket takes without asking Temporal.
 *
 * `patched(id)` records a marker, and the SDK upserts the `TemporalChangeVersion` search attribute,
 * the first time each patch is asked in a run: a new ticket's first task asked five (five markers
 * and five visibility writes before its own search attributes), and most transitions ask one or
 * two more. A run that started under code holding every patch below takes each of them anyway, so
 * its input says so (`TicketInput.foldedPatches`, set by the API for every ticket it starts) and
 * they answer true with no command. Runs started before (no level in their input, or carried
 * through continue-as-new from one) keep asking, and replay as they recorded.
 *
 * The set of a level is frozen: a patch added later is asked with `patched()` until a new level
 * holds it (and only workflows started with that level skip it).
 */
export const FOLDED_PATCHES_LEVEL = 3;

const LEVEL_1: ReadonlySet<string> = new Set([
  'release-at-end-after-cancel',
  'kept-wake-timer',
  'aimed-wake-timer',
  'sla-event-as-local-activity',
  'projection-as-local-activity',
  'restart-clock-one-computation',
  'registered-actor-role',
  'calendar-moves-schedules',
  'clock-computations-in-window',
  'classify-keeps-assignee',
  'requirement-assignee',
  'named-assignment-actor',
  'kept-assignment-actor',
  'cancel-releases-hours',
  'comment-answers-info-request',
  'public-reply-counts-as-progress',
  'change-order-not-authorized-in-testing',
  'admin-action-classified-problem-only',
  'resolved-auto-close',
  'adjust-release-date-from-date',
  'estimate-approval-reminders',
  'change-order-approval-reminders',
  'testing-reminders',
  'adopt-missing-reminders',
]);

/** Level 1 and the calendar edit that keeps what a running clock consumed (QA S60b). */
const LEVEL_2: ReadonlySet<string> = new Set([...LEVEL_1, 'recompute-keeps-consumed']);

/**
 * Level 2, a remote session's new calendar entry after a cancelled one (QA S63 #4), a remote
 * session withdrawn after classification, the state kept (QA S63), and a new triage clock when
 * one is withdrawn in triage (QA S63 #5).
 */
const LEVEL_3: ReadonlySet<string> = new Set([
  ...LEVEL_2,
  'remote-session-entry-after-cancel',
  'withdraw-remote-session-after-classification',
  'withdraw-remote-session-new-triage',
]);

/** The patches each level folds (level N holds every patch of the levels below it). */
export const FOLDED_PATCHES: readonly ReadonlySet<string>[] = [
  new Set(),
  LEVEL_1,
  LEVEL_2,
  LEVEL_3,
];

/**
 * `patched(id)`, or true with no marker when the run's level folds `id`. A level this code does not
 * know (a run started by newer code) fails the task, which Temporal retries until a worker running
 * that code takes it: asking `patched()` instead would not replay what that code recorded.
 */
export function takesPatch(level: number | undefined, id: string): boolean {
  const folded = FOLDED_PATCHES[level ?? 0];
  if (!folded) {
    throw new Error(
      `foldedPatches ${level} is newer than this worker's code (up to ${FOLDED_PATCHES_LEVEL})`,
    );
  }
  return folded.has(id) || patched(id);
}
