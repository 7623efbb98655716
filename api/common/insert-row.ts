// One entity row as SQL, for writes that are a single statement of data-modifying CTEs
// (posts/post.service.ts): the table and columns come from the entity's metadata, so the row is the
// one em.create + flush would write, and each value is cast to its column's type.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityClass } from '@mikro-orm/core';
import { sqlArray } from '../db/rows.js';

export interface RowSql {
  table: string;
  /** `(col, col, …)` */
  columns: string;
  /** `?::type, ?::type, …`, to follow `select` (so the insert can be conditional: `… from cte`) */
  values: string;
  params: unknown[];
}

/** A value the statement computes itself (e.g. `(select name from app_user where id = ?)`). */
export class SqlValue {
  constructor(
    readonly sql: string,
    readonly params: unknown[] = [],
  ) {}
}

/** `row`'s keys are the entity's property names; a relation takes the related id. */
export function rowSql<T extends object>(em: EntityManager, entity: EntityClass<T>, row: Partial<Record<keyof T, unknown>>): RowSql {
  const meta = em.getMetadata().get(entity.name);
  const columns: string[] = [];
  const values: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(row)) {
    const prop = meta.properties[key];
    if (!prop) throw new Error(`${entity.name} has no property ${key}`);
    const type = prop.columnTypes[0];
    columns.push(`"${prop.fieldNames[0]}"`);
    if (value instanceof SqlValue) {
      values.push(`(${value.sql})::${type}`);
      params.push(...value.params);
      continue;
    }
    values.push(`?::${type}`);
    // an array column's value is one parameter (rows.ts would otherwise spread it as an `in (?)` list)
    params.push(type === 'jsonb' && value !== null && value !== undefined ? JSON.stringify(value) : Array.isArray(value) ? sqlArray(value) : (value ?? null));
  }
  return { table: meta.tableName, columns: `(${columns.join(', ')})`, values: values.join(', '), params };
}
