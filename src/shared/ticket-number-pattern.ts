// The ticket number's shape, one definition for the API's validation and the web app's forms.
// Pure (no Node, DOM or Nest): Vite bundles it into the web app by a relative path.

/** L3-02: `L3-<year>-<6+ digit sequence>` (six digits, more past 999,999 in a year). */
export const TICKET_NUMBER_PATTERN = /^L3-\d{4}-\d{6,}$/;
