import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { connect } from '../../api/db/orm.js';
import { ensureDatabase } from '../../api/db/embedded.js';
import type { MikroORM, Options } from '@mikro-orm/postgresql';

/** A fresh, migrated database of this test file's own (cloned from the run's template). */
export async function createTestDatabase(extra: Partial<Options> = {}): Promise<{ orm: MikroORM; url: string; name: string }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = inject('pgAdminUrl');
  await ensureDatabase(admin, name, inject('pgTemplate'));
  const url = admin.replace(/\/postgres$/, `/${name}`);
  const orm = await connect(url, extra);
  return { orm, url, name };
}
