import { type AccountEmail, accountLanguage } from './account-email';
import { type Locale } from './locale.enum';
import { renderLayout } from '../notifications/templates/email-content';

/** The outbox `event_type` of the notice (the mail view labels it). */
export const EMAIL_CHANGED_EMAIL_TYPE = 'USER_EMAIL_CHANGED';

export interface EmailChangedEmailInput {
  /** The address the account had (a typing error, usually). */
  readonly previousEmail: string;
  readonly recipient: {
    readonly email: string;
    readonly displayName: string;
    readonly locale: Locale;
  };
  /** The portal's address (the link of the email). */
  readonly portalUrl: string;
}

/**
 * L3-04: an administrator corrected the account's email address; the notice goes to the new
 * address, in the user's language, «usted» like every email. Open sessions keep working: the
 * address is how the user signs in from now on, not a credential.
 */
export function renderEmailChangedEmail(input: EmailChangedEmailInput): AccountEmail {
  const { locale, t } = accountLanguage(input.recipient.locale);
  const rendered = renderLayout(
    {
      subject: t(
        'Su correo del portal de soporte cambió',
        'Your support portal email address changed',
      ),
      heading: t(
        'Un administrador corrigió el correo de su cuenta.',
        'An administrator corrected the email address of your account.',
      ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [t('Correo anterior', 'Previous email'), input.previousEmail],
            [t('Correo nuevo', 'New email'), input.recipient.email],
          ],
        },
        {
          kind: 'paragraph',
          text: t(
            'Desde ahora inicie sesión con el correo nuevo; su contraseña no cambia y sus sesiones abiertas siguen activas. Si usted no esperaba este cambio, avise a su administrador.',
            'From now on, sign in with the new email; your password does not change and your open sessions keep working. If you did not expect this change, tell your administrator.',
          ),
        },
      ],
      link: {
        label: t('Ir al portal', 'Go to the portal'),
        href: input.portalUrl,
      },
    },
    { locale, recipientName: input.recipient.displayName, ticketUrl: input.portalUrl },
  );
  return { ...rendered, locale, template: 'identity/email-changed' };
}
