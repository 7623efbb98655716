// The committed schema.graphql and migrations/ must match the code.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { printAppSchema } from '../../api/schema.js';
import { createTestDatabase } from '../helpers/db.js';
import { APP_ROLE, APP_ROLE_PASSWORD } from '../helpers/global-setup.js';

describe('generated artefacts', () => {
  let orm: MikroORM;
  let url: string;
  beforeAll(async () => {
    ({ orm, url } = await createTestDatabase());
  });
  afterAll(() => orm.close(true));

  it('schema.graphql is up to date (run `npm run schema`)', async () => {
    expect(fs.readFileSync('schema.graphql', 'utf8')).toBe(await printAppSchema());
  });

  it('the migrations produce exactly the schema the entities describe (run `npm run migration:create`)', async () => {
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
    expect(diff.trim()).toBe('');
  });

  it('the application’s database role cannot update or delete audit rows (privileges), and nobody can (trigger)', async () => {
    const { default: pg } = await import('pg');
    const appUrl = url.replace(/\/\/[^@]*@/, `//${APP_ROLE}:${encodeURIComponent(APP_ROLE_PASSWORD)}@`);
    const app = new pg.Client({ connectionString: appUrl });
    await app.connect();
    try {
      await app.query(`insert into audit_event (action, outcome) values ('role.test', 'SUCCESS')`); // appending is allowed
      await expect(app.query(`update audit_event set action = 'changed' where action = 'role.test'`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`delete from audit_event where action = 'role.test'`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`truncate audit_event`)).rejects.toThrow(/permission denied/);
      expect((await app.query(`select count(*)::int as n from audit_event where action = 'role.test'`)).rows[0].n).toBe(1);
      // everything else works as usual for the role
      await app.query(`update municipality set name = name where false`);
    } finally {
      await app.end();
    }
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
