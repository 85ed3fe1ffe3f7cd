import type { Messages } from '../i18n/es-mx';

/** What a notice is worded with: the texts and the language on screen when it is shown. */
export interface NoticeWords {
  readonly t: Messages;
  readonly language: 'es-MX' | 'en';
}

/**
 * A success notice kept as data and worded when shown, so switching the language rewords it
 * (a string written at submit time stayed in the language it was written in).
 */
export type Notice = (words: NoticeWords) => string;

/** The notice of a form's `success(result, words)` for one result. */
export function noticeOf<T>(result: T, success: (result: T, words: NoticeWords) => string): Notice {
  return (words) => success(result, words);
}
