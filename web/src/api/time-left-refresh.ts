import { useEffect } from 'react';

/**
 * How often a screen that shows a running clock's time left reads it again. The API computes
 * business time left (and a breached clock's lateness) when it is read, so without a re-read the
 * figure stood still between two changes of the ticket while «Actualizado hace…» grew.
 */
export const TIME_LEFT_REFRESH_MS = 60_000;

/**
 * Calls `reload` every {@link TIME_LEFT_REFRESH_MS} while `active` (the screen shows a running
 * clock) and the tab is visible; a tab shown again after a longer absence reads at once. The live
 * feed still brings every change of a ticket as it happens: this only keeps the minutes current.
 */
export function useTimeLeftRefresh(reload: () => void, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    const read = () => {
      last = Date.now();
      reload();
    };
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') read();
    }, TIME_LEFT_REFRESH_MS);
    const shown = () => {
      if (document.visibilityState === 'visible' && Date.now() - last >= TIME_LEFT_REFRESH_MS)
        read();
    };
    document.addEventListener('visibilitychange', shown);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', shown);
    };
  }, [reload, active]);
}
