import { remoteSessionEn } from '../../../web/src/i18n/remote-session.en';
import { remoteSessionEsMX } from '../../../web/src/i18n/remote-session.es-mx';

// L3-06 (QA S55): the client's answer to a remote session, as the client reads it on the ticket:
// about themself («Usted la confirmó»), or about someone else of their organization; never
// «El cliente la confirmó», which provider staff read.

describe('the remote session answer, as its client reads it', () => {
  const when = '6 dic 2026, 7:07 a.m.';

  it('says «Usted» to the client who answered, and «Su organización» to the others (es-MX)', () => {
    const r = remoteSessionEsMX;
    // «a.m.» ends the sentence: no second period.
    expect(r.acceptedForClient(when, true)).toBe(`Usted la confirmó el ${when}`);
    expect(r.acceptedForClient('6 dic 2026, 19:07', false)).toBe(
      'Su organización la confirmó el 6 dic 2026, 19:07.',
    );
    expect(r.declinedForClient(when, true)).toBe(
      `Usted indicó que no puede en ese horario (respondió el ${when}).`,
    );
    expect(r.declinedForClient(when, false)).toBe(
      `Su organización indicó que no puede en ese horario (respondió el ${when}).`,
    );
    // Staff keep the third person.
    expect(r.accepted(when)).toBe(`El cliente la confirmó el ${when}`);
  });

  it('speaks English too', () => {
    const r = remoteSessionEn;
    expect(r.acceptedForClient('Dec 6, 2026, 7:07 AM', true)).toBe(
      'You confirmed it on Dec 6, 2026, 7:07 AM.',
    );
    expect(r.declinedForClient('Dec 6, 2026, 7:07 AM', false)).toBe(
      'Your organization said it cannot attend at that time (answered on Dec 6, 2026, 7:07 AM).',
    );
  });
});
