// English clock times: the emails' rule too (see clock-time.es-mx.ts).
export { clockTimeEn } from '../../../src/shared/business-time-text';
