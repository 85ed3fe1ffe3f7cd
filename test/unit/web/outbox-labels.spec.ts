import { HOURS_CHANGED_EMAIL_TYPE } from '../../../src/contracts/hour-change-email';
import { LOW_BALANCE_EMAIL_TYPE } from '../../../src/contracts/low-balance-email';
import { NO_CHARGE_EMAIL_TYPE } from '../../../src/contracts/no-charge-email';
import { EMAIL_CHANGED_EMAIL_TYPE } from '../../../src/identity/email-changed-email';
import { PASSWORD_CHANGED_EMAIL_TYPE } from '../../../src/identity/password-changed-email';
import { PASSWORD_LINK_EMAIL_TYPE } from '../../../src/identity/password-link-email';
import { RECIPIENT_RULES } from '../../../src/notifications/recipient-rules';
import {
  LOW_RATING_EMAIL_TYPE,
  RATING_REMINDER_EMAIL_TYPE,
} from '../../../src/satisfaction/satisfaction-rules';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-11: the mail view (Correo saliente) names every kind of email the system queues in the UI
// language, never by its raw type: every notification event type, the L3-15 checkpoint agenda, its moves and its recorded decisions,
// the L3-04 account emails (invitation, password reset, corrected address), the low satisfaction rating told to
// the provider's managers, the client's one reminder to rate a closed ticket and the L3-18 no-charge decision told to the registrant and
// the L3-13 hour balance changes (package, adjustment, reversal) told to the client's approvers, and their low-balance warning.

const QUEUED_TYPES = [
  ...Object.keys(RECIPIENT_RULES).filter((type) => type !== 'INTERNAL_NOTE'),
  'CHECKPOINT_AGENDA',
  'CHECKPOINT_MOVED',
  'CHECKPOINT_DECISIONS',
  ...Object.values(PASSWORD_LINK_EMAIL_TYPE),
  EMAIL_CHANGED_EMAIL_TYPE,
  PASSWORD_CHANGED_EMAIL_TYPE,
  LOW_RATING_EMAIL_TYPE,
  RATING_REMINDER_EMAIL_TYPE,
  NO_CHARGE_EMAIL_TYPE,
  HOURS_CHANGED_EMAIL_TYPE,
  LOW_BALANCE_EMAIL_TYPE,
];

describe('outbox labels', () => {
  it.each([
    ['es-MX', esMX.outbox.eventTypes],
    ['en', en.outbox.eventTypes],
  ] as const)('%s names every email type the outbox can hold', (_locale, labels) => {
    const missing = QUEUED_TYPES.filter((type) => !labels[type]);
    expect(missing).toEqual([]);
  });
});
