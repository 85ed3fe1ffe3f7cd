import { withdrawnByName } from '../../../web/src/tickets/remote-session-withdrawn';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// QA S65 #2 (L3-06): the staff ticket page said «El equipo retiró la sesión…» without a name,
// although the emails say «Beatriz Relevo retiró…». Staff read the name; clients keep «El equipo».
describe('a withdrawn remote session on the ticket page', () => {
  const event = (seq: number, proposal: number, actorName: string) => ({
    seq,
    type: 'withdrawRemoteSession',
    actorName,
    data: JSON.stringify({ proposal, note: null }),
  });

  it('names who withdrew the proposal shown, from its own event', () => {
    const timeline = [
      event(4, 1, 'Alex Agent'),
      { seq: 5, type: 'proposeRemoteSession', actorName: 'Alex Agent', data: '{}' },
      event(7, 2, 'Beatriz Relevo'),
    ];
    expect(withdrawnByName(timeline, 2)).toBe('Beatriz Relevo');
    expect(withdrawnByName(timeline, 1)).toBe('Alex Agent');
    expect(withdrawnByName(timeline, 3)).toBeNull();
    expect(withdrawnByName([], 1)).toBeNull();
  });

  it('reads «<name> retiró la sesión…» with a name, «El equipo…» without, in both languages', () => {
    const when = '7 dic 2026, 8:04 p.m.';
    expect(esMX.remoteSession.withdrawn(when, 'Beatriz Relevo')).toBe(
      'Beatriz Relevo retiró la sesión el 7 dic 2026, 8:04 p.m.',
    );
    expect(esMX.remoteSession.withdrawn(when, null)).toBe(
      'El equipo retiró la sesión el 7 dic 2026, 8:04 p.m.',
    );
    expect(en.remoteSession.withdrawn('Dec 7', 'Beatriz Relevo')).toBe(
      'Beatriz Relevo withdrew the session on Dec 7.',
    );
    expect(en.remoteSession.withdrawn('Dec 7')).toBe('The team withdrew the session on Dec 7.');
  });
});
