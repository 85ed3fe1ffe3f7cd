// How a screen's choices are read from and written to the address's query (`?cliente=…&reloj=…`):
// one reader and one writer for every screen that keeps its filters there (review S19). Pure (no
// window), so the screens' own pure filter files and their unit tests use it; `replaceSearch`
// (router.tsx) puts what `searchWith` returns in the address.

/**
 * The choices a screen offers for one parameter: the list itself, or, while the list is not read
 * yet, a test of what could be one (an ID's shape).
 */
export type Offered<T extends string> = readonly T[] | ((value: string) => value is T);

/**
 * `value` as one of the `offered` choices (compared without case and surrounding spaces, and
 * given back as the choice is spelled); `fallback` for a value not offered or absent.
 */
export function offeredChoice<T extends string, F>(
  value: string | null | undefined,
  offered: Offered<T>,
  fallback: F,
): T | F {
  const text = value?.trim();
  if (!text) return fallback;
  if (typeof offered === 'function') return offered(text) ? text : fallback;
  const wanted = text.toLowerCase();
  return offered.find((choice) => choice.toLowerCase() === wanted) ?? fallback;
}

/**
 * The choice the address's `param` holds: one of `offered`, or `fallback` when the address has
 * none or one the screen does not offer (a hand-edited link, a client since removed), so a
 * shared or old link never shows a filter the screen's own controls cannot show.
 */
export function searchChoice<T extends string, F>(
  search: string,
  param: string,
  offered: Offered<T>,
  fallback: F,
): T | F {
  return offeredChoice(new URLSearchParams(search).get(param), offered, fallback);
}

/**
 * The words the address spells a screen's choices with (Spanish, as the app's paths:
 * «?mostrar=por-autorizar», not the API's code `AWAITING`), one per choice.
 */
export type ChoiceWords<T extends string> = Readonly<Record<T, string>>;

/**
 * The choice `param` holds as its word in `words`; a choice's own code is read too (the
 * addresses written before the words: «?mostrar=awaiting»). `fallback` for anything else.
 */
export function wordedSearchChoice<T extends string, F>(
  search: string,
  param: string,
  words: ChoiceWords<T>,
  fallback: F,
): T | F {
  const choices = Object.keys(words) as T[];
  const value = new URLSearchParams(search).get(param)?.trim().toLowerCase();
  const worded = choices.find((choice) => words[choice] === value);
  return worded ?? offeredChoice(value, choices, fallback);
}

/**
 * `search` with `values` set (a '', null or undefined value removes its parameter; the others of
 * the address are kept), as `?…` or '' for `replaceSearch`.
 */
export function searchWith(
  search: string,
  values: Readonly<Record<string, string | null | undefined>>,
): string {
  const params = new URLSearchParams(search);
  for (const [param, value] of Object.entries(values)) {
    if (value) params.set(param, value);
    else params.delete(param);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An organization's or a user's ID as the API takes it (a UUID): what a screen can offer before
 * it has read its list. Anything else («?agente=juan», a truncated link) is not one.
 */
export function isId(value: string): value is string {
  return UUID.test(value);
}
