import { join } from 'node:path';
import { ROOT } from '../../support/paths';

/** The web app the e2e tier builds once (global-setup) and the API serves. */
export const WEB_DIST = join(ROOT, 'dist', 'web');
/** What that build printed (`--logLevel warn`: warnings and errors only). */
export const WEB_BUILD_OUTPUT = join(ROOT, 'dist', 'web-build-output.txt');
