import { numberFormat } from '../../../src/shared/intl-formats';
import { TEXT_COUNT_FROM } from '../../../src/shared/text-limits';
import type { ServerErrorMessages } from '../i18n/server-errors.es-mx';
import type { TextCountMessages } from '../i18n/text-count.es-mx';

// What a long text's counter says and when it shows (`TextCount`). Pure: the unit tier tests it.

/** Whether a text's count shows: from {@link TEXT_COUNT_FROM} of its limit on. */
export function countShown(length: number, limit: number): boolean {
  return length >= limit * TEXT_COUNT_FROM;
}

/** `id` when the count of `value` shows, for a field's `aria-describedby`; else undefined. */
export function countId(id: string, value: string, limit: number): string | undefined {
  return countShown(value.length, limit) ? id : undefined;
}

/**
 * What a long text's counter says: nothing until it reaches {@link TEXT_COUNT_FROM} of its limit,
 * then «18,500 de 20,000 caracteres», and past it how many are too many.
 */
export function textCountText(
  length: number,
  limit: number,
  words: TextCountMessages,
): { text: string; over: boolean } | null {
  if (length > limit) return { text: words.over(length, limit), over: true };
  if (!countShown(length, limit)) return null;
  return { text: words.count(length, limit), over: false };
}

/**
 * A form's own refusal of a text past its limit, before sending (QA S52: it went to the server
 * and came back under «Los datos no son válidos.»): the server's words for the same rule,
 * «“Descripción” admite como máximo 20,000 caracteres.»; undefined within the limit.
 */
export function overLimitText(
  value: string,
  limit: number,
  label: string,
  words: ServerErrorMessages,
  language: string,
): string | undefined {
  if (value.length <= limit) return undefined;
  return words.constraints.maxLength(label, numberFormat(language, {}).format(limit));
}
