import 'reflect-metadata';
import { DataloaderType, ReflectMetadataProvider } from '@mikro-orm/core';
import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities.js';
import { migrationsList } from '../../migrations/index.js';

export type Orm = MikroORM;

export function ormOptions(clientUrl: string, extra: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    // listed in code, so the same list works compiled (dist/) and under vitest
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, path: 'migrations', pathTs: 'migrations', emit: 'ts' },
    // batch Reference.load() calls made in one tick (field resolvers) into one query
    dataloader: DataloaderType.ALL,
    // forgetting em.fork() per request must fail loudly
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: Number(process.env.DB_POOL_MAX ?? 10) },
    ...extra,
  });
}

/**
 * The runtime pool: every statement under PostgreSQL's statement_timeout (a startup parameter of
 * each connection, so it holds inside transactions too, and for lock waits). Not for the owner
 * connection that migrates, nor for backup/restore: a long migration must not be cut off.
 */
export function runtimeOptions(statementTimeoutMs: number): Partial<Options> {
  return { driverOptions: { connection: { statement_timeout: statementTimeoutMs } } };
}

export async function connect(clientUrl: string, extra: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormOptions(clientUrl, extra));
}

export async function migrate(orm: MikroORM): Promise<void> {
  await orm.getMigrator().up();
}
