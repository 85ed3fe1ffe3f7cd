import { createRequire } from 'node:module';
import { join } from 'node:path';

// `npm ci` printed nothing for ~80 s after «Installing npm dependencies…» (QA S19): run.cjs now
// says «still installing… (n s)» every 20 s until the install ends.
const { reportProgress } = createRequire(__filename)(
  join(__dirname, '..', '..', '..', 'scripts', 'progress.cjs'),
) as {
  reportProgress: (what: string, say: (line: string) => void, everyMs?: number) => () => void;
};

describe('install progress (scripts/progress.cjs)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('says how long it has been every 20 s, and nothing once stopped', () => {
    const lines: string[] = [];
    const stop = reportProgress('installing', (line) => lines.push(line));

    jest.advanceTimersByTime(19_999);
    expect(lines).toEqual([]);
    jest.advanceTimersByTime(1);
    jest.advanceTimersByTime(20_000);
    expect(lines).toEqual(['still installing… (20 s)', 'still installing… (40 s)']);

    stop();
    jest.advanceTimersByTime(60_000);
    expect(lines).toHaveLength(2);
  });

  it('does not keep the process alive by itself', () => {
    jest.useRealTimers();
    const spy = jest.spyOn(global, 'setInterval');
    const stop = reportProgress('installing', () => undefined);
    const timer = spy.mock.results[0].value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    stop();
    spy.mockRestore();
  });
});
