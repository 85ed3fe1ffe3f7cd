import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { type Notice, type NoticeWords, noticeOf } from './notice';

/** Busy/error/success state of a form whose values stay put when the server says no. */
export function useMutationForm() {
  const { t, language } = useI18n();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState(false);

  /**
   * Runs `action`; on success shows `success(result, words)`, on failure the error (values
   * untouched). The notice is worded from `words` each time it is shown, so it follows the
   * language switch: word it from `words`, not from texts captured when the form was sent.
   */
  async function run<T>(
    action: () => Promise<T>,
    success: (result: T, words: NoticeWords) => string,
  ): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const result = await action();
      // A function in state must be wrapped, or React would call it as an updater.
      setNotice(() => noticeOf(result, success));
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const done = notice?.({ t, language });
  return { error, done, busy, run };
}
