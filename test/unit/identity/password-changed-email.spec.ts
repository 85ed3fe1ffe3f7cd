import { Locale } from '../../../src/identity/locale.enum';
import { renderPasswordChangedEmail } from '../../../src/identity/password-changed-email';

// L3-04 (QA S43): a password changed from «Mi cuenta» is told to its user, «usted», Spanish first,
// English for users who chose it: when (in their zone), that other sessions ended, and where to
// ask for a reset link if it was not them.

const render = (locale: Locale) =>
  renderPasswordChangedEmail({
    recipient: {
      email: 'pilar@aurora.example',
      displayName: 'Pilar Pérez',
      locale,
      timeZone: 'America/Mexico_City',
    },
    changedAt: new Date('2026-12-04T16:05:00Z'),
    portalUrl: 'https://sla.example/',
  });

describe('password changed notice (L3-04)', () => {
  it('tells the user in Spanish when, in their zone, and the way back', () => {
    const mail = render(Locale.ES_MX);
    expect(mail.subject).toBe('Su contraseña del portal de soporte cambió');
    expect(mail.text).toContain('Hola, Pilar Pérez:');
    expect(mail.text).toContain('Cuenta: pilar@aurora.example');
    // 16:05 UTC is 10:05 in Mexico City.
    expect(mail.text).toMatch(/Fecha: .*4 de diciembre de 2026, 10:05\sa\.\s?m\./);
    expect(mail.text).toContain('Sus otras sesiones abiertas se cerraron.');
    expect(mail.text).toContain('https://sla.example/olvide-contrasena');
    expect(mail.text).not.toMatch(/\b(tu|tus|pide|avisa)\b/i);
    expect(mail.template).toBe('identity/password-changed');
  });

  it('speaks English to a user who chose it', () => {
    const mail = render(Locale.EN);
    expect(mail.subject).toBe('Your support portal password changed');
    expect(mail.text).toContain('Your other open sessions were signed out.');
    expect(mail.text).toContain('https://sla.example/olvide-contrasena');
  });
});
