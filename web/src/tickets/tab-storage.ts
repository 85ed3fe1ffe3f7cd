import type { DraftStorageKeys } from './live-draft';

/**
 * The tab's sessionStorage, where the forms keep their drafts (`live-draft.ts`), or undefined
 * where the browser refuses it (locked-down profiles).
 */
export function tabStorage(): DraftStorageKeys | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
