// One embedded PostgreSQL per test run, with a migrated template database; every test file
// clones its own database from the template (tests/helpers/db.ts), so files run in parallel.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect, migrate } from '../../api/db/orm.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../api/db/embedded.js';
import { ensureLoginRole, grantRuntimeRights } from '../../api/db/roles.js';
import { freePort } from './server-process.js';

export const TEMPLATE_DB = 'app_template';
export const APP_ROLE = 'app_runtime';
export const APP_ROLE_PASSWORD = 'app-runtime-test-password';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zaitaku-test-'));
  // a port the kernel says is free now (56000 + pid % 4000 lay in the ephemeral range, where any connection could hold it)
  const pg = await startEmbeddedPostgres(dir, await freePort());
  await ensureDatabase(pg.url(), TEMPLATE_DB);
  const orm = await connect(pg.url(TEMPLATE_DB));
  await migrate(orm);
  // the runtime role of a real deployment: no UPDATE/DELETE on the audit trail
  await ensureLoginRole(orm, APP_ROLE, APP_ROLE_PASSWORD);
  await grantRuntimeRights(orm, APP_ROLE);
  await orm.close(true);
  project.provide('pgAdminUrl', pg.url());
  project.provide('pgTemplate', TEMPLATE_DB);
  return async () => {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
