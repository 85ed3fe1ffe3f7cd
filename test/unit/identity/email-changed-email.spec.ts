import { renderEmailChangedEmail } from '../../../src/identity/email-changed-email';
import { Locale } from '../../../src/identity/locale.enum';

// L3-04 (QA, S13): an admin corrected a user's mistyped email address; the user is told at the new
// address, «usted» like every email, Spanish first, English for users who chose it, with both
// addresses and what happens to their sessions (they keep working).

const render = (locale: Locale) =>
  renderEmailChangedEmail({
    previousEmail: 'pilar@aurora.exmaple',
    recipient: { email: 'pilar@aurora.example', displayName: 'Pilar Pérez', locale },
    portalUrl: 'https://sla.example',
  });

describe('email changed notice (L3-04)', () => {
  it('tells the user in Spanish, «usted», both addresses and that the sessions keep working', () => {
    const mail = render(Locale.ES_MX);
    expect(mail.subject).toBe('Su correo del portal de soporte cambió');
    expect(mail.text).toContain('Hola, Pilar Pérez:');
    expect(mail.text).toContain('pilar@aurora.exmaple');
    expect(mail.text).toContain('pilar@aurora.example');
    expect(mail.text).toContain('sus sesiones abiertas siguen activas');
    expect(mail.text).toContain('https://sla.example');
    expect(mail.text).not.toMatch(/\b(tu|tus|inicia|avisa)\b/i);
    expect(mail.html).toContain('pilar@aurora.exmaple');
  });

  it('speaks English to a user who chose it', () => {
    const mail = render(Locale.EN);
    expect(mail.subject).toBe('Your support portal email address changed');
    expect(mail.text).toContain('your open sessions keep working');
    expect(mail.locale).toBe(Locale.EN);
  });
});
