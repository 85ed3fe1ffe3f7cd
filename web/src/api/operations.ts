import { operation } from './graphql-client';
import type { CalendarChangeWords } from '../i18n/deadline-recomputed.es-mx';

// Every operation the web app sends, with the shapes it reads back (a subset of schema.graphql).

export type Role = 'CLIENT_USER' | 'CLIENT_APPROVER' | 'AGENT' | 'MANAGER' | 'ADMIN';
export type Locale = 'ES_MX' | 'EN';
export type OrganizationKind = 'CLIENT' | 'PROVIDER';
export type BusinessUnit = 'BUSINESS_MINUTES' | 'BUSINESS_HOURS' | 'BUSINESS_DAYS';

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  timeZone: string;
  active: boolean;
  /** L3-04: invited and no password chosen yet (absent in sessions stored before it existed). */
  invitationPending?: boolean;
  organization: Organization;
}

const USER_FIELDS = `id email displayName roles locale timeZone active invitationPending organization { id name kind }`;

export const LOGIN = operation<
  { login: { token: string; expiresAt: string; user: User } },
  { email: string; password: string }
>(`mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt user { ${USER_FIELDS} } }
}`);

/**
 * «Cerrar sesión» (QA S60 #2): ends this token's session on the server too. Public and idempotent:
 * always `true`, whatever the token's state.
 */
export const LOGOUT = operation<{ logout: boolean }>(`mutation Logout { logout }`);

export const ME = operation<{ me: User }>(`query Me { me { ${USER_FIELDS} } }`);

/** The signed-in user's own language and time zone (L3-04, L3-11: their emails follow them). */
export const UPDATE_MY_PREFERENCES = operation<
  { updateMyPreferences: User },
  { input: { locale?: Locale; timeZone?: string } }
>(`mutation UpdateMyPreferences($input: UpdateMyPreferencesInput!) {
  updateMyPreferences(input: $input) { ${USER_FIELDS} }
}`);

export interface DeadlineResult {
  deadline: string;
  localDeadline: string;
  timeZone: string;
  calendarId: string;
  calendarVersion: number;
  clockStart: string | null;
  explanation: string[];
}

export const BUSINESS_DEADLINE = operation<
  { businessDeadline: DeadlineResult },
  {
    from: string;
    amount: number;
    unit: BusinessUnit;
    calendarId: string | null;
    language: 'ES_MX' | 'EN';
  }
>(`query BusinessDeadline($from: DateTime!, $amount: Int!, $unit: BusinessUnit!, $calendarId: ID, $language: ExplanationLanguage!) {
  businessDeadline(from: $from, amount: $amount, unit: $unit, calendarId: $calendarId, language: $language) {
    deadline localDeadline timeZone calendarId calendarVersion clockStart explanation
  }
}`);

export interface CalendarSummary {
  id: string;
  name: string;
  timeZone: string;
  isDefault: boolean;
  organizationId: string | null;
  version: number;
}

export const CALENDARS = operation<{ calendars: CalendarSummary[] }>(
  `query Calendars { calendars { id name timeZone isDefault organizationId version } }`,
);

export interface TimeInterval {
  start: string;
  end: string;
}

export interface CalendarHoliday {
  date: string;
  name: string;
  source: string;
}

export interface CalendarDetail extends CalendarSummary {
  holidaySources: string[];
  weekly: { weekday: number; intervals: TimeInterval[] }[];
  holidays: CalendarHoliday[];
  overrides: { date: string; reason: string | null; intervals: TimeInterval[] }[];
  versions: {
    version: number;
    change: string;
    changedAt: string;
    changedByName: string | null;
    /** What it changed, as data (BUSINESS-TIME.md); null: written before, or the creation. */
    details: CalendarChangeWords[] | null;
  }[];
  /** Provider staff only: who a change reaches. */
  usage: {
    clients: number;
    /** The first clients reached by name (up to 5), alphabetically. */
    clientNames: string[];
    openTickets: number;
    /** L3-19: release dates published on it still ahead (a day closed leaves them there). */
    publishedDeliveries: { ticketNumber: string; releaseDate: string }[];
  } | null;
}

export const CALENDAR = operation<{ calendar: CalendarDetail }, { id: string; year: number }>(
  `query Calendar($id: ID!, $year: Int!) {
  calendar(id: $id) {
    id name timeZone isDefault organizationId version holidaySources
    weekly { weekday intervals { start end } }
    holidays(year: $year) { date name source }
    overrides { date reason intervals { start end } }
    versions {
      version change changedAt changedByName
      details { kind date name source reason timeZone intervals { start end } }
    }
    usage { clients clientNames openTickets publishedDeliveries { ticketNumber releaseDate } }
  }
}`,
);

type CalendarEdit = { [name: string]: { id: string; version: number } };

export const ADD_HOLIDAY = operation<
  CalendarEdit,
  { id: string; holiday: { date: string; name: string; source: string } }
>(`mutation AddHoliday($id: ID!, $holiday: CalendarHolidayInput!) {
  addCalendarHoliday(calendarId: $id, holiday: $holiday) { id version }
}`);

export const REMOVE_HOLIDAY = operation<CalendarEdit, { id: string; date: string }>(
  `mutation RemoveHoliday($id: ID!, $date: String!) {
  removeCalendarHoliday(calendarId: $id, date: $date) { id version }
}`,
);

export const SET_OVERRIDE = operation<
  CalendarEdit,
  { id: string; override: { date: string; reason: string; intervals: TimeInterval[] } }
>(`mutation SetOverride($id: ID!, $override: CalendarOverrideInput!) {
  setCalendarOverride(calendarId: $id, override: $override) { id version }
}`);

export const REMOVE_OVERRIDE = operation<CalendarEdit, { id: string; date: string }>(
  `mutation RemoveOverride($id: ID!, $date: String!) {
  removeCalendarOverride(calendarId: $id, date: $date) { id version }
}`,
);

export const SET_LFT74 = operation<CalendarEdit, { id: string; enabled: boolean }>(
  `mutation SetLft74($id: ID!, $enabled: Boolean!) {
  updateCalendar(id: $id, input: { mexicoLft74Holidays: $enabled }) { id version }
}`,
);

export type WeeklyInput = { weekday: number; intervals: TimeInterval[] }[];

export interface CreateCalendarInput {
  name: string;
  timeZone: string;
  weekly: WeeklyInput;
  mexicoLft74Holidays: boolean;
  organizationId: string;
}

export const CREATE_CALENDAR = operation<
  { createCalendar: { id: string; version: number } },
  { input: CreateCalendarInput }
>(`mutation CreateCalendar($input: CreateCalendarInput!) {
  createCalendar(input: $input) { id version }
}`);

/** Name, time zone and the whole week at once (BUSINESS-TIME.md: a new version). */
export const UPDATE_CALENDAR_WEEK = operation<
  CalendarEdit,
  { id: string; input: { name?: string; timeZone?: string; weekly?: WeeklyInput } }
>(`mutation UpdateCalendarWeek($id: ID!, $input: UpdateCalendarInput!) {
  updateCalendar(id: $id, input: $input) { id version }
}`);

export const ORGANIZATIONS = operation<{ organizations: Organization[] }>(
  `query Organizations { organizations { id name kind } }`,
);

export const USERS = operation<{ users: User[] }, { organizationId: string | null }>(
  `query Users($organizationId: ID) { users(organizationId: $organizationId) { ${USER_FIELDS} } }`,
);

export interface CreateUserInput {
  organizationId: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  timeZone: string;
  temporaryPassword: string;
}

export const CREATE_USER = operation<{ createUser: User }, { input: CreateUserInput }>(
  `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`,
);

export const SET_USER_ACTIVE = operation<
  { setUserActive: User },
  { userId: string; active: boolean }
>(`mutation SetUserActive($userId: ID!, $active: Boolean!) {
  setUserActive(userId: $userId, active: $active) { ${USER_FIELDS} }
}`);

/**
 * QA S62 #1, #2: what deactivating a user leaves behind, for its confirmation and «Reasignar sus
 * tickets» (administrators and managers).
 */
export const USER_OPEN_TICKETS = operation<
  {
    userOpenTickets: {
      registered: number;
      assigned: number;
      activeApprovers: number;
      sessionsAhead: number;
      /** L3-06: of `sessionsAhead`, those the client confirmed. */
      confirmedSessionsAhead: number;
      otherActiveAgents: number;
    };
  },
  { userId: string }
>(`query UserOpenTickets($userId: ID!) {
  userOpenTickets(userId: $userId) {
    registered assigned activeApprovers sessionsAhead confirmedSessionsAhead otherActiveAgents
  }
}`);

/** A ticket «Reasignar sus tickets» could not move, with its typed error (L3-07). */
export interface TicketReassignmentFailure {
  number: string;
  code: string;
  reason: string | null;
  message: string;
}

/** What «Reasignar sus tickets» did (reassignOpenTickets, L3-07). */
export interface OpenTicketsReassignment {
  moved: string[];
  movedCount: number;
  alreadyAssigned: string[];
  failed: TicketReassignmentFailure[];
  /** Open tickets the agent still holds after the call (failed ones included). */
  remaining: number;
  /** `after` for the next call; null when the pass is over. */
  nextAfter: string | null;
}

/**
 * L3-07: a batch (at most `first`) of the open tickets `fromUserId` holds, numbered after `after`,
 * to the active agent `toUserId`, ticket by ticket; call again with `nextAfter` until it is null.
 */
export const REASSIGN_OPEN_TICKETS = operation<
  { reassignOpenTickets: OpenTicketsReassignment },
  { fromUserId: string; toUserId: string; note?: string; first?: number; after?: string }
>(`mutation ReassignOpenTickets($fromUserId: ID!, $toUserId: ID!, $note: String, $first: Int,
  $after: String) {
  reassignOpenTickets(fromUserId: $fromUserId, toUserId: $toUserId, note: $note, first: $first,
    after: $after) {
    moved movedCount alreadyAssigned failed { number code reason message } remaining nextAfter
  }
}`);

/** Roles a user may hold in an organization of this kind (the API enforces the same rule). */
export const ROLES_BY_KIND: Record<OrganizationKind, Role[]> = {
  CLIENT: ['CLIENT_USER', 'CLIENT_APPROVER'],
  PROVIDER: ['AGENT', 'MANAGER', 'ADMIN'],
};
