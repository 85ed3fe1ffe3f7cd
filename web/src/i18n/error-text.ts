import { calendarEditorEn } from './calendar-editor.en';
import { calendarEditorEsMX } from './calendar-editor.es-mx';
import { calendarIssuesText } from './calendar-issues-text';
import { formatFileSize } from './file-size';
import { holidayDisplayName } from './holiday-name';
import { remoteSessionEn } from './remote-session.en';
import { remoteSessionEsMX } from './remote-session.es-mx';
import type { ServerErrorMessages } from './server-errors.es-mx';

// Pure: turns a server refusal (`extensions.code`, `extensions.reason` + parameters, and the
// class-validator `violations`) into a sentence in the UI language. No React, no DOM, so the
// unit tier tests it directly. Unknown reasons give undefined: the caller then shows the
// server's own (English) message.

/** What the client knows of a failed operation. */
export interface ErrorFacts {
  readonly code: string;
  readonly message: string;
  readonly extensions: Readonly<Record<string, unknown>>;
}

/** The dictionaries the sentences draw on (slices of `Messages`). */
export interface ErrorWords {
  readonly server: ServerErrorMessages;
  readonly roleNames: Readonly<Record<string, string>>;
  readonly actionNames: Readonly<Record<string, string>>;
  readonly states: Readonly<Record<string, string>>;
  readonly categories: Readonly<Record<string, string>>;
}

export interface ErrorTextContext {
  /** BCP 47 tag of the UI language, for numbers. */
  readonly language: string;
  /** An ISO instant in the user's locale and time zone. */
  readonly formatInstant: (iso: string) => string;
  /** The same with its weekday, where the day is the point (a date outside business time). */
  readonly formatInstantWithDay?: (iso: string) => string;
  /** The label the form shows for a property (its own words), if it has one. */
  readonly fieldLabel?: (property: string, path: string) => string | undefined;
}

interface Violation {
  readonly path: string;
  readonly property: string;
  readonly constraint: string;
  readonly args: readonly unknown[];
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
/** An ID a person can read (a ticket number, a date); '' for an internal UUID, which tells nobody anything. */
const readableId = (v: unknown): string =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text(v)) ? '' : text(v);

/** An ISO weekday (1 = Monday) by name, lower case as in a sentence ("martes", "Tuesday"). */
function weekdayName(iso: number, language: string): string {
  if (iso < 1 || iso > 7) return String(iso);
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, iso)),
  );
}
/** A local date "YYYY-MM-DD" in words, as the calendar screens write it ("lunes, 7 de junio de 2027"). */
function civilDate(value: unknown, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text(value));
  if (!match) return text(value);
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))),
  );
}
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
/** L3-06: the shortest remote session a proposal may have (the API's REMOTE_SESSION_MIN_MINUTES). */
const REMOTE_SESSION_MIN_MINUTES = 15;

function violationsOf(ext: Readonly<Record<string, unknown>>): Violation[] {
  if (!Array.isArray(ext.violations)) return [];
  return ext.violations.flatMap((raw: unknown) => {
    const v = raw as Partial<Violation> | null;
    if (!v || typeof v.property !== 'string' || typeof v.constraint !== 'string') return [];
    return [
      {
        path: typeof v.path === 'string' ? v.path : v.property,
        property: v.property,
        constraint: v.constraint,
        args: Array.isArray(v.args) ? v.args : [],
      },
    ];
  });
}

/** The sentence for one broken input rule. */
function violationText(
  v: Violation,
  words: ErrorWords,
  ctx: ErrorTextContext,
  number: (n: unknown) => string,
): string {
  const c = words.server.constraints;
  const field =
    ctx.fieldLabel?.(v.property, v.path) ?? words.server.fields[v.property] ?? v.property;
  const [a, b] = v.args;
  switch (v.constraint) {
    case 'maxLength':
    case 'minLength':
    case 'min':
    case 'max':
    case 'arrayMaxSize':
    case 'arrayMinSize':
      return num(a) === undefined ? c.other(field) : c[v.constraint](field, number(a));
    // `@Length(min, max)` names its rule `isLength` (QA S53: it fell to «no es válido»).
    case 'length':
    case 'isLength':
      return c.length(field, number(a), number(b));
    case 'isIn': {
      const values = Array.isArray(a) ? a.map(String) : [];
      return values.length ? c.isIn(field, values.join(', ')) : c.other(field);
    }
    case 'matches':
      // `/\S/`: the house rule for "not blank".
      return a === '/\\S/' ? c.isNotEmpty(field) : c.matches(field);
    case 'isPositive':
    case 'isEnum':
    case 'isNotEmpty':
    case 'isDefined':
    case 'isEmail':
    case 'isInt':
    case 'isNumber':
    case 'isDateString':
    case 'isISO8601':
      return c[v.constraint](field);
    default:
      return c.other(field);
  }
}

/**
 * The refusal in the UI language, or undefined when neither its reason nor its rules are known
 * here (the caller falls back to the server's message).
 */
export function serverErrorText(
  facts: ErrorFacts,
  words: ErrorWords,
  ctx: ErrorTextContext,
): string | undefined {
  const ext = facts.extensions;
  const s = words.server;
  const format = new Intl.NumberFormat(ctx.language, { maximumFractionDigits: 2 });
  const number = (n: unknown): string => (typeof n === 'number' ? format.format(n) : String(n));
  const field = (name: unknown): string =>
    ctx.fieldLabel?.(text(name), text(name)) ?? s.fields[text(name)] ?? text(name);
  /** An instant in the user's locale; a value that is none stays as it came. */
  const instant = (value: unknown, withDay = false): string => {
    const iso = text(value);
    if (Number.isNaN(Date.parse(iso))) return iso;
    return withDay && ctx.formatInstantWithDay
      ? ctx.formatInstantWithDay(iso)
      : ctx.formatInstant(iso);
  };

  /** The calendar's next business time a date refusal offers instead (QA S52), if given. */
  const nextBusinessTime = (): string | undefined =>
    ext.nextBusinessTime ? instant(ext.nextBusinessTime, true) : undefined;

  const remote = ctx.language.startsWith('en') ? remoteSessionEn : remoteSessionEsMX;
  const violations = violationsOf(ext);
  if (violations.length) {
    const seen = new Set<string>();
    const sentences = violations
      .map((v) => violationText(v, words, ctx, number))
      .filter((line) => !seen.has(line) && seen.add(line));
    return sentences.join(' ');
  }
  // The calendar engine lists every problem of a would-be calendar (bad interval, unknown zone).
  const calendarIssues = calendarIssuesText(
    ext.issues,
    (ctx.language.startsWith('en') ? calendarEditorEn : calendarEditorEsMX).issues,
    ctx.language,
  );
  if (calendarIssues) return calendarIssues;
  switch (ext.reason) {
    case 'INSUFFICIENT_HOURS':
      return s.insufficientHours(
        number(ext.requestedHours),
        number(ext.availableHours),
        number(ext.shortfallHours),
      );
    // L3-12: an authorization (or a charge again) refused by the ledger's reservation rules.
    case 'NO_ACTIVE_PACKAGE':
      return s.noActivePackage(number(ext.availableHours));
    case 'STALE_ESTIMATE_VERSION':
      return s.staleEstimateVersion(number(ext.currentEstimateVersion));
    case 'ESTIMATE_BELOW_CONSUMED':
      return s.estimateBelowConsumed(number(ext.consumedHours));
    case 'EXCEEDS_AUTHORIZED_ESTIMATE':
      return ext.noEstimate === true
        ? s.noEstimateHours(number(ext.requestedHours))
        : s.exceedsEstimate(number(ext.requestedHours), number(ext.remainingHours));
    case 'EMAIL_TAKEN':
      return s.emailTaken(text(ext.email));
    case 'OWN_ACCOUNT_DEACTIVATION':
      return s.ownAccountDeactivation;
    case 'LAST_ACTIVE_ADMIN':
      return s.lastActiveAdmin;
    case 'NOT_IN_FUTURE':
      return s.notInFuture(field(ext.field), instant(ext.value));
    case 'IN_FUTURE':
      return s.inFuture(field(ext.field));
    case 'ROLE_NOT_ALLOWED': {
      const allowed = Array.isArray(ext.allowedRoles)
        ? ext.allowedRoles.map((r) => words.roleNames[String(r)] ?? String(r)).join(', ')
        : '';
      return s.roleNotAllowed(allowed);
    }
    case 'WRONG_STATE':
      return s.wrongState(
        words.actionNames[text(ext.action)] ?? text(ext.action),
        words.states[text(ext.state)] ?? text(ext.state),
      );
    case 'WRONG_CATEGORY':
      return s.wrongCategory(
        words.actionNames[text(ext.action)] ?? text(ext.action),
        words.categories[text(ext.category)] ?? text(ext.category),
      );
    case 'ESTIMATE_ALREADY_AUTHORIZED':
      return s.estimateAlreadyAuthorized(num(ext.estimateVersion) ?? 0);
    case 'ESTIMATE_NOT_SUBMITTED':
      return s.estimateNotSubmitted(num(ext.estimateVersion) ?? 0, num(ext.currentVersion) ?? 0);
    // L3-12 change orders.
    case 'CHANGE_ORDER_PENDING':
      return s.changeOrderPending(num(ext.estimateVersion) ?? 0);
    case 'CHANGE_ORDER_NOT_PENDING':
      return s.changeOrderNotPending(num(ext.estimateVersion) ?? 0);
    case 'NO_AUTHORIZED_ESTIMATE':
      return s.noAuthorizedEstimate;
    case 'TICKET_CLOSED':
      return s.ticketClosed;
    // L3-10/L3-19: a retried confirmation of a reorder a later one replaced.
    case 'REORDER_SUPERSEDED':
      return s.reorderSuperseded;
    case 'RATING_WINDOW_CLOSED':
      return s.ratingWindowClosed(instant(ext.changeableUntil));
    case 'NOT_FOUND':
      return s.notFound(s.entities[text(ext.entity)] ?? text(ext.entity), readableId(ext.id));
    case 'NO_ACTIVE_POLICY':
      return s.noActivePolicy(
        text(ext.policyStatus),
        civilDate(ext.since, ctx.language),
        text(ext.statusReason),
      );
    // L3-06: a holiday on a day the calendar already has as one (entered or generated).
    // L3-05: one calendar of its own per client organization.
    case 'CALENDAR_TAKEN':
      return s.calendarTaken(text(ext.organization));
    case 'CALENDAR_NAME_TAKEN':
      return s.calendarNameTaken(text(ext.name));
    case 'DUPLICATE_HOLIDAY':
      return s.duplicateHoliday(civilDate(ext.date, ctx.language));
    // The workflow's own argument checks (the API's input rules usually answer first).
    case 'REQUIRED':
      return s.constraints.isNotEmpty(field(ext.field));
    case 'INVALID_VALUE':
      return s.constraints.other(field(ext.field));
    case 'INVALID_INSTANT':
      return s.constraints.isISO8601(field(ext.field));
    case 'NOT_POSITIVE':
      return s.constraints.isPositive(field(ext.field));
    case 'LENGTH':
      return s.constraints.length(field(ext.field), number(ext.min), number(ext.max));
    case 'NOT_ONE_OF':
      return s.constraints.isIn(
        field(ext.field),
        Array.isArray(ext.allowed) ? ext.allowed.map(String).join(', ') : '',
      );
    case 'BEFORE_REGISTRATION':
      return s.beforeRegistration(field(ext.field), instant(ext.registeredAt));
    // With its weekday: «(sábado, 12 dic 2026, 10:00 a.m.)» says why at once (QA S52).
    // And the calendar's next business time, what to pick instead (QA S52).
    case 'OUTSIDE_BUSINESS_TIME':
      return s.outsideBusinessTime(field(ext.field), instant(ext.value, true), nextBusinessTime());
    // L3-06 (QA S63 #11): the session would run past the closing; what fits instead (a shorter
    // session only when it is still one the form accepts, 15 min or more).
    case 'ENDS_AFTER_CLOSING': {
      const max = num(ext.maxDurationMinutes);
      return s.sessionEndsAfterClosing(
        number(ext.durationMinutes),
        instant(ext.closesAt),
        max !== undefined && max >= REMOTE_SESSION_MIN_MINUTES ? number(max) : undefined,
        ext.latestStart ? instant(ext.latestStart, true) : undefined,
      );
    }
    case 'NOT_WHATSAPP_GROUP_LINK':
      return s.notWhatsappGroupLink(field(ext.field));
    // QA S53: refusals a form could reach that showed the server's English sentence.
    case 'DATE_TOO_EARLY':
      return s.dateTooEarly(
        field(ext.field),
        civilDate(ext.value, ctx.language),
        civilDate(ext.earliest, ctx.language),
      );
    case 'SLUG_NOT_DERIVABLE':
      return s.slugNotDerivable(field(ext.field));
    // The engine's input rules: an instant outside the years it counts; any other input as invalid.
    case 'BUSINESS_TIME_INPUT_INVALID':
      return ext.rule === 'INSTANT_RANGE'
        ? s.instantOutOfRange(field(ext.field))
        : s.constraints.other(field(ext.field));
    case 'NO_WORKING_TIME':
      return s.noWorkingTime(number(ext.horizonDays), civilDate(ext.searchedFrom, ctx.language));
    case 'AGENDA_STILL_BUILDING':
      return s.agendaStillBuilding;
    case 'AGENT_NOT_ACTIVE':
      return s.agentNotActive;
    case 'PARTICIPANT_NOT_ACTIVE':
      return s.participantNotActive;
    case 'ON_HOLIDAY':
      return typeof ext.holiday === 'string'
        ? s.onHoliday(
            field(ext.field),
            instant(ext.value),
            holidayDisplayName(
              ext.holiday,
              text(ext.holidaySource),
              ctx.language === 'en' ? 'en' : 'es-MX',
            ),
            nextBusinessTime(),
          )
        : s.outsideBusinessTime(field(ext.field), instant(ext.value));
    // L3-15 checkpoint settings: the time is outside that weekday's working hours.
    case 'CHECKPOINT_OUTSIDE_BUSINESS_HOURS': {
      const hours = Array.isArray(ext.businessHours)
        ? ext.businessHours.map(
            (i: { start?: unknown; end?: unknown }) => `${text(i?.start)}–${text(i?.end)}`,
          )
        : [];
      return s.checkpointOutsideHours(
        text(ext.localTime),
        weekdayName(num(ext.weekday) ?? 0, ctx.language),
        hours.join(', '),
      );
    }
    case 'SAME_DATE':
      return s.sameDate(field(ext.field), instant(ext.value));
    // L3-19: a queue reorder's date over one staff moved since it was planned.
    case 'DATE_MOVED_SINCE':
      return s.dateMovedSince(instant(ext.releaseDate));
    case 'DATE_TOO_FAR':
      return s.dateTooFar(field(ext.field), instant(ext.latest));
    case 'ALREADY_ASSIGNED':
      return s.alreadyAssigned;
    case 'ASSIGNEE_CHANGED':
      return s.assigneeChanged;
    case 'SAME_USER':
      return s.sameUser;
    case 'REQUEST_ID_REUSED':
      return s.requestIdReused;
    case 'INTERNAL_NOTE_STAFF_ONLY':
      return s.internalNoteStaffOnly;
    case 'AGENT_REQUIRED':
      return s.agentRequired;
    case 'NO_ADMIN_ACTION':
      return s.noAdminAction;
    case 'LEDGER_REFUSED':
      return s.ledgerRefused;
    case 'NOT_REVERSIBLE':
      return s.notReversible;
    case 'ALREADY_REVERSED':
      return s.alreadyReversed;
    case 'NOT_YOUR_TIME_ENTRY':
      return s.notYourTimeEntry;
    case 'IDEMPOTENCY_KEY_REUSED':
      return s.idempotencyKeyReused;
    // L3-06 remote sessions (`workflows/ticket/transitions.ts`).
    case 'NOT_HTTPS_URL':
      return remote.linkInvalid;
    case 'DURATION_OUT_OF_RANGE':
      return remote.durationInvalid;
    case 'PROPOSAL_NOT_CURRENT':
      return remote.proposalNotCurrent;
    case 'PROPOSAL_ALREADY_ACCEPTED':
      return remote.proposalAlreadyAccepted;
    case 'NO_REMOTE_SESSION':
      return remote.noSessionAhead;
    // L3-11 files on tickets (`src/attachments/attachment-policy.ts`).
    case 'ATTACHMENT_TOO_LARGE':
      return s.attachments.tooLarge(
        text(ext.fileName),
        formatFileSize(num(ext.maxBytes) ?? 0, ctx.language),
      );
    case 'ATTACHMENT_TYPE_NOT_ALLOWED':
      return s.attachments.typeNotAllowed(
        text(ext.fileName),
        Array.isArray(ext.allowed) ? ext.allowed.map((e) => `.${String(e)}`).join(', ') : '',
      );
    case 'ATTACHMENT_CONTENT_MISMATCH':
      return s.attachments.contentMismatch(text(ext.fileName), text(ext.extension));
    case 'ATTACHMENT_LIMIT':
      return s.attachments.limit(number(ext.limit));
    case 'ATTACHMENT_EMPTY':
      return s.attachments.empty(text(ext.fileName));
    case 'ATTACHMENT_MISSING':
      return s.attachments.missing;
    case 'ATTACHMENT_NAME_INVALID':
      return s.attachments.nameInvalid;
    case 'ATTACHMENT_MALFORMED':
      return s.attachments.malformed;
    case 'NOT_UPLOADER':
      return s.attachments.notUploader;
    case 'INTERNAL_FILE_STAFF_ONLY':
      return s.attachments.internalStaffOnly;
    case 'ATTACHMENT_INTERNAL_INVALID':
      return s.attachments.internalInvalid;
    case 'ATTACHMENT_FOR_COMMENT_INVALID':
      return s.attachments.forCommentInvalid;
    case 'COMMENT_FILE_NOT_FOUND':
      return s.attachments.commentFileNotFound;
    case 'COMMENT_FILE_NOT_YOURS':
      return s.attachments.commentFileNotYours;
    case 'COMMENT_FILE_DELETED':
      return s.attachments.commentFileDeleted;
    case 'COMMENT_FILE_INTERNAL':
      return s.attachments.commentFileInternal;
    case 'COMMENT_FILE_NOT_INTERNAL':
      return s.attachments.commentFileNotInternal;
    case 'ATTACHMENT_DELETED':
      return s.attachments.deleted(text(ext.fileName), instant(ext.deletedAt));
    case 'RANGE_NOT_SATISFIABLE':
      return s.attachments.rangeNotSatisfiable(
        formatFileSize(num(ext.sizeBytes) ?? 0, ctx.language),
      );
    default:
      return undefined;
  }
}
