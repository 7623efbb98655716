// api/db/rows.ts: the read paths' SQL goes straight to the pg driver as prepared statements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../helpers/db.js';
import { sqlArray, sqlRows, toNative } from '../../api/db/rows.js';
import { inTransaction } from '../../api/db/transaction.js';

describe('toNative: `?` placeholders to PostgreSQL parameters', () => {
  it('numbers the parameters, fills `in (?)` from an array, keeps an SqlArray as one parameter', () => {
    expect(toNative('select ? where a in (?) and b = any(?::uuid[])', [1, ['x', 'y'], sqlArray(['u', 'v'])])).toMatchObject({
      text: 'select $1 where a in ($2, $3) and b = any($4::uuid[])',
      values: [1, 'x', 'y', ['u', 'v']],
    });
  });

  it('leaves a ? inside a quoted literal or identifier alone', () => {
    expect(toNative(`select '?' as "a?", 'it''s ?' , ?`, [5])).toMatchObject({ text: `select '?' as "a?", 'it''s ?' , $1`, values: [5] });
  });

  it('names a statement by its text (so pg keeps it prepared per connection), but not one whose text a list length changed', () => {
    const a = toNative('select ? as n', [1]);
    expect(a.name).toMatch(/^r_[0-9a-f]{20}$/);
    expect(toNative('select ? as n', [2]).name).toBe(a.name);
    expect(toNative('select ? as n2', [2]).name).not.toBe(a.name);
    expect(toNative('select 1 where 1 in (?)', [[1, 2]]).name).toBeUndefined();
    expect(toNative('select 1 where 1 = any(?::int[])', [sqlArray([1, 2])]).name).toBeDefined();
  });

  it('refuses a count of parameters that does not match, and knex identifier bindings', () => {
    expect(() => toNative('select ?, ?', [1])).toThrow(/placeholders/);
    expect(() => toNative('select ?', [1, 2])).toThrow(/parameters/);
    expect(() => toNative('select ??', ['a'])).toThrow(/not supported/);
  });
});

describe('sqlRows on the database', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    ({ orm } = await createTestDatabase());
  });
  afterAll(async () => {
    await orm?.close(true);
  });

  it('returns the rows, typed as PostgreSQL sends them, and reuses the prepared statement', async () => {
    const em = orm.em.fork();
    for (let i = 0; i < 3; i++) {
      const rows = await sqlRows<{ n: number; ids: string[] }>(em, 'select ?::int as n, (select array_agg(x) from unnest(?::text[]) x) as ids', [i, sqlArray(['a', 'b'])]);
      expect(rows).toEqual([{ n: i, ids: ['a', 'b'] }]);
    }
  });

  it('inside a transaction, reads on its connection (sees its uncommitted rows); outside, does not', async () => {
    const em = orm.em.fork();
    await em.getConnection().execute('create table if not exists rows_probe (id int primary key)');
    await inTransaction(em, async () => {
      await em.getConnection().execute('insert into rows_probe values (1)', [], 'run', em.getTransactionContext());
      expect(await sqlRows(em, 'select id from rows_probe where id = ?', [1])).toEqual([{ id: 1 }]);
      expect(await sqlRows(orm.em.fork(), 'select id from rows_probe where id = ?', [1])).toEqual([]);
      throw new Error('roll back');
    }).catch(() => undefined);
    expect(await sqlRows(em, 'select id from rows_probe where id = ?', [1])).toEqual([]);
  });
});
