import type { TicketDetail, TicketEvent } from '../api/tickets';

// A form open on the ticket page while the ticket moves on (another person, another tab, an SLA
// event): the page follows the ticket live, and what the user typed must not go with the old
// state ("no data is lost"). These are the rules, kept free of React so they are unit-tested.

/** The parts of a ticket whose change a person writing on it should hear about. */
export type MarkedTicket = Pick<
  TicketDetail,
  'state' | 'slaStatus' | 'assigneeId' | 'releaseDate' | 'allowedActions' | 'timeline'
> &
  Partial<Pick<TicketDetail, 'confirmedRemoteSessionAt'>>;

/**
 * A short fingerprint of what a person writing on the ticket sees change: its state, SLA status,
 * assignee, release date, the actions offered and the newest timeline event (a comment, a
 * transition). Two reads of an unchanged ticket give the same mark.
 */
export function ticketMark(ticket: MarkedTicket): string {
  const last = ticket.timeline.reduce((max, e) => Math.max(max, e.seq), 0);
  return JSON.stringify([
    ticket.state,
    ticket.slaStatus,
    ticket.assigneeId ?? null,
    ticket.releaseDate ?? null,
    [...ticket.allowedActions].sort(),
    last,
  ]);
}

/** The ticket as a form first saw it (or as the user last acknowledged it). */
export interface DraftBaseline {
  /** `ticketMark` of the ticket then. */
  readonly mark: string;
  /** Its newest timeline event then: later ones are what happened while the user wrote. */
  readonly seq: number;
  /** Its state then: a notice names the state only when it changed. */
  readonly state: string;
  /**
   * Whether the client had confirmed its remote session then (the state then read «Sesión remota
   * confirmada», QA S62); absent in drafts kept before it was.
   */
  readonly confirmedRemoteSession?: boolean;
}

export function ticketBaseline(ticket: MarkedTicket): DraftBaseline {
  return {
    mark: ticketMark(ticket),
    seq: ticket.timeline.reduce((max, e) => Math.max(max, e.seq), 0),
    state: ticket.state,
    confirmedRemoteSession: Boolean(ticket.confirmedRemoteSessionAt),
  };
}

/** What happened on the ticket since a form's baseline: the event to name, and how many more. */
export interface TicketChange {
  readonly latest: TicketEvent;
  readonly more: number;
}

/**
 * The timeline events newer than `seq`, as one line's worth: the latest by a person (the
 * system's own events that come with a person's change, such as a clock pausing, are not changes
 * of their own then), plus how many other such events; only system events (an SLA event): the
 * latest of those and how many more. undefined when the timeline has nothing newer.
 */
export function changesSince(
  timeline: readonly TicketEvent[],
  seq: number,
): TicketChange | undefined {
  const newer = timeline.filter((e) => e.seq > seq).sort((a, b) => a.seq - b.seq);
  const byPeople = newer.filter((e) => e.actorRole !== null);
  const counted = byPeople.length > 0 ? byPeople : newer;
  if (counted.length === 0) return undefined;
  return { latest: counted[counted.length - 1], more: counted.length - 1 };
}

/**
 * What an open form shows about the ticket it writes on:
 * - `current`: nothing changed since the form opened (or the change is the form's own sending);
 * - `updated`: the ticket changed but the form's action is still allowed: the form stays as typed,
 *   with a notice saying what happened (`change`; the state only when it is not the one the form
 *   started with);
 * - `withdrawn`: the action is no longer allowed: the form turns into a notice that keeps the
 *   typed text (read-only), says what happened and sends nothing.
 */
export type LiveFormStatus =
  | { readonly kind: 'current' }
  | {
      readonly kind: 'updated';
      readonly state: string;
      /** The remote session waited for is the one the client confirmed (`stateText`'s label). */
      readonly confirmedRemoteSession: boolean;
      readonly stateChanged: boolean;
      readonly change: TicketChange | undefined;
    }
  | {
      readonly kind: 'withdrawn';
      readonly state: string;
      readonly confirmedRemoteSession: boolean;
      readonly change: TicketChange | undefined;
    };

export interface LiveFormInput {
  /** The ticket when the form opened (or the user last acknowledged a change). */
  readonly baseline: DraftBaseline | undefined;
  /** The ticket as the page shows it now. */
  readonly ticket: MarkedTicket;
  /** Whether the form's action is still allowed on the ticket as it is now. */
  readonly allowed: boolean;
  /** The form is sending: the change that follows is its own (it reloads, then closes). */
  readonly sending: boolean;
}

export function liveFormStatus({
  baseline,
  ticket,
  allowed,
  sending,
}: LiveFormInput): LiveFormStatus {
  if (sending || baseline === undefined) return { kind: 'current' };
  const change = changesSince(ticket.timeline, baseline.seq);
  // QA S62: the notice names the state as the page does («Sesión remota confirmada»), and a
  // confirmation is a change of what the state reads.
  const confirmedRemoteSession = Boolean(ticket.confirmedRemoteSessionAt);
  if (!allowed) return { kind: 'withdrawn', state: ticket.state, confirmedRemoteSession, change };
  if (ticketMark(ticket) !== baseline.mark)
    return {
      kind: 'updated',
      state: ticket.state,
      confirmedRemoteSession,
      stateChanged:
        ticket.state !== baseline.state ||
        (baseline.confirmedRemoteSession !== undefined &&
          baseline.confirmedRemoteSession !== confirmedRemoteSession),
      change,
    };
  return { kind: 'current' };
}

/** The words a change notice is made of (`t.ticketPage.liveDraft`, `t.tickets.events`, …). */
export interface ChangeWords {
  readonly commented: (who: string) => string;
  readonly changed: (what: string, who: string | null) => string;
  readonly more: (count: number) => string;
  readonly now: (state: string) => string;
  /** The timeline's name of each event type (`t.tickets.events`). */
  readonly events: Readonly<Record<string, string>>;
  /** Role names (`t.users.roleNames`): who acted when the timeline has no name. */
  readonly roles: Readonly<Record<string, string>>;
}

/**
 * The sentence saying what happened while the user wrote, with the timeline's own words and
 * names: «Úrsula Usuaria comentó mientras usted escribía», «Mientras usted escribía: Ticket
 * clasificado por Beto Segundo y 1 cambio más»; `state` (a state's name) adds «(ahora: …)». No
 * final period.
 */
export function changeSentence(words: ChangeWords, change: TicketChange, state?: string): string {
  const { latest } = change;
  const who =
    latest.actorName ??
    (latest.actorRole ? (words.roles[latest.actorRole] ?? latest.actorRole) : null);
  const what = words.events[latest.type] ?? latest.type;
  const head = latest.type === 'comment' && who ? words.commented(who) : words.changed(what, who);
  return `${head}${change.more > 0 ? words.more(change.more) : ''}${state ? words.now(state) : ''}`;
}

/** One field a person typed into, by its label. */
export interface DraftPart {
  readonly label: string;
  readonly value: string;
}

/**
 * The typed text of a form, to show read-only and copy: the non-blank fields in form order, each
 * under its label when there are several (a single field is just its text). '' when nothing typed.
 */
export function draftText(parts: readonly DraftPart[]): string {
  const typed = parts.filter((p) => p.value.trim() !== '');
  if (typed.length === 1) return typed[0].value.trim();
  return typed.map((p) => `${p.label}:\n${p.value.trim()}`).join('\n\n');
}

// --- A form's draft across a reload or a visit elsewhere (sessionStorage: this tab only). ---

/**
 * The part of the Web Storage API the drafts use (sessionStorage in the app; a map in tests).
 * Spelled out here so this module type-checks without the DOM library (the unit tier).
 */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * A form being written: its fields by name (text as typed; choices such as a radio button too, so
 * an internal note comes back internal), the ticket as the form first saw it (so the notice
 * after a reload still says what changed since), and when it was last written (ms since the
 * epoch: the newest draft is the form that reopens).
 */
export interface FormDraft {
  readonly fields: Readonly<Record<string, string>>;
  readonly since?: DraftBaseline;
  readonly at: number;
}

/**
 * One draft per user, ticket and form (`comment`, `adjust-date`, `action.<name>`): another login
 * in the same tab does not see it.
 */
export function formDraftKey(userId: string, ticketNumber: string, form: string): string {
  return `${draftKeyPrefix(userId)}${ticketNumber}.${form}`;
}

/** The start of every draft key of `userId` (its drafts, and its comments' files in memory). */
export const draftKeyPrefix = (userId: string) => `sla.draft.${userId}.`;

/** The storage's keys, for {@link forgetUserDrafts} (sessionStorage has `length` and `key`). */
export interface DraftStorageKeys extends DraftStorage {
  readonly length: number;
  key(index: number): string | null;
}

/**
 * Removes every draft `userId` left in this tab. On «Cerrar sesión» only: on a shared computer the
 * next person must not find the text in the tab's storage. A session that ends by itself (expired,
 * password changed elsewhere) keeps them, so they come back after logging in again.
 */
export function forgetUserDrafts(storage: DraftStorageKeys | undefined, userId: string): number {
  if (!storage) return 0;
  const prefix = draftKeyPrefix(userId);
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
    return keys.length;
  } catch {
    // Refused storage holds nothing of ours.
    return 0;
  }
}

/** The form name of a transition's form. */
export const actionForm = (action: string) => `action.${action}`;

function isBaseline(value: unknown): value is DraftBaseline {
  const b = value as Partial<DraftBaseline> | null;
  return (
    typeof b === 'object' &&
    b !== null &&
    typeof b.mark === 'string' &&
    typeof b.seq === 'number' &&
    typeof b.state === 'string'
  );
}

/** The stored draft, or undefined when there is none (or it cannot be read). */
export function readFormDraft(
  storage: DraftStorage | undefined,
  key: string,
): FormDraft | undefined {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { fields?: unknown; since?: unknown; at?: unknown };
    const fields = parsed.fields;
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return undefined;
    const entries = Object.entries(fields as Record<string, unknown>);
    if (entries.some(([, v]) => typeof v !== 'string')) return undefined;
    return {
      fields: Object.fromEntries(entries) as Record<string, string>,
      since: isBaseline(parsed.since) ? parsed.since : undefined,
      at: typeof parsed.at === 'number' ? parsed.at : 0,
    };
  } catch {
    // Storage refused (privacy mode) or a value not written by this code: no draft.
    return undefined;
  }
}

/** Stores the draft; undefined removes it (sent, discarded, cancelled, nothing typed). */
export function writeFormDraft(
  storage: DraftStorage | undefined,
  key: string,
  draft: FormDraft | undefined,
): void {
  try {
    if (draft === undefined) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(draft));
  } catch {
    // Full or refused storage: the draft still lives in the page; only a reload would lose it.
  }
}

/**
 * The form to reopen when the user comes back to the ticket, and the ones to show as kept text:
 * of the forms with a stored draft, the newest whose action the ticket still allows opens; those
 * it no longer allows come back as their kept text (oldest first). Other allowed drafts wait
 * until their form is opened again.
 */
export function formsToReopen(
  drafts: readonly { readonly name: string; readonly at: number }[],
  allowed: readonly string[],
): { open: string | undefined; kept: string[] } {
  const byAge = [...drafts].sort((a, b) => a.at - b.at);
  const open = byAge.filter((d) => allowed.includes(d.name)).pop()?.name;
  const kept = byAge.filter((d) => !allowed.includes(d.name)).map((d) => d.name);
  return { open, kept };
}
