// L3-03, L3-13: the monthly statement as a CSV file in the UI language, built from the statement
// the page shows, so the file and the screen never disagree. The words and the layout are the
// API's download's too (src/shared/statement-csv.ts): one file, whichever way it is fetched.
export {
  movementKindWords,
  statementCsv,
  statementFileName,
} from '../../../src/shared/statement-csv';
