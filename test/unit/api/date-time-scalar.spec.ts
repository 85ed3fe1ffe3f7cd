import { GraphQLISODateTime } from '@nestjs/graphql';
import { Kind } from 'graphql';
import { DateTimeScalar, isoInstant } from '../../../src/api/date-time.scalar';

// Issues 5/10: every DateTime the API answers (deadlines, breaches, L3-06…L3-09) is written by
// `isoInstant` instead of `Date#toISOString`; the text must be the same for every instant.

describe('isoInstant: the same text as toISOString', () => {
  const same = (ms: number) => expect(isoInstant(ms)).toBe(new Date(ms).toISOString());

  it('at the edges: the epoch, before it, leap days, century years, the last millisecond', () => {
    for (const text of [
      '1970-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '2000-02-29T12:34:56.789Z',
      '2024-02-29T23:59:59.999Z',
      '2100-02-28T23:59:59.999Z',
      '2100-03-01T00:00:00.000Z',
      '1900-03-01T00:00:00.001Z',
      '1000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '2026-11-30T06:00:00.000Z',
    ]) {
      expect(isoInstant(Date.parse(text))).toBe(text);
    }
  });

  it('outside years 1000–9999, as toISOString (six-digit years)', () => {
    for (const ms of [
      Date.parse('0999-12-31T23:59:59.999Z'),
      Date.UTC(10_000, 0, 1),
      -8.64e15,
      8.64e15,
    ])
      same(ms);
    expect(isoInstant(Date.UTC(10_000, 0, 1))).toBe('+010000-01-01T00:00:00.000Z');
  });

  it('for 200,000 instants spread over 1900–2200', () => {
    const from = Date.UTC(1900, 0, 1);
    const span = Date.UTC(2200, 0, 1) - from;
    // A fixed walk (no Math.random): the same instants on every run.
    let seed = 12_345;
    const differing: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 48_271) % 2_147_483_647;
      const ms = from + Math.floor((seed / 2_147_483_647) * span);
      if (isoInstant(ms) !== new Date(ms).toISOString()) differing.push(`${ms}: ${isoInstant(ms)}`);
    }
    expect(differing).toEqual([]);
  });

  it('an invalid time throws as toISOString does', () => {
    expect(() => isoInstant(Number.NaN)).toThrow(RangeError);
  });
});

describe('DateTimeScalar: Nest’s DateTime, written faster', () => {
  it('keeps Nest’s name and description, so the schema is unchanged', () => {
    expect(DateTimeScalar.name).toBe(GraphQLISODateTime.name);
    expect(DateTimeScalar.description).toBe(GraphQLISODateTime.description);
  });

  it('serializes as Nest’s does: a Date as its ISO text, anything else as null', () => {
    for (const value of [new Date('2026-11-30T18:05:07.123Z'), '2026-11-30', 0, null, undefined])
      expect(DateTimeScalar.serialize(value)).toEqual(GraphQLISODateTime.serialize(value));
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2026, 10, 30, 18, 5, 7, 123)))).toBe(
      '2026-11-30T18:05:07.123Z',
    );
  });

  it('parses input as Nest’s does', () => {
    const text = '2026-11-30T18:05:07.123Z';
    expect(DateTimeScalar.parseValue(text)).toEqual(GraphQLISODateTime.parseValue(text));
    const literal = { kind: Kind.STRING, value: text } as const;
    expect(DateTimeScalar.parseLiteral(literal, {})).toEqual(
      GraphQLISODateTime.parseLiteral(literal, {}),
    );
  });
});
