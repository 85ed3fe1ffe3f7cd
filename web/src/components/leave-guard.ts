// «¿Salir del sitio?»: the browser asks before the page is left or reloaded while something on it
// would be lost: a form's text not sent (`useUnsentGuard`), or a file still going up (QA S62 #5:
// a tab closed mid-upload lost the file and nobody was told). One listener for all of them.

/** What would be lost: a form's text, or a file going up. */
export type LeaveHold = 'text' | 'upload';

const holds = new Map<symbol, LeaveHold>();

function warnBeforeUnload(event: BeforeUnloadEvent) {
  if (holds.size === 0) return;
  event.preventDefault();
  // Older Chromium versions ask only when returnValue is set.
  event.returnValue = '';
}

/** Leaving the page asks first until the answer is called (once; later calls change nothing). */
export function holdLeavePage(what: LeaveHold): () => void {
  const id = Symbol(what);
  if (holds.size === 0) window.addEventListener('beforeunload', warnBeforeUnload);
  holds.set(id, what);
  return () => {
    if (!holds.delete(id)) return;
    if (holds.size === 0) window.removeEventListener('beforeunload', warnBeforeUnload);
  };
}

/** Whether leaving the page would lose something of that kind. */
export function leavingLoses(what: LeaveHold): boolean {
  return [...holds.values()].includes(what);
}
