import { DomainError, ErrorCode } from '../common/errors/domain-error';

/** The bytes `start`…`end` (both included) of a file, as a `Range` header asked for them. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The one range a download's `Range` header asks for (RFC 9110 §14.1.2): `bytes=0-1023`,
 * `bytes=1024-` or the last bytes `bytes=-500`; an end past the file is cut to its last byte.
 * Answers undefined when the whole file is sent: no header, a header that is not one well-formed
 * byte range (several ranges, another unit, garbage), which HTTP says to ignore. A range that
 * starts past the file, or an empty suffix, is VALIDATION_FAILED `RANGE_NOT_SATISFIABLE` (416),
 * with the file's size. A text preview reads the first part of a large log this way.
 */
export function byteRangeOf(header: string | undefined, sizeBytes: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || sizeBytes === 0) throw rangeNotSatisfiable(sizeBytes);
    return { start: Math.max(0, sizeBytes - suffix), end: sizeBytes - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  if (end < start) return undefined;
  if (start >= sizeBytes) throw rangeNotSatisfiable(sizeBytes);
  return { start, end: Math.min(end, sizeBytes - 1) };
}

/** `Content-Range` of a partial answer, or of a 416 (`bytes *\/size`) without a range. */
export function contentRange(range: ByteRange | undefined, sizeBytes: number): string {
  return range ? `bytes ${range.start}-${range.end}/${sizeBytes}` : `bytes */${sizeBytes}`;
}

function rangeNotSatisfiable(sizeBytes: number): DomainError {
  return new DomainError(
    ErrorCode.VALIDATION_FAILED,
    `The range asked for starts past the file's ${sizeBytes} bytes`,
    { reason: 'RANGE_NOT_SATISFIABLE', sizeBytes },
  );
}
