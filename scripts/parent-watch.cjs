// `kill <pid of npm start>` (QA S59): npm ends on SIGTERM without passing it on, so run.cjs, its
// child, was left behind with the orchestrator and every service still running. run.cjs therefore
// watches its parent too: once the parent is gone (the process is handed to another parent), it
// does what the signal would have done. Plain Node, no dependencies (it runs before node_modules).
'use strict';
const { setInterval, clearInterval } = require('node:timers');

/**
 * Calls `onGone()` once when this process's parent has ended (its parent pid changes), checking
 * every `intervalMs`. The check does not keep the process alive; the returned function stops it.
 */
function watchParent(onGone, intervalMs = 500) {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

module.exports = { watchParent };
