import { releaseDateSuperseded } from '../../../web/src/tickets/release-date-state';

// QA S18 (L3-09): once the client reports failures in a release, the published release date no
// longer holds; the ticket page shows it as the previous one until the agent publishes another
// (setReleaseDate, an adjustment of the release date) or releases again.

const ev = (seq: number, type: string, data: object = {}) => ({
  seq,
  type,
  data: JSON.stringify(data),
});
const published = [ev(5, 'setReleaseDate'), ev(6, 'startDevelopment'), ev(7, 'releaseForTesting')];

describe('whether the published release date still holds (QA S18; L3-09)', () => {
  it('holds while nobody reported failures', () => {
    expect(releaseDateSuperseded(published)).toBe(false);
  });

  it('no longer holds once failures are reported', () => {
    expect(releaseDateSuperseded([...published, ev(8, 'reportFailures')])).toBe(true);
    // Other events after the failures (a comment, time logged) change nothing.
    expect(releaseDateSuperseded([...published, ev(8, 'reportFailures'), ev(9, 'comment')])).toBe(
      true,
    );
  });

  it('holds again when the agent publishes a new release date or releases again', () => {
    const failed = [...published, ev(8, 'reportFailures')];
    expect(
      releaseDateSuperseded([...failed, ev(9, 'DATE_ADJUSTED', { subjectDate: 'RELEASE_DATE' })]),
    ).toBe(false);
    expect(releaseDateSuperseded([...failed, ev(9, 'releaseForTesting')])).toBe(false);
    // A moved remote session is not a new release date.
    expect(
      releaseDateSuperseded([...failed, ev(9, 'DATE_ADJUSTED', { subjectDate: 'REMOTE_SESSION' })]),
    ).toBe(true);
  });

  it('a second round of failures supersedes the adjusted date too', () => {
    expect(
      releaseDateSuperseded([
        ...published,
        ev(8, 'reportFailures'),
        ev(9, 'DATE_ADJUSTED', { subjectDate: 'RELEASE_DATE' }),
        ev(10, 'releaseForTesting'),
        ev(11, 'reportFailures'),
      ]),
    ).toBe(true);
  });
});
