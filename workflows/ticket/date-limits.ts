// How far ahead a ticket's dates may be set. Pure and deterministic: the API checks them before an
// Update is sent (with the calendar for a remote session), and the `adjustReleaseDate` Update
// validator checks the release-date horizon (a validator writes no history, so replay is unaffected).

/** L3-06: a remote session is proposed at most this many days ahead. */
export const REMOTE_SESSION_MAX_DAYS_AHEAD = 90;

/** L3-09/L3-19: a release-for-testing date is published at most one year ahead. */
export const RELEASE_DATE_MAX_YEARS_AHEAD = 1;

const DAY_MS = 86_400_000;

/** The latest release-for-testing date allowed at `nowMs`: the same instant one year later (UTC). */
export function latestReleaseDate(nowMs: number): number {
  const limit = new Date(nowMs);
  limit.setUTCFullYear(limit.getUTCFullYear() + RELEASE_DATE_MAX_YEARS_AHEAD);
  return limit.getTime();
}

/** The latest remote-session instant allowed at `nowMs`. */
export function latestRemoteSession(nowMs: number): number {
  return nowMs + REMOTE_SESSION_MAX_DAYS_AHEAD * DAY_MS;
}

/** A date set too far ahead: the sentence (Spanish first, then English) and its reason. */
export interface DateTooFar {
  readonly message: string;
  readonly refusal: {
    readonly reason: 'DATE_TOO_FAR';
    readonly field: string;
    readonly value: string;
    /** The latest instant allowed, ISO-8601. */
    readonly latest: string;
  };
}

/** Why a release date is too far ahead, or null when it is not. */
export function releaseDateTooFar(iso: string, nowMs: number): DateTooFar | null {
  const ms = Date.parse(iso);
  const latest = latestReleaseDate(nowMs);
  if (Number.isNaN(ms) || ms <= latest) return null;
  return {
    message:
      `La fecha de liberación ${iso} está a más de un año; publique una fecha dentro de los próximos 12 meses / ` +
      `release date ${iso} is more than one year ahead; publish a date within the next 12 months`,
    refusal: {
      reason: 'DATE_TOO_FAR',
      field: 'releaseDate',
      value: iso,
      latest: new Date(latest).toISOString(),
    },
  };
}

/** Why a remote session is too far ahead, or null when it is not. */
export function remoteSessionTooFar(iso: string, nowMs: number): DateTooFar | null {
  const ms = Date.parse(iso);
  const latest = latestRemoteSession(nowMs);
  if (Number.isNaN(ms) || ms <= latest) return null;
  return {
    message:
      `La sesión remota ${iso} está a más de ${REMOTE_SESSION_MAX_DAYS_AHEAD} días; proponga una fecha más cercana / ` +
      `remote session ${iso} is more than ${REMOTE_SESSION_MAX_DAYS_AHEAD} days ahead; propose an earlier date`,
    refusal: {
      reason: 'DATE_TOO_FAR',
      field: 'at',
      value: iso,
      latest: new Date(latest).toISOString(),
    },
  };
}
