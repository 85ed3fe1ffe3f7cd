import { unaccentedEmail } from '../../../web/src/users/email-accents';

// QA S55 (L3-04): «josé@aurora.example» was accepted as a user's email; its invitation needs
// SMTPUTF8, which most relays lack. The forms name the address the admin most likely meant.
describe('unaccentedEmail', () => {
  it('takes the accents and the ñ off the part before the @', () => {
    expect(unaccentedEmail('josé@aurora.example')).toBe('jose@aurora.example');
    expect(unaccentedEmail('María.Peña@aurora.example')).toBe('Maria.Pena@aurora.example');
  });

  it('is null for a plain ASCII address, whatever its domain, and for no address at all', () => {
    expect(unaccentedEmail('jose@aurora.example')).toBeNull();
    expect(unaccentedEmail('jose@españa.example')).toBeNull();
    expect(unaccentedEmail('josé')).toBeNull();
    expect(unaccentedEmail('')).toBeNull();
  });
});
