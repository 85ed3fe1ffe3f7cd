import { confirmedRemoteSessionAt } from '../../../src/tickets/awaiting-client';

// QA S60b #9 (L3-06): a ticket waiting for a remote session the client confirmed has no clock
// running (triage stopped), and the lists read «Sin plazo en curso», as if nothing were scheduled.
// `confirmedRemoteSessionAt` is what they say instead: the session's time, only while it is what
// the ticket waits for.

const at = new Date('2026-12-14T18:00:00.000Z');
const accepted = { at: '2026-12-08T16:00:00.000Z', by: 'u1' };

describe('the confirmed remote session a ticket waits for (L3-06, QA S60b #9)', () => {
  it('is the session time once the client confirmed it', () => {
    expect(
      confirmedRemoteSessionAt({
        state: 'REMOTE_SESSION_PROPOSED',
        remoteSession: { at, accepted },
      }),
    ).toBe(at);
  });

  it('keeps the time as given: the ISO string of the read model, for the checkpoint agenda', () => {
    const iso = at.toISOString();
    expect(
      confirmedRemoteSessionAt({
        state: 'REMOTE_SESSION_PROPOSED',
        remoteSession: { at: iso, accepted },
      }),
    ).toBe(iso);
  });

  it('is none while the proposal awaits the client’s answer (the list says so instead)', () => {
    expect(
      confirmedRemoteSessionAt({
        state: 'REMOTE_SESSION_PROPOSED',
        remoteSession: { at, accepted: null },
      }),
    ).toBeNull();
  });

  it('is none once triage moved on: declined (back to REGISTERED), classified or ended', () => {
    for (const state of ['REGISTERED', 'IN_ANALYSIS', 'IN_DIAGNOSIS', 'CANCELLED']) {
      expect(confirmedRemoteSessionAt({ state, remoteSession: { at, accepted } })).toBeNull();
    }
    expect(confirmedRemoteSessionAt({ state: 'REMOTE_SESSION_PROPOSED' })).toBeNull();
  });
});
