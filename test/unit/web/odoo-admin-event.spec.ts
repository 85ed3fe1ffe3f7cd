import { odooAdminEventText } from '../../../web/src/contracts/odoo-admin-event';

// L3-16 (QA S16 leftover): the policy history line of the client's Odoo admin user says which
// login was recorded and whether it was confirmed, or which one was removed, in Spanish and English.

const changes = (from: string | null, to: string | null, confirmed?: boolean) =>
  JSON.stringify(confirmed === undefined ? { from, to } : { from, to, confirmed });

describe('the Odoo admin user in the policy history (L3-16)', () => {
  it('names the login recorded and whether it was confirmed', () => {
    expect(odooAdminEventText(changes(null, 'soporte@tulum.example', false), 'es-MX')).toBe(
      'Usuario de Odoo registrado: soporte@tulum.example (sin confirmar)',
    );
    expect(
      odooAdminEventText(changes('soporte@tulum.example', 'soporte@tulum.example', true), 'es-MX'),
    ).toBe('Usuario de Odoo registrado: soporte@tulum.example (confirmado)');
    expect(odooAdminEventText(changes(null, 'soporte@tulum.example', false), 'en')).toBe(
      'Odoo user recorded: soporte@tulum.example (not confirmed)',
    );
    expect(odooAdminEventText(changes(null, 'soporte@tulum.example', true), 'en')).toBe(
      'Odoo user recorded: soporte@tulum.example (confirmed)',
    );
  });

  it('names the login removed', () => {
    expect(odooAdminEventText(changes('soporte@tulum.example', null, false), 'es-MX')).toBe(
      'Usuario de Odoo quitado (era soporte@tulum.example)',
    );
    expect(odooAdminEventText(changes('soporte@tulum.example', null, false), 'en')).toBe(
      'Odoo user removed (was soporte@tulum.example)',
    );
    expect(odooAdminEventText(changes(null, null, false), 'es-MX')).toBe('Usuario de Odoo quitado');
  });

  it('says nothing of the confirmation an event does not keep, and falls back on bad data', () => {
    expect(odooAdminEventText(changes(null, 'soporte@tulum.example'), 'es-MX')).toBe(
      'Usuario de Odoo registrado: soporte@tulum.example',
    );
    expect(odooAdminEventText('{}', 'es-MX')).toBeNull();
    expect(odooAdminEventText('not json', 'en')).toBeNull();
  });
});
