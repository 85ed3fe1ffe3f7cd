// Holiday names as the reader sees them: the server's rule (src/shared/holiday-names.ts), so the
// web app and the API's texts name the generated LFT art. 74 days alike in each language.
export { holidayDisplayName } from '../../../src/shared/holiday-names';
