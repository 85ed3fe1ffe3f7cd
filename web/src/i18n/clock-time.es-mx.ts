// A clock's business time in words is the emails' rule too (src/shared/business-time-text.ts: the
// SLA warnings said «27 h hábiles» where the app said «3 días hábiles»). Vite bundles it from
// there; this file keeps the app's imports short.
export { clockTimeEsMX, type ClockTimeMessages } from '../../../src/shared/business-time-text';
