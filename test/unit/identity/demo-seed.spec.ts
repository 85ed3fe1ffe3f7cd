import { formatDemoLogins } from '../../../src/identity/demo-credentials';
import { randomDemoPassword } from '../../../src/identity/demo-seed';
import { MIN_PASSWORD_LENGTH } from '../../../src/identity/password-policy';
import { Role } from '../../../src/identity/role.enum';

// L3-04: the demo users of `npm start` get random passwords that pass the password policy.

describe('demo logins (L3-04)', () => {
  it('makes 16-character random base64url passwords', () => {
    const passwords = new Set(Array.from({ length: 50 }, () => randomDemoPassword()));
    expect(passwords.size).toBe(50);
    for (const p of passwords) {
      expect(p).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(p.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
    }
  });

  it('prints an aligned table of email, role, organization and password', () => {
    const text = formatDemoLogins({
      created: true,
      file: '/data/demo-credentials.json',
      credentials: [
        {
          organization: 'Becken',
          email: 'admin@becken.example',
          roles: [Role.ADMIN],
          password: 'p1',
        },
        {
          organization: 'Comercializadora Aurora',
          email: 'aprobador@aurora.example',
          roles: [Role.CLIENT_APPROVER],
          password: 'p2',
        },
      ],
    });
    const lines = text.split('\n');
    expect(lines[0]).toContain('/data/demo-credentials.json');
    expect(lines[1]).toMatch(/email\s+role\s+organization\s+password/);
    expect(lines[2]).toMatch(/admin@becken\.example\s+ADMIN\s+Becken\s+p1$/);
    expect(lines[3]).toMatch(
      /aprobador@aurora\.example\s+CLIENT_APPROVER\s+Comercializadora Aurora\s+p2$/,
    );
    expect(lines[2].indexOf('ADMIN')).toBe(lines[3].indexOf('CLIENT_APPROVER'));
  });

  it('says so when the users exist but the credentials file is gone', () => {
    expect(formatDemoLogins({ created: false, file: '/x/demo-credentials.json' })).toMatch(
      /missing/,
    );
  });
});
