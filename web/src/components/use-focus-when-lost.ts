import { type RefObject, useEffect } from 'react';

/**
 * Moves focus to `target` (a notice with tabIndex -1) when `shown` turns on and the focus has
 * fallen to the page body: a sent form closes, or its button is disabled while it sends, and the
 * keyboard or screen-reader user would otherwise start again from the top (WCAG 2.4.3). Focus
 * the user still holds elsewhere is left alone.
 */
export function useFocusWhenLost(target: RefObject<HTMLElement | null>, shown: unknown): void {
  useEffect(() => {
    if (!shown) return;
    const active = document.activeElement;
    if (active === null || active === document.body) target.current?.focus();
  }, [target, shown]);
}
