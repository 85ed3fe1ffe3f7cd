import { useState } from 'react';

/** Busy/error/success state of a form whose values stay put when the server says no. */
export function useMutationForm() {
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  /** Runs `action`; on success shows `success(result)`, on failure the error (values untouched). */
  async function run<T>(
    action: () => Promise<T>,
    success: (result: T) => string,
  ): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const result = await action();
      setDone(success(result));
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { error, done, busy, run };
}
