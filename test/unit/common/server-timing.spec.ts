import { parseServerTiming, serverTimingHeader, timePart } from '../../../src/common/server-timing';

// Issues 5/10: the `Server-Timing` header the API writes (API_SERVER_TIMING=on) and the bench reads.
describe('Server-Timing', () => {
  it('writes each span in milliseconds with two decimals, and reads them back', () => {
    const spans = new Map([
      ['auth', 0.8049],
      ['update', 31.7],
      ['total', 37.25],
    ]);
    const header = serverTimingHeader(spans);
    expect(header).toBe('auth;dur=0.80, update;dur=31.70, total;dur=37.25');
    expect(parseServerTiming(header)).toEqual(
      new Map([
        ['auth', 0.8],
        ['update', 31.7],
        ['total', 37.25],
      ]),
    );
  });

  it('reads a header with descriptions and entries without a duration (another server’s)', () => {
    expect(parseServerTiming('cache;desc="Cache Read";dur=23.2, miss, db;dur=53')).toEqual(
      new Map([
        ['cache', 23.2],
        ['db', 53],
      ]),
    );
    expect(parseServerTiming(undefined)).toEqual(new Map());
  });

  it('outside a timed request, a part just runs', async () => {
    await expect(timePart('update', () => Promise.resolve(7))).resolves.toBe(7);
    await expect(timePart('read', () => Promise.reject(new Error('sin base')))).rejects.toThrow(
      'sin base',
    );
  });
});
