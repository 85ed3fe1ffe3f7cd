import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
/** Tool cache shared with `npm start`, so binaries are provisioned once per machine/clone. */
export const TOOLS_DIR = join(ROOT, '.tools');
