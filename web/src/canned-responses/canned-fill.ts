// Canned responses on the ticket page: the placeholders filled with the ticket's facts, and the
// text put into the textarea. Pure (no DOM, no React): the unit tier tests it directly.

/** What the placeholders of a canned response stand for on one ticket; null when unknown. */
export interface CannedValues {
  /** The client organization's name. */
  readonly client: string | null;
  /** The ticket number, e.g. L3-2026-000123. */
  readonly ticket: string | null;
  readonly subject: string | null;
  /** Who registered the ticket, by name. */
  readonly requester: string | null;
  /** The logged-in staff member, by name. */
  readonly agent: string | null;
}

/** The languages a canned response may be written in. */
export type CannedLanguage = 'es' | 'en';

/**
 * The text of a canned response for a ticket whose registrant reads `locale` (their user
 * locale): the English text for an English reader when there is one, else the Spanish text
 * (also when the registrant is unknown). `language`: the one the text is in.
 */
export function cannedTextFor(
  response: { readonly body: string; readonly bodyEn: string | null },
  locale: 'ES_MX' | 'EN' | null | undefined,
): { text: string; language: CannedLanguage } {
  return locale === 'EN' && response.bodyEn?.trim()
    ? { text: response.bodyEn, language: 'en' }
    : { text: response.body, language: 'es' };
}

/** The languages a canned response has a text in: Spanish always, English when written. */
export function cannedLanguages(response: { readonly bodyEn: string | null }): CannedLanguage[] {
  return response.bodyEn?.trim() ? ['es', 'en'] : ['es'];
}

/** Every placeholder: its Spanish name, its English alias and the value it takes. */
export const PLACEHOLDERS: readonly {
  readonly name: string;
  readonly alias: string;
  readonly value: keyof CannedValues;
}[] = [
  { name: 'cliente', alias: 'client', value: 'client' },
  { name: 'ticket', alias: 'ticket', value: 'ticket' },
  { name: 'asunto', alias: 'subject', value: 'subject' },
  { name: 'solicitante', alias: 'requester', value: 'requester' },
  { name: 'agente', alias: 'agent', value: 'agent' },
];

const BY_NAME = new Map<string, keyof CannedValues>(
  PLACEHOLDERS.flatMap((p) => [
    [p.name, p.value],
    [p.alias, p.value],
  ]),
);

/** `{{nombre}}`, spaces inside the braces allowed (`{{ ticket }}`). */
const PLACEHOLDER = /\{\{\s*([\p{L}_]+)\s*\}\}/gu;

/**
 * The body with its placeholders filled, in one pass (a value that itself looks like a
 * placeholder stays as it is). Names are matched regardless of case (`{{Cliente}}` at the start
 * of a sentence). An unknown placeholder, or one whose value is unknown on this ticket (e.g. no
 * registrant name), stays as typed, so the person sees it and fills it in before sending.
 */
export function fillCanned(body: string, values: CannedValues): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => {
    const key = BY_NAME.get(name.toLowerCase());
    const value = key ? values[key]?.trim() : undefined;
    return value ? value : whole;
  });
}

/**
 * The placeholders a filled text still holds (unknown ones, or ones with no value on this ticket),
 * each once, in order: the person is told to replace them before sending (QA: «Fecha: {{fecha}}»
 * reached a client).
 */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set(text.match(/\{\{[^{}\n]*\}\}/g) ?? [])];
}

/** Where the cursor is in the textarea (`selectionStart`/`selectionEnd`). */
export interface TextSelection {
  readonly start: number;
  readonly end: number;
}

/**
 * `current` with `text` put in: into an empty textarea as it is; at the cursor (replacing what
 * is selected) when the cursor is inside the text; after a blank line when it is at the end of
 * the text or unknown (nothing typed is ever lost). `caret`: where the cursor goes, after the
 * inserted text.
 */
export function insertCanned(
  current: string,
  selection: TextSelection | undefined,
  text: string,
): { value: string; caret: number } {
  if (current.trim() === '') return { value: text, caret: text.length };
  const start = selection ? Math.max(0, Math.min(selection.start, current.length)) : current.length;
  const end = selection ? Math.max(start, Math.min(selection.end, current.length)) : start;
  if (start === current.length) {
    const value = `${current.trimEnd()}\n\n${text}`;
    return { value, caret: value.length };
  }
  // Inside the text: never glued to the words around it (QA: «Buenos días.Hola Úrsula»).
  const before = current.slice(0, start);
  const after = current.slice(end);
  const lead = before === '' || /\s$/.test(before) ? '' : ' ';
  const trail = after === '' || /^\s/.test(after) ? '' : ' ';
  return {
    value: `${before}${lead}${text}${trail}${after}`,
    caret: start + lead.length + text.length,
  };
}
