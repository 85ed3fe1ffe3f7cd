import { DomainError, ErrorCode } from '../../../src/common/errors/domain-error';
import { PasswordHasher } from '../../../src/identity/password-hasher';
import {
  assertAcceptablePassword,
  MIN_PASSWORD_LENGTH,
} from '../../../src/identity/password-policy';

// L3-04: portal users log in with a password the provider issued; only an argon2id hash is kept.

describe('PasswordHasher (L3-04)', () => {
  const hasher = new PasswordHasher();

  it('stores an argon2id hash with its own salt, never the password', async () => {
    const a = await hasher.hash('correct horse battery');
    const b = await hasher.hash('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=47104,p=1,t=1\$/);
    expect(a).not.toContain('correct horse battery');
    expect(a).not.toBe(b);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hasher.hash('correct horse battery');
    expect(await hasher.verify(hash, 'correct horse battery')).toBe(true);
    expect(await hasher.verify(hash, 'Correct horse battery')).toBe(false);
    expect(await hasher.verify(hash, '')).toBe(false);
  });

  it('answers false, not an exception, for something that is not an argon2 hash', async () => {
    expect(await hasher.verify('plain-text-password', 'plain-text-password')).toBe(false);
  });

  it('does comparable work for an unknown user and always refuses', async () => {
    expect(await hasher.verifyNobody('whatever password')).toBe(false);
    expect(await hasher.verifyNobody('whatever password')).toBe(false);
  });
});

describe('password policy (L3-04)', () => {
  it(`accepts ${MIN_PASSWORD_LENGTH} characters or more`, () => {
    expect(() => assertAcceptablePassword('x'.repeat(MIN_PASSWORD_LENGTH))).not.toThrow();
  });

  it.each([
    ['too short', 'x'.repeat(MIN_PASSWORD_LENGTH - 1)],
    ['empty', ''],
    ['absurdly long', 'x'.repeat(10_000)],
  ])('refuses a %s password with VALIDATION_FAILED', (_label, password) => {
    let error: unknown;
    try {
      assertAcceptablePassword(password, 'temporaryPassword');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    expect((error as DomainError).details).toEqual({ field: 'temporaryPassword' });
  });
});
