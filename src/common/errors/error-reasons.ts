import { ErrorCode } from './domain-error';

/**
 * Stable `reason` + parameters for refusals that reach the formatter as an English sentence only
 * (chiefly the ticket workflow's `ApplicationFailure`s, which carry no details across the
 * Update boundary). The client words a reason in the UI language; the English `message` stays
 * for API users. Each pattern matches a sentence written in this repository; a sentence that
 * matches none keeps its message and gets no reason.
 */
interface ReasonPattern {
  readonly code: ErrorCode;
  readonly pattern: RegExp;
  readonly reason: string;
  readonly params: (m: RegExpMatchArray) => Record<string, unknown>;
}

const num = (text: string): number => Number(text);

const PATTERNS: readonly ReasonPattern[] = [
  {
    // ledger-rules.ts `insufficient` (via the estimate-authorization Update: details are lost).
    code: ErrorCode.VALIDATION_FAILED,
    pattern: /^Not enough prepaid hours: ([\d.]+) h needed, ([\d.]+) h available/,
    reason: 'INSUFFICIENT_HOURS',
    params: (m) => ({
      requestedHours: num(m[1]),
      availableHours: num(m[2]),
      shortfallHours: Math.round((num(m[1]) - num(m[2])) * 100) / 100,
    }),
  },
  {
    // workflows/ticket transitions.ts and date-adjustment.ts: `${field} ${iso} is not in the future`.
    code: ErrorCode.VALIDATION_FAILED,
    pattern: /^(\w+) (\S+) is not in the future$/,
    reason: 'NOT_IN_FUTURE',
    params: (m) => ({ field: m[1], value: m[2] }),
  },
  {
    code: ErrorCode.VALIDATION_FAILED,
    pattern: /^(\w+) must not be in the future$/,
    reason: 'IN_FUTURE',
    params: (m) => ({ field: m[1] }),
  },
  {
    code: ErrorCode.FORBIDDEN,
    pattern: /^(\w+) may not (\w+); allowed: (.+)$/,
    reason: 'ROLE_NOT_ALLOWED',
    params: (m) => ({ role: m[1], action: m[2], allowedRoles: m[3].split(', ') }),
  },
  {
    code: ErrorCode.FORBIDDEN,
    pattern: /^This operation needs one of the roles /,
    reason: 'ROLE_NOT_ALLOWED',
    params: () => ({}),
  },
  {
    code: ErrorCode.INVALID_TRANSITION,
    pattern: /^cannot (\w+) a ticket in state (\w+)$/,
    reason: 'WRONG_STATE',
    params: (m) => ({ action: m[1], state: m[2] }),
  },
  {
    code: ErrorCode.INVALID_TRANSITION,
    pattern: /^cannot (\w+) a (\w+) ticket$/,
    reason: 'WRONG_CATEGORY',
    params: (m) => ({ action: m[1], category: m[2] }),
  },
  {
    code: ErrorCode.INVALID_TRANSITION,
    pattern: /^estimate v(\d+) is already authorized$/,
    reason: 'ESTIMATE_ALREADY_AUTHORIZED',
    params: (m) => ({ estimateVersion: num(m[1]) }),
  },
  {
    code: ErrorCode.INVALID_TRANSITION,
    pattern: /^estimate v(\d+) is not the submitted estimate \(current v(\d+)\)$/,
    reason: 'ESTIMATE_NOT_SUBMITTED',
    params: (m) => ({ estimateVersion: num(m[1]), currentVersion: num(m[2]) }),
  },
  {
    code: ErrorCode.NOT_FOUND,
    pattern: /^(Ticket|Calendar|Checkpoint) (\S+) not found$/,
    reason: 'NOT_FOUND',
    params: (m) => ({ entity: m[1].toLowerCase(), id: m[2] }),
  },
  {
    code: ErrorCode.NOT_FOUND,
    pattern: /^No (user|organisation|client organisation|ledger entry|outbox email) (\S+)$/,
    reason: 'NOT_FOUND',
    params: (m) => ({ entity: m[1].replace(/ /g, '_'), id: m[2] }),
  },
];

/** The reason and parameters a known English refusal stands for, or undefined. */
export function reasonOf(
  code: string,
  message: string,
): { reason: string; [param: string]: unknown } | undefined {
  for (const p of PATTERNS) {
    if (p.code !== (code as ErrorCode)) continue;
    const m = message.match(p.pattern);
    if (m) return { reason: p.reason, ...p.params(m) };
  }
  return undefined;
}
