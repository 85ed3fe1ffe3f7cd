import { type AccountEmail, accountLanguage } from './account-email';
import { type Locale } from './locale.enum';
import { renderLayout } from '../notifications/templates/email-content';
import { RecipientDates } from '../notifications/templates/format';
import { FORGOT_PASSWORD_PATH } from '../shared/portal-paths';

/** The outbox `event_type` of the notice (the mail view labels it). */
export const PASSWORD_CHANGED_EMAIL_TYPE = 'USER_PASSWORD_CHANGED';

export interface PasswordChangedEmailInput {
  readonly recipient: {
    readonly email: string;
    readonly displayName: string;
    readonly locale: Locale;
    readonly timeZone: string;
  };
  readonly changedAt: Date;
  /** The portal's address (the link of the email goes to its reset page). */
  readonly portalUrl: string;
}

/**
 * L3-04 (QA S43): the account's password was changed by its user, in «Mi cuenta». As every
 * helpdesk tells its users: when, that other sessions ended, and what to do if it was not them.
 * No secret is in it; the reset link is the public «¿Olvidó su contraseña?» page.
 */
export function renderPasswordChangedEmail(input: PasswordChangedEmailInput): AccountEmail {
  const { locale, t } = accountLanguage(input.recipient.locale);
  const when = new RecipientDates(locale, input.recipient.timeZone).instant(
    input.changedAt.toISOString(),
  );
  const resetUrl = `${input.portalUrl.replace(/\/$/, '')}${FORGOT_PASSWORD_PATH}`;
  const rendered = renderLayout(
    {
      subject: t(
        'Su contraseña del portal de soporte cambió',
        'Your support portal password changed',
      ),
      heading: t(
        'La contraseña de su cuenta se cambió desde «Mi cuenta».',
        'The password of your account was changed from “My account”.',
      ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [t('Cuenta', 'Account'), input.recipient.email],
            [t('Fecha', 'Date'), when],
          ],
        },
        {
          kind: 'paragraph',
          text: t(
            'Sus otras sesiones abiertas se cerraron. Si usted no hizo este cambio, pida ahora un enlace para elegir otra contraseña y avise a su administrador.',
            'Your other open sessions were signed out. If you did not make this change, ask for a link to choose another password now and tell your administrator.',
          ),
        },
      ],
      link: { label: t('Restablecer la contraseña', 'Reset the password'), href: resetUrl },
    },
    { locale, recipientName: input.recipient.displayName, ticketUrl: input.portalUrl },
  );
  return { ...rendered, locale, template: 'identity/password-changed' };
}
