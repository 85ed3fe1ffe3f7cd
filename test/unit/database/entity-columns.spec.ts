import type { EntityMetadata } from 'typeorm';
import { EntityColumns } from '../../../src/database/entity-columns';

interface Clock {
  id: string;
  deadline: Date | null;
  secret?: string;
}

// The metadata an entity of three columns has, one of them `select: false` (a password hash's
// kind): the read's select list and the entity it fills back come from these fields only.
const meta = {
  columns: [
    { propertyName: 'id', databaseName: 'id', type: 'uuid', isSelect: true },
    { propertyName: 'deadline', databaseName: 'deadline_at', type: 'timestamptz', isSelect: true },
    { propertyName: 'secret', databaseName: 'secret', type: 'text', isSelect: false },
  ],
  create: () => ({}),
} as unknown as EntityMetadata;

// The SLA dashboard (L3-06..09) reads its clocks' timestamps as epoch seconds.
describe('EntityColumns', () => {
  it('selects every selectable column, aliased by property with the prefix', () => {
    const read = new EntityColumns<Clock>(meta, 'c', { prefix: 'clock.' });
    expect(read.select).toBe('c.id AS "clock.id", c.deadline_at AS "clock.deadline"');
  });

  it('reads timestamps as epoch seconds and gives them back as Dates, to the millisecond', () => {
    const read = new EntityColumns<Clock>(meta, 'c', { epochTimestamps: true });
    expect(read.select).toBe(`c.id AS "id", date_part('epoch', c.deadline_at) AS "deadline"`);
    const row = read.withDates<Clock>({ id: 'a', deadline: 1_764_000_000.123 });
    expect(row.deadline).toEqual(new Date('2025-11-24T16:00:00.123Z'));
    expect(read.withDates<Clock>({ id: 'b', deadline: null }).deadline).toBeNull();
  });

  it('fills an entity with Dates from an epoch read, not numbers', () => {
    const read = new EntityColumns<Clock>(meta, 'c', { epochTimestamps: true });
    const clock = read.entity({ id: 'a', deadline: 1_764_000_000.5 });
    expect(clock).toEqual({ id: 'a', deadline: new Date('2025-11-24T16:00:00.500Z') });
  });

  it('leaves a read without epochs as the driver gave it', () => {
    const read = new EntityColumns<Clock>(meta, 'c');
    const deadline = new Date('2026-01-02T03:04:05.678Z');
    expect(read.entity({ id: 'a', deadline })).toEqual({ id: 'a', deadline });
  });
});
