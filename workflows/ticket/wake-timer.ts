import { CancellationScope, condition, isCancellation, sleep } from '@temporalio/workflow';

/**
 * Since this patch the ticket loop's durable timer outlives the changes that do not need an
 * earlier wake. Before it, every change cancelled the timer and started another: a progress update
 * (L3-07), which restarts its clock and so moves the next deadline later, cost two more commands
 * and history events, a cancellation (an error built with its stack) and a scope of promises, all
 * on the Update's path. Now the armed timer stays while it fires no later than the next due time;
 * when it fires early the loop arms the rest (one wake off the Update's path). Runs that waited
 * before the patch replay as they were recorded.
 */
export const KEPT_WAKE_TIMER_PATCH = 'kept-wake-timer';

/**
 * Since this patch a wait longer than {@link AIM_LEAD_MS} is armed that much early, and its
 * firing arms the rest. A timer starts when the server takes the task that armed it, while its
 * length was reckoned from the task's start (workflow time stands still within a task): a task
 * that first ran local activities (the projection of a change, the recording of an event) started
 * every timer it armed that much late, 0.1–1 s under a burst of clocks on the 2-core VM, and each
 * clock fired that much after its deadline (docs/PERFORMANCE.md, session 42). The early wake's
 * task runs nothing else, so the rest is armed within milliseconds of its reckoning. Runs that
 * waited before the patch replay as they were recorded.
 */
export const AIMED_WAKE_PATCH = 'aimed-wake-timer';

/** How early a long wait wakes to aim the rest (more than a task waits under load). */
export const AIM_LEAD_MS = 5_000;

/** The loop's one armed timer: when it fires, and whether it has. */
export class WakeTimer {
  private fired = false;
  private readonly scope = new CancellationScope();

  /** Arms a timer of `ms` for the wake due at `at` (epoch ms). */
  constructor(
    readonly at: number,
    ms: number,
  ) {
    this.scope
      .run(() => sleep(ms))
      .then(
        () => {
          this.fired = true;
        },
        (err: unknown) => {
          // Cancelled by `cancel` (an earlier wake is due): nothing to do. Anything else is a bug
          // and fails the workflow task, as an unhandled rejection would.
          if (!isCancellation(err)) throw err;
        },
      );
  }

  /** Still the timer for a wake due at `at`: armed, not fired, and not later than `at`. */
  serves(at: number): boolean {
    return !this.fired && this.at <= at;
  }

  /** Waits until the timer fires or `changed()` holds; true when it fired. */
  async until(changed: () => boolean): Promise<boolean> {
    await condition(() => this.fired || changed());
    return this.fired;
  }

  /** Cancels the timer unless it already fired (a fired one has nothing to cancel). */
  cancel(): void {
    if (!this.fired) this.scope.cancel();
  }
}
