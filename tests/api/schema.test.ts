// The committed schema.graphql and migrations/ must match the code.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { printAppSchema } from '../../api/schema.js';
import { createTestDatabase } from '../helpers/db.js';

describe('generated artefacts', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    ({ orm } = await createTestDatabase());
  });
  afterAll(() => orm.close(true));

  it('schema.graphql is up to date (run `npm run schema`)', async () => {
    expect(fs.readFileSync('schema.graphql', 'utf8')).toBe(await printAppSchema());
  });

  it('the migrations produce exactly the schema the entities describe (run `npm run migration:create`)', async () => {
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
    expect(diff.trim()).toBe('');
  });

  it('the audit trail cannot be updated or deleted, even with raw SQL', async () => {
    const conn = orm.em.fork().getConnection();
    await conn.execute(`insert into audit_event (action, outcome) values ('test.event', 'SUCCESS')`);
    await expect(conn.execute(`update audit_event set action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(conn.execute(`delete from audit_event`)).rejects.toThrow(/append-only/);
    await expect(conn.execute(`truncate audit_event`)).rejects.toThrow(/append-only/);
    const [row] = await conn.execute(`select count(*)::int as n from audit_event where action = 'test.event'`);
    expect(row.n).toBe(1);
  });
});
