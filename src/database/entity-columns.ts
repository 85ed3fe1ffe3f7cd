import type { EntityMetadata } from 'typeorm';

/** One column of an entity as a hand-written read selects it and fills the entity back. */
interface SelectedColumn {
  readonly property: string;
  /** `alias.column AS "key"`. */
  readonly select: string;
  /** The row's key. */
  readonly key: string;
}

/**
 * A hand-written read of one entity (joined under `alias`) built from its metadata: every column
 * TypeORM selects by default (not `select: false` ones such as a password hash), aliased by
 * property with `prefix` (a joined relation's `organization.`), and the entity filled back from a
 * row. For entities without transformers whose driver values are the entity's own (uuid and text
 * as strings, integers as numbers, `text[]` as arrays, jsonb parsed, timestamps as `Date`s), the
 * entity is what TypeORM's query builder would hydrate, without its cost of building the SQL and
 * hydrating the row on every call (about 0.2 ms of CPU per read).
 */
export class EntityColumns<T> {
  private readonly columns: readonly SelectedColumn[];

  constructor(
    private readonly meta: EntityMetadata,
    alias: string,
    prefix = '',
  ) {
    this.columns = meta.columns
      .filter((c) => c.isSelect)
      .map((c) => ({
        property: c.propertyName,
        select: `${alias}.${c.databaseName} AS "${prefix}${c.propertyName}"`,
        key: `${prefix}${c.propertyName}`,
      }));
  }

  /** The select list, e.g. `t.number AS "number", …`. */
  get select(): string {
    return this.columns.map((c) => c.select).join(', ');
  }

  /** A new entity with this read's columns from `row`. */
  entity(row: Record<string, unknown>): T {
    const entity = this.meta.create() as Record<string, unknown>;
    for (const c of this.columns) entity[c.property] = row[c.key];
    return entity as T;
  }
}
