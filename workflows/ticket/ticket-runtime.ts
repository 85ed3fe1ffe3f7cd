import {
  proxyActivities,
  proxyLocalActivities,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { takesPatch } from './folded-patches';
import { searchAttributeUpdates, searchAttributesKey } from './ticket-search-attributes';
import type { SlaClockKind, SlaEventActivities } from '../sla/sla-events.contract';
import {
  type ClockEvent,
  isOpen,
  newClock,
  nextDeadlineOf,
  pendingEvent,
  type SlaClockView,
  slaStatusOf,
  withComputation,
} from './sla-clock';
import type {
  Actor,
  CarriedTicketState,
  ClockComputation,
  ClockComputationArgs,
  TicketInput,
  TicketLocalActivities,
  TicketView,
  TransitionResult,
} from './ticket.contract';
import {
  APPROVAL_REMINDER_BUSINESS_DAYS,
  APPROVAL_REMINDER_LIMIT,
  AUTO_CLOSE_BUSINESS_DAYS,
  AUTO_CLOSE_REMINDER_BUSINESS_DAYS,
  clockId,
  KEPT_ENDED_CLOCK_RUNS,
  KEPT_TIMELINE_EVENTS,
  REMEMBERED_REQUESTS,
  isTicketEnded,
  TESTING_REMINDER_BUSINESS_DAYS,
  TESTING_REMINDER_LIMIT,
} from './ticket.contract';
import {
  clockData,
  clockTarget,
  initialView,
  computationWindow,
  openedView,
  openingTriageClock,
} from './ticket-opening';
import {
  APPROVAL_REMINDERS_PATCH,
  CHANGE_ORDER_REMINDERS_PATCH,
  liveChangeOrderReminder,
  pendingChangeOrderReminder,
  pendingReminder,
  type ReminderDue,
} from './approval-reminders';
import { AUTO_CLOSE_PATCH, pendingAutoClose, type AutoCloseStep } from './auto-close';
import { ADOPT_REMINDERS_PATCH, remindersToAdopt } from './adopted-reminders';
import {
  pendingTestingReminder,
  TESTING_REMINDERS_PATCH,
  type TestingReminderDue,
} from './testing-reminders';
import { readModelSlice, type TicketProjectionActivities } from './ticket-projection';
import { type BusinessWindow, computeInWindow } from './clock-arithmetic';
import { fail } from './transitions';

// Retried until PostgreSQL answers, at most 10 s apart: what fell due during a database outage
// is recorded within about 10 s of its return (issue 10), not up to a minute later.
const { recordSlaEvent } = proxyActivities<SlaEventActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
});
// Since SLA_EVENT_LOCAL_PATCH the same write is a local activity: it runs inside the firing's own
// workflow task, so a breach costs one task and no activity round trip through the server (the
// timer bench's "recorded" lateness; issue 10). Idempotent (unique per clock and event) and
// retried as the projection is. Runs that fired before the patch replay with the activity above.
const slaEvents = proxyLocalActivities<SlaEventActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds' },
});
const SLA_EVENT_LOCAL_PATCH = 'sla-event-as-local-activity';

// Pure business-time computations as local activities: their results are recorded in history, so
// replay never recomputes a deadline (a calendar edit cannot change the past).
const businessTime = proxyLocalActivities<TicketLocalActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds' },
});

// The event log and read model in PostgreSQL (issue 4); retried until the database answers.
// A local activity: it runs inside the workflow task, so an Update answers after one server
// round trip instead of four (schedule, poll, complete, next task). The write is idempotent
// (events keyed by sequence), so a re-run after a worker crash changes nothing. At most 10 s
// between attempts, as `recordSlaEvent`.
const projection = proxyLocalActivities<TicketProjectionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds' },
});
// Runs started before LOCAL_PROJECTION_PATCH projected with a regular activity; their histories
// replay with it.
const legacyProjection = proxyActivities<TicketProjectionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
const LOCAL_PROJECTION_PATCH = 'projection-as-local-activity';
const ONE_COMPUTATION_RESTART_PATCH = 'restart-clock-one-computation';
/**
 * The `registered` event records the role the registrant registered in (L3-04/L3-11: an approver
 * may register too); runs before it, and inputs without the role, record CLIENT_USER.
 */
const REGISTERED_ACTOR_ROLE_PATCH = 'registered-actor-role';
/** A calendar change moves the approver reminder and the auto-close too (older runs: not). */
const SCHEDULES_FOLLOW_CALENDAR_PATCH = 'calendar-moves-schedules';
/**
 * Clock computations inside the calendar window the last local activity returned are made in the
 * workflow (issues 5/10: a progress update costs one local activity, its projection, instead of
 * two). Older runs replay with a local activity per computation.
 */
const CLOCK_WINDOW_PATCH = 'clock-computations-in-window';
/**
 * A calendar edit keeps what a running clock consumed up to the edit (QA S60b: it counted the open
 * segment as nothing, so the time left read its whole target again until the next pause). Older
 * runs replay as they recorded.
 */
const RECOMPUTE_KEEPS_CONSUMED_PATCH = 'recompute-keeps-consumed';

/** Mutable state of one ticket run and the operations every transition is built from. */
export class TicketRuntime {
  view: TicketView;
  /** Bumped on every change, so the clock loop re-arms its timer. */
  revision = 0;
  calendarDirty = false;
  /** L3-12: the ending transition already released the unused reserved hours (a cancellation). */
  hoursReleased = false;
  /**
   * The calendar version the reminders and the auto-close were last computed on (rebuilt on replay
   * from the computations in history, and carried through continue-as-new; unknown only in runs
   * continued before it was carried, until their first computation). A SCHEDULE_RECOMPUTED event
   * names the versions after it, so the history can say which calendar change moved a reminder
   * (BUSINESS-TIME.md, L3-06).
   */
  private scheduleCalendarVersion: number | undefined;
  private readonly processed: Map<string, TransitionResult>;
  private lockTail: Promise<void> = Promise.resolve();
  private published = '';
  /** Timeline events up to this sequence number are in the event log already. */
  private projectedSeq: number;
  /** Each clock as last projected (views are replaced, never mutated): batches carry the rest. */
  private readonly projectedClocks = new Map<string, SlaClockView>();
  /**
   * The working intervals of the ticket's calendar the last computation's local activity returned
   * (in history: replay rebuilds it); dropped on a calendar change. Not carried: a continued run
   * asks again with its first computation.
   */
  private window: BusinessWindow | undefined;

  constructor(private readonly input: TicketInput) {
    const carried: CarriedTicketState | undefined = input.carried;
    this.view = carried?.view ?? initialView(input);
    this.processed = new Map((carried?.processed ?? []).map((r) => [r.requestId, r]));
    this.projectedSeq = carried?.projectedSeq ?? 0;
    this.scheduleCalendarVersion = carried?.scheduleCalendarVersion;
    // What the start set (a registration's): the first task upserts only if its state differs.
    if (!carried) this.published = input.searchAttributesAtStart ?? '';
  }

  get ticketNumber(): string {
    return this.view.ticketNumber;
  }

  isTerminal(): boolean {
    return isTicketEnded(this.view.state);
  }

  /**
   * Runs `fn` alone: transitions and clock firings never interleave (FIFO). What `fn` recorded is
   * projected to PostgreSQL before the lock is released, so an Update's caller reads its own write.
   */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.lockTail;
    let release!: () => void;
    this.lockTail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      const result = await fn();
      await this.project();
      return result;
    } finally {
      release();
    }
  }

  /** Appends the timeline events not yet in the event log, with the read model after them. */
  private async project(): Promise<void> {
    const events = this.view.timeline.filter((e) => e.seq > this.projectedSeq);
    if (!events.length) return;
    const clocks = this.view.clocks.filter((c) => this.projectedClocks.get(c.id) !== c);
    const slice = readModelSlice(this.view, clocks);
    const batch = { ticketNumber: this.ticketNumber, events, slice };
    if (this.patched(LOCAL_PROJECTION_PATCH)) await projection.projectTicket(batch);
    else await legacyProjection.projectTicket(batch);
    this.projectedSeq = events[events.length - 1].seq;
    for (const clock of clocks) this.projectedClocks.set(clock.id, clock);
    this.dropLoggedEvents();
    this.dropProjectedEndedClocks();
  }

  /**
   * Keeps the state bounded: projected ended clock runs beyond the newest KEPT_ENDED_CLOCK_RUNS
   * are dropped (only open runs drive timers and status; run numbers go on from the count).
   */
  private dropProjectedEndedClocks(): void {
    const { clocks } = this.view;
    const ended = clocks.filter((c) => !isOpen(c) && this.projectedClocks.get(c.id) === c);
    const excess = ended.length - KEPT_ENDED_CLOCK_RUNS;
    if (excess <= 0) return;
    const dropped = new Set(ended.slice(0, excess));
    const droppedClockRuns = { ...this.view.droppedClockRuns };
    for (const clock of dropped) {
      droppedClockRuns[clock.kind] = (droppedClockRuns[clock.kind] ?? 0) + 1;
      this.projectedClocks.delete(clock.id);
    }
    this.update({ clocks: clocks.filter((c) => !dropped.has(c)), droppedClockRuns });
  }

  /** Keeps the state bounded: logged events beyond the newest KEPT_TIMELINE_EVENTS are dropped. */
  private dropLoggedEvents(): void {
    const { timeline } = this.view;
    const excess = Math.min(
      timeline.length - KEPT_TIMELINE_EVENTS,
      timeline.filter((e) => e.seq <= this.projectedSeq).length,
    );
    if (excess <= 0) return;
    this.update({ timeline: timeline.slice(excess) });
  }

  /** The stored result of an earlier request with this ID (idempotent retry), if any. */
  earlierResult(requestId: unknown, update: string): TransitionResult | undefined {
    if (typeof requestId !== 'string') return undefined;
    const prior = this.processed.get(requestId);
    if (prior && prior.update !== update) {
      fail('VALIDATION_FAILED', `requestId ${requestId} was already used by ${prior.update}`, {
        reason: 'REQUEST_ID_REUSED',
        requestId,
        update: prior.update,
      });
    }
    return prior;
  }

  remember(result: TransitionResult): TransitionResult {
    this.processed.set(result.requestId, result);
    if (this.processed.size > REMEMBERED_REQUESTS) {
      this.processed.delete(this.processed.keys().next().value!);
    }
    return result;
  }

  carry(): CarriedTicketState {
    return {
      view: this.view,
      processed: [...this.processed.values()],
      projectedSeq: this.projectedSeq,
      // Data in the next run's input, not a command: no patch (BUSINESS-TIME.md, L3-06).
      ...(this.scheduleCalendarVersion === undefined
        ? {}
        : { scheduleCalendarVersion: this.scheduleCalendarVersion }),
    };
  }

  update(patch: Partial<TicketView>): void {
    this.view = { ...this.view, ...patch };
  }

  /**
   * Adds fields to a timeline event the current transition recorded (not in the event log yet:
   * events are projected when the transition releases the lock), e.g. what an activity answered.
   */
  amend(seq: number, data: Record<string, unknown>): void {
    this.update({
      timeline: this.view.timeline.map((e) =>
        e.seq === seq && e.seq > this.projectedSeq ? { ...e, data: { ...e.data, ...data } } : e,
      ),
    });
  }

  /** Appends a timeline event and returns its sequence number. */
  record(type: string, actor: Actor | null, data: Record<string, unknown>, at?: string): number {
    // Sequence numbers go on from the newest event (older logged ones may have been dropped).
    const seq = (this.view.timeline.at(-1)?.seq ?? 0) + 1;
    const event = { seq, type, at: at ?? nowIso(), actor, data };
    this.update({ timeline: [...this.view.timeline, event] });
    return seq;
  }

  /** Whether this run takes patch `id` (folded-patches.ts: no marker when its input folds it). */
  patched(id: string): boolean {
    return takesPatch(this.input.foldedPatches, id);
  }

  /** Marks a change: the clock loop re-arms and the search attributes are upserted. */
  changed(): void {
    this.revision++;
    const slaStatus = slaStatusOf(this.view.clocks);
    const nextDeadline = nextDeadlineOf(this.view.clocks);
    this.update({ slaStatus, nextDeadline });
    if (this.input.searchAttributes === false) return;
    const key = searchAttributesKey(this.view);
    if (key === this.published) return;
    this.published = key;
    upsertSearchAttributes(searchAttributeUpdates(this.view));
  }

  openClock(kind: SlaClockKind): SlaClockView | undefined {
    return this.view.clocks.find((clock) => clock.kind === kind && isOpen(clock));
  }

  private putClock(clock: SlaClockView): void {
    const exists = this.view.clocks.some((c) => c.id === clock.id);
    const clocks = exists
      ? this.view.clocks.map((c) => (c.id === clock.id ? clock : c))
      : [...this.view.clocks, clock];
    this.update({ clocks });
  }

  private async compute(clock: SlaClockView, until?: string): Promise<ClockComputation> {
    const args = this.computationArgs(clock, until);
    if (!this.patched(CLOCK_WINDOW_PATCH)) return businessTime.computeClockDeadlines(args);
    return (await this.computeBatch([args]))[0];
  }

  /**
   * Clock computations (BUSINESS-TIME.md) by the engine's own steps: in the workflow when they
   * fit the recorded window, else by the local activity, which also returns a new window.
   */
  private async computeBatch(
    batch: readonly ClockComputationArgs[],
  ): Promise<readonly ClockComputation[]> {
    const local = this.window && computeInWindow(this.window, batch);
    if (local) return local;
    const now = Date.now();
    const { fromMs, toMs } = computationWindow(
      Math.min(...batch.map((args) => Date.parse(args.startedAt))),
      now,
    );
    const answer = await businessTime.computeClockDeadlinesWithWindow({
      calendarId: this.view.calendarId,
      batch,
      window: { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() },
    });
    this.window = answer.window;
    return answer.computations;
  }

  /** A calendar edit (signal): running deadlines are recomputed on the new version. */
  calendarChanged(): void {
    this.calendarDirty = true;
    this.window = undefined;
    this.revision++;
  }

  private computationArgs(clock: SlaClockView, until?: string): ClockComputationArgs {
    return {
      calendarId: this.view.calendarId,
      startedAt: clock.startedAt,
      amount: clock.target.amount,
      unit: clock.target.unit,
      pauses: clock.pauses,
      ...(until === undefined ? {} : { until }),
      atRiskFraction: this.view.atRiskFraction,
    };
  }

  /** L3-07 automatic assignment: the least-loaded candidate. */
  async pickAgent(candidateAgentIds: readonly string[]): Promise<string> {
    const picked = await businessTime.pickAgent({
      ticketNumber: this.ticketNumber,
      candidateAgentIds,
    });
    return picked.agentId;
  }

  /** Whether a release date is business time (or a closing instant) on the ticket's calendar. */
  async isBusinessInstant(releaseDate: string): Promise<boolean> {
    const check = await businessTime.checkReleaseDate({
      calendarId: this.view.calendarId,
      releaseDate,
    });
    return check.businessInstant;
  }

  /** Registration (L3-05/L3-06): the ticket opens with its triage clock running. */
  async open(): Promise<void> {
    // The API's computation when it gave one (in the start's input, so replay takes the same
    // branch): no local activity, and its window serves the next computations.
    const given = this.input.opening;
    if (given) this.window = given.window;
    const triage = given ? given.triage : await this.compute(openingTriageClock(this.input));
    const role = this.input.registrantRole;
    const registrantRole =
      role !== undefined && this.patched(REGISTERED_ACTOR_ROLE_PATCH) ? role : 'CLIENT_USER';
    this.view = openedView(this.input, triage, nowIso(), registrantRole);
  }

  async startClock(kind: SlaClockKind, at: string = nowIso()): Promise<void> {
    const fresh = this.freshClock(kind, at);
    this.started(withComputation(fresh, await this.compute(fresh), at));
  }

  private freshClock(kind: SlaClockKind, at: string): SlaClockView {
    const run =
      (this.view.droppedClockRuns?.[kind] ?? 0) +
      this.view.clocks.filter((c) => c.kind === kind).length +
      1;
    return newClock(
      clockId(this.ticketNumber, kind, run),
      kind,
      run,
      clockTarget(kind, this.view.progressCadenceMinutes),
      at,
    );
  }

  private started(clock: SlaClockView): void {
    this.putClock(clock);
    this.record('CLOCK_STARTED', null, clockData(clock));
  }

  /**
   * Ends the open `kind` clock as MET and starts its next run at the same instant (L3-07: each
   * progress update restarts the cadence), with both computations in one local activity.
   */
  async restartClock(kind: SlaClockKind, reason: string): Promise<void> {
    if (!this.patched(ONE_COMPUTATION_RESTART_PATCH)) {
      // Histories recorded before the patch computed the end and the start separately.
      await this.endClock(kind, 'MET', reason);
      await this.startClock(kind);
      return;
    }
    await this.settleDue(kind);
    const at = nowIso();
    const open = this.openClock(kind);
    const fresh = this.freshClock(kind, at);
    const ending = open?.status === 'RUNNING' ? [this.computationArgs(open, at)] : [];
    const batch = [...ending, this.computationArgs(fresh)];
    const computed = this.patched(CLOCK_WINDOW_PATCH)
      ? await this.computeBatch(batch)
      : await businessTime.computeClockDeadlinesBatch(batch);
    if (open) this.ended(open, 'MET', reason, at, ending.length ? computed[0] : undefined);
    this.started(withComputation(fresh, computed[computed.length - 1], at));
  }

  async pauseClock(kind: SlaClockKind): Promise<void> {
    await this.settleDue(kind);
    const clock = this.openClock(kind);
    if (clock?.status !== 'RUNNING') return;
    const at = nowIso();
    const paused = {
      ...clock,
      status: 'PAUSED' as const,
      pauses: [...clock.pauses, { from: at, to: null }],
    };
    this.putClock(withComputation(paused, await this.compute(paused), at));
    this.record('CLOCK_PAUSED', null, clockData(this.openClock(kind)!));
  }

  async resumeClock(kind: SlaClockKind): Promise<void> {
    const clock = this.openClock(kind);
    if (clock?.status !== 'PAUSED') return;
    const at = nowIso();
    const pauses = clock.pauses.map((p) => (p.to === null ? { ...p, to: at } : p));
    const running = { ...clock, status: 'RUNNING' as const, pauses };
    this.putClock(withComputation(running, await this.compute(running), at));
    this.record('CLOCK_RESUMED', null, {
      ...clockData(this.openClock(kind)!),
      // BUSINESS-TIME.md: after a pause, the remaining time is business minutes from the resume.
      remainingAs: 'business minutes',
    });
  }

  /** Stops a clock: MET when its goal is reached, STOPPED when it no longer applies. */
  async endClock(kind: SlaClockKind, outcome: 'MET' | 'STOPPED', reason: string): Promise<void> {
    await this.settleDue(kind);
    const clock = this.openClock(kind);
    if (!clock) return;
    const at = nowIso();
    const computed = clock.status === 'RUNNING' ? await this.compute(clock, at) : undefined;
    this.ended(clock, outcome, reason, at, computed);
  }

  /** Records the end of `clock` at `at`; `computed` is its consumption until then when running. */
  private ended(
    clock: SlaClockView,
    outcome: 'MET' | 'STOPPED',
    reason: string,
    at: string,
    computed: ClockComputation | undefined,
  ): void {
    let ended: SlaClockView = clock;
    if (clock.status === 'RUNNING' && computed) {
      ended = withComputation(clock, computed, at);
    } else if (clock.status === 'PAUSED') {
      ended = { ...clock, pauses: clock.pauses.map((p) => (p.to === null ? { ...p, to: at } : p)) };
    }
    const status = clock.status === 'BREACHED' ? 'BREACHED' : outcome;
    this.putClock({ ...ended, status, endedAt: at, endReason: reason });
    this.record(status === 'BREACHED' ? 'CLOCK_ENDED' : `CLOCK_${status}`, null, {
      ...clockData(this.openClockById(clock.id)),
      reason,
    });
  }

  async endAllClocks(outcome: 'MET' | 'STOPPED', reason: string): Promise<void> {
    for (const clock of this.view.clocks.filter(isOpen))
      await this.endClock(clock.kind, outcome, reason);
  }

  /** A calendar edit: every running deadline is recomputed from its clock's start and pauses. */
  async recomputeRunning(): Promise<void> {
    this.calendarDirty = false;
    // Against the current version: a window an activity read before the edit is not used.
    this.window = undefined;
    for (const clock of this.view.clocks) {
      if (clock.status !== 'RUNNING') continue;
      const at = nowIso();
      const until = this.patched(RECOMPUTE_KEEPS_CONSUMED_PATCH) ? at : undefined;
      const next = withComputation(clock, await this.compute(clock, until), at);
      this.putClock(next);
      if (next.deadline !== clock.deadline || next.calendarVersion !== clock.calendarVersion) {
        // The version it was computed on before: the history names the calendar changes between
        // the two (data only, no command: older runs replay as before).
        this.record('CLOCK_RECOMPUTED', null, {
          ...clockData(next),
          previousDeadline: clock.deadline,
          previousCalendarVersion: clock.calendarVersion,
        });
      }
    }
    await this.recomputeSchedules();
  }

  /**
   * A calendar change moves the approver reminders (L3-09 estimate, L3-12 change order), the
   * testing reminder (L3-09) and the automatic closure of a resolved ticket (L3-07) like the
   * clocks: recomputed from their own anchors (the submission, the release or the last reminder;
   * the resolution) and recorded as one `SCHEDULE_RECOMPUTED` event when an instant moved. Runs
   * before the patch, and reminders scheduled before they kept their anchor, keep their instants.
   */
  private async recomputeSchedules(): Promise<void> {
    const reminder = pendingReminder(this.view);
    const schedule = this.view.approvalReminder;
    const anchor = reminder ? schedule?.from : undefined;
    // Only runs with change-order reminders (CHANGE_ORDER_REMINDERS_PATCH) have this schedule.
    const changeOrder = liveChangeOrderReminder(this.view);
    const closing = pendingAutoClose(this.view);
    // Only runs with testing reminders (TESTING_REMINDERS_PATCH) have this schedule.
    const testing = pendingTestingReminder(this.view);
    if (anchor === undefined && changeOrder === null && closing === null && testing === null) {
      return;
    }
    if (!this.patched(SCHEDULES_FOLLOW_CALENDAR_PATCH)) return;
    const previousCalendarVersion = this.scheduleCalendarVersion;
    const moved: Record<string, { readonly from: string; readonly to: string }> = {};
    if (anchor !== undefined && schedule && reminder) {
      const nextAt = await this.reminderAfter(anchor);
      if (nextAt !== null && nextAt !== reminder.at) {
        this.update({ approvalReminder: { ...schedule, nextAt } });
        moved.approvalReminderAt = { from: reminder.at, to: nextAt };
      }
    }
    if (changeOrder?.from !== undefined && changeOrder.nextAt !== null) {
      const nextAt = await this.reminderAfter(changeOrder.from);
      if (nextAt !== null && nextAt !== changeOrder.nextAt) {
        this.update({ changeOrderReminder: { ...changeOrder, nextAt } });
        moved.changeOrderReminderAt = { from: changeOrder.nextAt, to: nextAt };
      }
    }
    const tested = this.view.testingReminder;
    if (testing && tested) {
      const nextAt = await this.reminderAfter(tested.from, TESTING_REMINDER_BUSINESS_DAYS);
      if (nextAt !== null && nextAt !== testing.at) {
        this.update({ testingReminder: { ...tested, nextAt } });
        moved.testingReminderAt = { from: testing.at, to: nextAt };
      }
    }
    const autoClose = this.view.autoClose;
    if (closing && autoClose) {
      const [remindAt, closeAt] = await this.autoCloseInstants(autoClose.resolvedAt);
      if (remindAt !== autoClose.remindAt || closeAt !== autoClose.closeAt) {
        this.update({ autoClose: { ...autoClose, remindAt, closeAt } });
        moved.autoCloseAt = { from: autoClose.closeAt, to: closeAt };
      }
    }
    if (Object.keys(moved).length) {
      // The versions the instants moved between (data only, no command: older runs replay as
      // before); the history names the calendar changes in between.
      this.record('SCHEDULE_RECOMPUTED', null, {
        calendarId: this.view.calendarId,
        ...moved,
        calendarVersion: this.scheduleCalendarVersion,
        ...(previousCalendarVersion === undefined ? {} : { previousCalendarVersion }),
      });
    }
  }

  /** Records a due clock event exactly once (the caller holds the lock); stale events are ignored. */
  async fire(event: ClockEvent): Promise<void> {
    const clock = this.openClockById(event.clockId);
    const due = pendingEvent(clock);
    if (!due || due.event !== event.event || due.at !== event.at) return;
    if (Date.parse(due.at) > Date.now()) return;
    const firedAt = nowIso();
    const record = this.patched(SLA_EVENT_LOCAL_PATCH) ? slaEvents.recordSlaEvent : recordSlaEvent;
    await record({
      clockId: clock.id,
      ticketKey: this.ticketNumber,
      kind: clock.kind,
      event: due.event,
      deadline: clock.deadline!,
      firedAt,
    });
    const marked: SlaClockView =
      due.event === 'at_risk'
        ? { ...clock, atRiskRecordedAt: firedAt }
        : {
            ...clock,
            status: 'BREACHED',
            breachedAt: firedAt,
            consumedMs: clock.budgetMs,
            remainingMs: 0,
            consumedAsOf: firedAt,
          };
    this.putClock(marked);
    this.record(
      due.event === 'at_risk' ? 'CLOCK_AT_RISK' : 'CLOCK_BREACHED',
      null,
      clockData(marked),
    );
    this.changed();
  }

  /**
   * L3-09: an estimate was submitted at `submittedAt`: its first approver reminder falls
   * {@link APPROVAL_REMINDER_BUSINESS_DAYS} business days later. Runs that predate reminders
   * (replayed histories) schedule none.
   */
  async scheduleApprovalReminders(estimateVersion: number, submittedAt: string): Promise<void> {
    if (!this.patched(APPROVAL_REMINDERS_PATCH)) return;
    const nextAt = await this.reminderAfter(submittedAt);
    this.update({ approvalReminder: { estimateVersion, sent: 0, nextAt, from: submittedAt } });
  }

  /**
   * Records a due approver reminder exactly once (the caller holds the lock) and schedules the
   * next one from this one's instant, up to {@link APPROVAL_REMINDER_LIMIT}. Stale or early: no-op.
   */
  async remindApprovers(due: ReminderDue): Promise<void> {
    const current = pendingReminder(this.view);
    if (current?.at !== due.at || current.reminder !== due.reminder) return;
    if (Date.parse(due.at) > Date.now()) return;
    const nextAt = due.reminder < APPROVAL_REMINDER_LIMIT ? await this.reminderAfter(due.at) : null;
    this.update({
      approvalReminder: {
        estimateVersion: due.estimateVersion,
        sent: due.reminder,
        nextAt,
        from: due.at,
      },
    });
    this.record('ESTIMATE_REMINDER', null, {
      estimateVersion: due.estimateVersion,
      reminder: due.reminder,
      limit: APPROVAL_REMINDER_LIMIT,
      nextReminderAt: nextAt,
    });
    this.changed();
  }

  /**
   * L3-12: a change order was submitted at `submittedAt`: its approvers are reminded like an
   * estimate's, the first {@link APPROVAL_REMINDER_BUSINESS_DAYS} business days later. Replaces
   * an earlier change order's schedule (that one was decided). Runs that predate change-order
   * reminders (replayed histories) schedule none.
   */
  async scheduleChangeOrderReminders(estimateVersion: number, submittedAt: string): Promise<void> {
    if (!this.patched(CHANGE_ORDER_REMINDERS_PATCH)) return;
    const nextAt = await this.reminderAfter(submittedAt);
    this.update({ changeOrderReminder: { estimateVersion, sent: 0, nextAt, from: submittedAt } });
  }

  /**
   * Records a due change-order reminder exactly once (the caller holds the lock) and schedules the
   * next one from this one's instant, up to {@link APPROVAL_REMINDER_LIMIT}. Stale or early: no-op.
   */
  async remindChangeOrderApprovers(due: ReminderDue): Promise<void> {
    const current = pendingChangeOrderReminder(this.view);
    if (current?.at !== due.at || current.reminder !== due.reminder) return;
    if (Date.parse(due.at) > Date.now()) return;
    // Due while the ticket was released for testing (no reminder there), it is sent on its return.
    const { from, nextAt } = await this.nextReminder(
      due,
      APPROVAL_REMINDER_LIMIT,
      APPROVAL_REMINDER_BUSINESS_DAYS,
    );
    this.update({
      changeOrderReminder: {
        estimateVersion: due.estimateVersion,
        sent: due.reminder,
        nextAt,
        from,
      },
    });
    this.record('CHANGE_ORDER_REMINDER', null, {
      estimateVersion: due.estimateVersion,
      reminder: due.reminder,
      limit: APPROVAL_REMINDER_LIMIT,
      nextReminderAt: nextAt,
    });
    this.changed();
  }

  /**
   * L3-09: the ticket was released for testing at `releasedAt`: the registrant and the
   * authorizers are reminded {@link TESTING_REMINDER_BUSINESS_DAYS} business days later while the
   * release waits for their decision. Replaces an earlier release's schedule (that one was
   * decided: failures reported). Runs that predate testing reminders schedule none.
   */
  async scheduleTestingReminders(releasedAt: string, note: string | undefined): Promise<void> {
    if (!this.patched(TESTING_REMINDERS_PATCH)) return;
    const nextAt = await this.reminderAfter(releasedAt, TESTING_REMINDER_BUSINESS_DAYS);
    this.update({
      testingReminder: {
        releasedAt,
        release: this.view.reworkCount + 1,
        ...(note ? { note } : {}),
        sent: 0,
        nextAt,
        from: releasedAt,
      },
    });
  }

  /**
   * Records a due testing reminder exactly once (the caller holds the lock) and schedules the
   * next one from this one's instant, up to {@link TESTING_REMINDER_LIMIT}. Stale or early: no-op.
   */
  async remindTesters(due: TestingReminderDue): Promise<void> {
    const current = pendingTestingReminder(this.view);
    const schedule = this.view.testingReminder;
    if (!schedule || current?.at !== due.at || current.reminder !== due.reminder) return;
    if (Date.parse(due.at) > Date.now()) return;
    const { from, nextAt } = await this.nextReminder(
      due,
      TESTING_REMINDER_LIMIT,
      TESTING_REMINDER_BUSINESS_DAYS,
    );
    this.update({ testingReminder: { ...schedule, sent: due.reminder, nextAt, from } });
    this.record('TESTING_REMINDER', null, {
      releasedAt: schedule.releasedAt,
      release: schedule.release,
      ...(schedule.note ? { note: schedule.note } : {}),
      reminder: due.reminder,
      limit: TESTING_REMINDER_LIMIT,
      nextReminderAt: nextAt,
    });
    this.changed();
  }

  /**
   * Whether the ticket waits without reminders it is owed (a run older than them:
   * adopted-reminders.ts) and adopts them in this task. Asks the patch only then, so runs that
   * never lacked them record nothing, and histories from before the adoption replay without it.
   */
  hasRemindersToAdopt(): boolean {
    return remindersToAdopt(this.view) !== null && this.patched(ADOPT_REMINDERS_PATCH);
  }

  /**
   * Arms the reminder series an older run never armed (L3-09 estimate approval and client testing,
   * L3-12 change order), each from now: the first one the series' business days after this,
   * counted from 0 sent, so the reminders that would have fallen before are not sent in a burst.
   * The caller holds the lock and checked {@link hasRemindersToAdopt}.
   */
  async adoptReminders(): Promise<void> {
    const owed = remindersToAdopt(this.view);
    if (!owed) return;
    const from = nowIso();
    if (owed.estimateVersion !== undefined) {
      const nextAt = await this.reminderAfter(from);
      const estimateVersion = owed.estimateVersion;
      this.update({ approvalReminder: { estimateVersion, sent: 0, nextAt, from } });
    }
    if (owed.changeOrderVersion !== undefined) {
      const nextAt = await this.reminderAfter(from);
      const estimateVersion = owed.changeOrderVersion;
      this.update({ changeOrderReminder: { estimateVersion, sent: 0, nextAt, from } });
    }
    const release = owed.release;
    if (release) {
      const nextAt = await this.reminderAfter(from, TESTING_REMINDER_BUSINESS_DAYS);
      this.update({
        testingReminder: {
          // The release event left the kept timeline only on a very long ticket: then «since»
          // reads from the adoption.
          releasedAt: release.releasedAt ?? from,
          release: release.number,
          ...(release.note ? { note: release.note } : {}),
          sent: 0,
          nextAt,
          from,
        },
      });
    }
    this.changed();
  }

  /**
   * L3-07: the ticket was resolved at `resolvedAt`: the client's reminder and the automatic
   * closure fall {@link AUTO_CLOSE_REMINDER_BUSINESS_DAYS} and {@link AUTO_CLOSE_BUSINESS_DAYS}
   * business days later (one computation). Runs that predate auto-close schedule nothing.
   */
  async scheduleAutoClose(resolvedAt: string): Promise<void> {
    if (!this.patched(AUTO_CLOSE_PATCH)) return;
    const [remindAt, closeAt] = await this.autoCloseInstants(resolvedAt);
    this.update({ autoClose: { resolvedAt, remindAt, closeAt, remindedAt: null } });
  }

  /** The auto-close reminder and closure instants after `resolvedAt` (one computation). */
  private async autoCloseInstants(resolvedAt: string): Promise<[string, string]> {
    const [remind, close] = await businessTime.computeClockDeadlinesBatch(
      [AUTO_CLOSE_REMINDER_BUSINESS_DAYS, AUTO_CLOSE_BUSINESS_DAYS].map((amount) => ({
        calendarId: this.view.calendarId,
        startedAt: resolvedAt,
        amount,
        unit: 'days' as const,
        pauses: [],
        atRiskFraction: this.view.atRiskFraction,
      })),
    );
    this.scheduleCalendarVersion = close.calendarVersion;
    return [remind.deadline!, close.deadline!];
  }

  /**
   * Records a due auto-close step exactly once (the caller holds the lock): the client's reminder,
   * or the closure itself. Stale (the client answered meanwhile) or early: no-op.
   */
  autoCloseStep(due: AutoCloseStep): void {
    const current = pendingAutoClose(this.view);
    if (current?.step !== due.step || current.at !== due.at) return;
    if (Date.parse(due.at) > Date.now()) return;
    const data = { resolvedAt: due.resolvedAt, closeAt: due.closeAt };
    if (due.step === 'remind') {
      this.update({ autoClose: { ...this.view.autoClose!, remindedAt: nowIso() } });
      this.record('AUTO_CLOSE_REMINDER', null, data);
    } else {
      this.record('AUTO_CLOSED', null, { ...data, businessDays: AUTO_CLOSE_BUSINESS_DAYS });
      this.update({
        state: 'CLOSED',
        closure: {
          outcome: 'AUTO_CLOSED',
          reason: `no confirmation or reopening within ${AUTO_CLOSE_BUSINESS_DAYS} business days`,
          at: nowIso(),
        },
      });
    }
    this.changed();
  }

  /**
   * After reminder `due.reminder` of `limit`, the next one `businessDays` later, counted from the
   * due instant; when that is already past (fired late: the worker was down, or held while the
   * ticket could not be decided), counted from now, so missed reminders never follow in a burst.
   * Null after the last. Same local-activity calls, in the same order, as the code it replaced.
   */
  private async nextReminder(
    due: { readonly at: string; readonly reminder: number },
    limit: number,
    businessDays: number,
  ): Promise<{ from: string; nextAt: string | null }> {
    if (due.reminder >= limit) return { from: due.at, nextAt: null };
    const nextAt = await this.reminderAfter(due.at, businessDays);
    if (nextAt === null || Date.parse(nextAt) > Date.now()) return { from: due.at, nextAt };
    const from = nowIso();
    return { from, nextAt: await this.reminderAfter(from, businessDays) };
  }

  /** The days rule of the clocks' local activity, on the ticket's calendar (no pauses). */
  private async reminderAfter(
    from: string,
    businessDays: number = APPROVAL_REMINDER_BUSINESS_DAYS,
  ): Promise<string | null> {
    const computed = await businessTime.computeClockDeadlines({
      calendarId: this.view.calendarId,
      startedAt: from,
      amount: businessDays,
      unit: 'days',
      pauses: [],
      atRiskFraction: this.view.atRiskFraction,
    });
    this.scheduleCalendarVersion = computed.calendarVersion;
    return computed.deadline;
  }

  /** Before a clock is paused or stopped, events already due are recorded (the timer may lag). */
  private async settleDue(kind: SlaClockKind): Promise<void> {
    for (;;) {
      const clock = this.openClock(kind);
      const due = clock && pendingEvent(clock);
      if (!due || Date.parse(due.at) > Date.now()) return;
      await this.fire(due);
    }
  }

  private openClockById(id: string): SlaClockView {
    return this.view.clocks.find((c) => c.id === id)!;
  }
}

function nowIso(): string {
  return new Date().toISOString();
}
