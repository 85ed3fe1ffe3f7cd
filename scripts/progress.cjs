'use strict';
// Plain Node (no dependencies): run.cjs needs it before node_modules exists.

/**
 * While a long step prints nothing (`npm ci` is silent for a minute or more on a fresh clone),
 * says `still <what>… (<n> s)` every `everyMs`, so the console does not look stuck. Returns the
 * function that stops it; the timer never keeps the process alive on its own.
 * @param {string} what
 * @param {(line: string) => void} say
 * @param {number} [everyMs]
 * @returns {() => void}
 */
function reportProgress(what, say, everyMs = 20_000) {
  const began = Date.now();
  const timer = globalThis.setInterval(() => {
    say(`still ${what}… (${Math.round((Date.now() - began) / 1000)} s)`);
  }, everyMs);
  timer.unref();
  return () => globalThis.clearInterval(timer);
}

module.exports = { reportProgress };
