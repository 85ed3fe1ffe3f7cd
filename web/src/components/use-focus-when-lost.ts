import { type RefObject, useEffect } from 'react';

/**
 * Moves focus to `target` (a notice with tabIndex -1) when `shown` turns on and the focus has
 * fallen to the page body: a sent form closes, or its button is disabled while it sends, and the
 * keyboard or screen-reader user would otherwise start again from the top (WCAG 2.4.3). Focus on
 * `<main>` counts as fallen too (QA S59): a second click on the disabled button focuses the nearest
 * focusable ancestor, the page's main region. Focus the user still holds elsewhere is left alone.
 */
export function useFocusWhenLost(target: RefObject<HTMLElement | null>, shown: unknown): void {
  useEffect(() => {
    if (!shown) return;
    if (focusFallen(document.activeElement)) target.current?.focus();
  }, [target, shown]);
}

/** Whether the focus is on nothing the user chose: the page body, or the `<main>` region itself. */
export function focusFallen(active: Element | null): boolean {
  return active === null || active === document.body || active.tagName === 'MAIN';
}
