import { useCallback, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { Notice } from './notice';

/**
 * A success notice, or a form's own refusal («Complete el campo «Asunto».»), kept as data and
 * worded from the texts on screen each time it is shown, so the language switch rewords it (like
 * useMutationForm's). Set it with `(w) => w.t.…`, not with a string written at submit time.
 */
export function useNotice(): [string | undefined, (notice: Notice | undefined) => void] {
  const { t, language } = useI18n();
  const [notice, setNotice] = useState<Notice>();
  // A function in state must be wrapped, or React would call it as an updater.
  const set = useCallback((next: Notice | undefined) => setNotice(() => next), []);
  return [notice?.({ t, language }), set];
}
