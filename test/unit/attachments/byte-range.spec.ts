import { byteRangeOf, contentRange } from '../../../src/attachments/byte-range';
import { DomainError } from '../../../src/common/errors/domain-error';

// L3-11 downloads of ticket files answer one byte range (the text preview reads the first
// 256 KB of a log); anything HTTP says to ignore sends the whole file.
describe('byteRangeOf (L3-11 partial downloads)', () => {
  it.each([
    ['bytes=0-99', 1000, { start: 0, end: 99 }],
    ['bytes=0-262143', 1000, { start: 0, end: 999 }],
    ['bytes=990-', 1000, { start: 990, end: 999 }],
    ['bytes=-10', 1000, { start: 990, end: 999 }],
    ['bytes=-5000', 1000, { start: 0, end: 999 }],
    [' Bytes = 5 - 5 ', 1000, { start: 5, end: 5 }],
  ])('reads %p of a %p-byte file', (header, size, expected) => {
    expect(byteRangeOf(header, size)).toEqual(expected);
  });

  it.each([[undefined], ['bytes=9-1'], ['bytes=0-9,20-29'], ['lines=0-9'], ['bytes=-'], ['x']])(
    'sends the whole file for %p',
    (header) => {
      expect(byteRangeOf(header, 1000)).toBeUndefined();
    },
  );

  it.each([['bytes=1000-'], ['bytes=1000-2000'], ['bytes=-0']])(
    'refuses %p of a 1000-byte file with RANGE_NOT_SATISFIABLE',
    (header) => {
      let caught: unknown;
      try {
        byteRangeOf(header, 1000);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect(caught).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { reason: 'RANGE_NOT_SATISFIABLE', sizeBytes: 1000 },
      });
    },
  );

  it('words Content-Range for a part and for a refusal', () => {
    expect(contentRange({ start: 0, end: 99 }, 1000)).toBe('bytes 0-99/1000');
    expect(contentRange(undefined, 1000)).toBe('bytes */1000');
  });
});
