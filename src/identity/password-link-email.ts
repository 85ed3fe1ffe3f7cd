import { type AccountEmail, accountLanguage } from './account-email';
import { Locale } from './locale.enum';
import { renderLayout } from '../notifications/templates/email-content';
import { RecipientDates } from '../notifications/templates/format';

/** Why a password link is sent: a new user's invitation, or a reset an admin asked for. */
export type PasswordLinkPurpose = 'INVITATION' | 'RESET';

/** The outbox `event_type` of each link's email (the mail view labels them). */
export const PASSWORD_LINK_EMAIL_TYPE = {
  INVITATION: 'USER_INVITATION',
  RESET: 'PASSWORD_RESET',
} as const satisfies Readonly<Record<PasswordLinkPurpose, string>>;

/** How long each kind of link works. */
export const PASSWORD_LINK_TTL_MS: Readonly<Record<PasswordLinkPurpose, number>> = {
  INVITATION: 72 * 3_600_000,
  RESET: 2 * 3_600_000,
};

/**
 * The page of the web app that sets a password from a link (public route). `lang` is the
 * recipient's language (the email's), so the page opens in it on a device with no stored choice;
 * only the app's two languages are written (anything else leaves the page's default, Spanish).
 */
export function passwordLinkUrl(publicUrl: string, token: string, locale?: Locale): string {
  const base = `${publicUrl.replace(/\/+$/, '')}/contrasena?token=${encodeURIComponent(token)}`;
  return locale === Locale.EN || locale === Locale.ES_MX
    ? `${base}&lang=${encodeURIComponent(locale)}`
    : base;
}

export interface PasswordLinkEmailInput {
  readonly purpose: PasswordLinkPurpose;
  readonly url: string;
  readonly expiresAt: Date;
  readonly recipient: {
    readonly email: string;
    readonly displayName: string;
    readonly locale: Locale;
    readonly timeZone: string;
  };
  readonly organizationName: string;
  /** A reset the user asked for on the sign-in page (no administrator involved). */
  readonly requestedByUser?: boolean;
}

/**
 * The invitation / reset email in the user's language (Spanish unless the user chose English),
 * through the same layout as every other email (escaped HTML, plain-text twin). Like every email
 * and the web app it speaks «usted», and greets without a gender («Le damos la bienvenida»).
 */
export function renderPasswordLinkEmail(input: PasswordLinkEmailInput): AccountEmail {
  const { locale, t } = accountLanguage(input.recipient.locale);
  const until = new RecipientDates(locale, input.recipient.timeZone).instant(
    input.expiresAt.toISOString(),
  );
  const invitation = input.purpose === 'INVITATION';
  const subject = invitation
    ? t('Le damos la bienvenida al portal de soporte L3', 'Welcome to the L3 support portal')
    : t('Restablezca su contraseña del portal de soporte', 'Reset your support portal password');
  const heading = invitation
    ? t(
        `Se creó su cuenta de ${input.organizationName} en el portal de soporte.`,
        `Your ${input.organizationName} account on the support portal was created.`,
      )
    : input.requestedByUser
      ? t(
          'Se pidió restablecer su contraseña en la página de inicio de sesión del portal.',
          'A password reset was requested on the sign-in page of the portal.',
        )
      : t(
          'Un administrador pidió restablecer su contraseña.',
          'An administrator asked to reset your password.',
        );
  const rendered = renderLayout(
    {
      subject,
      heading,
      blocks: [
        {
          kind: 'paragraph',
          text: invitation
            ? t(
                'Para entrar, elija su contraseña con el enlace de abajo.',
                'To sign in, choose your password with the link below.',
              )
            : t(
                'Elija una contraseña nueva con el enlace de abajo. Su contraseña actual deja de servir cuando lo haga.',
                'Choose a new password with the link below. Your current password stops working once you do.',
              ),
        },
        {
          kind: 'facts',
          rows: [
            [t('Usuario', 'User'), input.recipient.email],
            [t('El enlace vence', 'The link expires'), until],
          ],
        },
        {
          kind: 'paragraph',
          text: t(
            'El enlace sirve una sola vez. Si no esperaba este correo, ignórelo: nada cambia.',
            'The link works once. If you did not expect this email, ignore it: nothing changes.',
          ),
        },
      ],
      link: {
        label: t('Elegir mi contraseña', 'Choose my password'),
        href: input.url,
      },
    },
    { locale, recipientName: input.recipient.displayName, ticketUrl: input.url },
  );
  return {
    ...rendered,
    locale,
    template: invitation ? 'identity/password-invitation' : 'identity/password-reset',
  };
}
