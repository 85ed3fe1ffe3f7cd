import type { CalendarEditorMessages } from './calendar-editor.es-mx';

// Pure: the calendar engine's refusal (`extensions.issues`, each {code, path, message}; see
// src/business-time/engine/calendar-validation.ts) in the UI language. Undefined when an issue
// is of a kind not worded here: the caller then shows the server's own message.

interface Issue {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

function issuesOf(raw: unknown): Issue[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((i: unknown) => {
    const v = i as Partial<Issue> | null;
    return v && typeof v.code === 'string' && typeof v.path === 'string'
      ? [{ code: v.code, path: v.path, message: typeof v.message === 'string' ? v.message : '' }]
      : [];
  });
}

function weekdayOf(iso: number, language: string): string {
  const name = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, iso)), // 2024-01-01 was a Monday
  );
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/** Where an issue is: "Sábado, intervalo 1", "Excepción, intervalo 2", or the raw path. */
function placeOf(path: string, m: CalendarEditorMessages['issues'], language: string): string {
  let match = /^weekly\.([1-7])\[(\d+)\]/.exec(path);
  if (match) return m.weekdayInterval(weekdayOf(Number(match[1]), language), Number(match[2]) + 1);
  match = /^weekly\.([1-7])$/.exec(path);
  if (match) return m.weekday(weekdayOf(Number(match[1]), language));
  match = /^overrides\[\d+\]\.intervals\[(\d+)\]/.exec(path);
  if (match) return m.overrideInterval(Number(match[1]) + 1);
  return path;
}

export function calendarIssuesText(
  rawIssues: unknown,
  m: CalendarEditorMessages['issues'],
  language: string,
): string | undefined {
  const issues = issuesOf(rawIssues);
  if (!issues.length) return undefined;
  const sentences: string[] = [];
  for (const issue of issues) {
    const where = placeOf(issue.path, m, language);
    switch (issue.code) {
      case 'END_NOT_AFTER_START': {
        const times = /^end (\S+) must be after start (\S+)$/.exec(issue.message);
        if (!times) return undefined;
        sentences.push(m.endNotAfterStart(where, times[2], times[1]));
        break;
      }
      case 'OVERLAPPING_INTERVALS':
        sentences.push(m.overlapping(where));
        break;
      case 'MALFORMED_TIME':
        sentences.push(m.malformedTime(where));
        break;
      case 'UNKNOWN_TIME_ZONE': {
        const zone = /^"(.*)" is not/.exec(issue.message)?.[1] ?? '';
        sentences.push(m.unknownTimeZone(zone));
        break;
      }
      default:
        return undefined;
    }
  }
  return [...new Set(sentences)].join(' ');
}
