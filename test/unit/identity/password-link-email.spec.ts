import { Locale } from '../../../src/identity/locale.enum';
import { renderPasswordLinkEmail } from '../../../src/identity/password-link-email';

// L3-04: the invitation and reset emails speak «usted» like every other email and the web app, and
// greet without assuming a gender; a reset the user asked for on the sign-in page («¿Olvidó su
// contraseña?») says so, an administrator's says an administrator asked.

const input = (purpose: 'INVITATION' | 'RESET', locale = Locale.ES_MX, requestedByUser?: boolean) =>
  renderPasswordLinkEmail({
    purpose,
    url: 'https://sla.example/contrasena?token=abc&lang=es-MX',
    expiresAt: new Date('2026-03-05T18:00:00.000Z'),
    recipient: {
      email: 'pilar@aurora.example',
      displayName: 'Pilar Pérez',
      locale,
      timeZone: 'America/Mexico_City',
    },
    organizationName: 'Comercializadora Aurora',
    requestedByUser,
  });

/** Second-person «tú» forms the emails used to have. */
const TU = /\b(tu|tus|elige|esperabas|ignóralo|hagas|restablece)\b/i;

describe('password link emails (L3-04)', () => {
  it('the invitation welcomes without a gender and speaks «usted»', () => {
    const mail = input('INVITATION');
    expect(mail.subject).toBe('Le damos la bienvenida al portal de soporte L3');
    expect(mail.text).toContain('Hola, Pilar Pérez:');
    expect(mail.text).toContain(
      'Se creó su cuenta de Comercializadora Aurora en el portal de soporte.',
    );
    expect(mail.text).toContain('Para entrar, elija su contraseña con el enlace de abajo.');
    expect(mail.text).toContain('Si no esperaba este correo, ignórelo: nada cambia.');
    expect(`${mail.subject}\n${mail.text}`).not.toMatch(/Bienvenid[oa]/);
    expect(`${mail.subject}\n${mail.text}`).not.toMatch(TU);
  });

  it('the reset link speaks «usted» too; English unchanged', () => {
    const mail = input('RESET');
    expect(mail.subject).toBe('Restablezca su contraseña del portal de soporte');
    expect(mail.text).toContain('Un administrador pidió restablecer su contraseña.');
    expect(mail.text).toContain('Su contraseña actual deja de servir cuando lo haga.');
    expect(`${mail.subject}\n${mail.text}`).not.toMatch(TU);
    expect(input('INVITATION', Locale.EN).subject).toBe('Welcome to the L3 support portal');
  });

  it('a reset asked for on the sign-in page says so, not that an administrator asked (es, en)', () => {
    const es = input('RESET', Locale.ES_MX, true);
    expect(es.subject).toBe('Restablezca su contraseña del portal de soporte');
    expect(es.text).toContain(
      'Se pidió restablecer su contraseña en la página de inicio de sesión del portal.',
    );
    expect(es.text).not.toMatch(/administrador/i);
    expect(es.text).toContain('Si no esperaba este correo, ignórelo: nada cambia.');
    expect(es.html).toContain('página de inicio de sesión');
    expect(`${es.subject}\n${es.text}`).not.toMatch(TU);

    const en = input('RESET', Locale.EN, true);
    expect(en.subject).toBe('Reset your support portal password');
    expect(en.text).toContain('A password reset was requested on the sign-in page of the portal.');
    expect(en.text).not.toMatch(/administrator/i);
    expect(input('RESET', Locale.EN, false).text).toContain(
      'An administrator asked to reset your password.',
    );
  });
});
