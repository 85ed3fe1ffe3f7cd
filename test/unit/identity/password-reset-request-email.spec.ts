import { Locale } from '../../../src/identity/locale.enum';
import { renderPasswordLinkEmail } from '../../../src/identity/password-link-email';

// L3-04: a reset the user asked for on the sign-in page («¿Olvidaste tu contraseña?») says so, not
// that an administrator asked; it still speaks «usted» and the admin's reset is worded as before.

const reset = (locale: Locale, requestedByUser?: boolean) =>
  renderPasswordLinkEmail({
    purpose: 'RESET',
    url: 'https://sla.example/contrasena?token=abc',
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

describe('self-service reset email (L3-04)', () => {
  it('says the reset was asked for on the sign-in page, in Spanish and in English', () => {
    const es = reset(Locale.ES_MX, true);
    expect(es.subject).toBe('Restablezca su contraseña del portal de soporte');
    expect(es.text).toContain(
      'Se pidió restablecer su contraseña en la página de inicio de sesión del portal.',
    );
    expect(es.text).not.toMatch(/administrador/i);
    expect(es.text).toContain('Si no esperaba este correo, ignórelo: nada cambia.');
    expect(es.html).toContain('página de inicio de sesión');

    const en = reset(Locale.EN, true);
    expect(en.subject).toBe('Reset your support portal password');
    expect(en.text).toContain('A password reset was requested on the sign-in page of the portal.');
    expect(en.text).not.toMatch(/administrator/i);
  });

  it("an administrator's reset still says an administrator asked", () => {
    expect(reset(Locale.ES_MX).text).toContain('Un administrador pidió restablecer su contraseña.');
    expect(reset(Locale.EN, false).text).toContain(
      'An administrator asked to reset your password.',
    );
  });
});
