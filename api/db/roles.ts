// The application connects as a role that may not change the audit trail: migrations run as the
// owner; the runtime role gets ordinary rights on every table except UPDATE/DELETE/TRUNCATE of
// audit_event and its monthly partitions (a trigger refuses those too, for any role).
import type { MikroORM } from '@mikro-orm/postgresql';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates (or updates the password of) a login role. Needs a superuser or CREATEROLE connection. */
export async function ensureLoginRole(orm: MikroORM, role: string, password: string): Promise<void> {
  const conn = orm.em.fork().getConnection();
  const exists = await conn.execute('select 1 from pg_roles where rolname = ?', [role]);
  const literal = `'${password.replace(/'/g, "''")}'`;
  await conn.execute(`${exists.length ? 'alter' : 'create'} role ${ident(role)} with login password ${literal}`);
}

/** Rights of the runtime role, granted again after every migration (new tables). */
export async function grantRuntimeRights(orm: MikroORM, role: string): Promise<void> {
  const conn = orm.em.fork().getConnection();
  const r = ident(role);
  await conn.execute(`grant usage on schema public to ${r}`);
  await conn.execute(`grant select, insert, update, delete on all tables in schema public to ${r}`);
  await conn.execute(`grant usage, select on all sequences in schema public to ${r}`);
  await conn.execute(`revoke update, delete, truncate on audit_event from ${r}`);
  // audit_event is partitioned by month: the grant above reached its partitions as tables of their own
  const partitions = await conn.execute<{ name: string }[]>(`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'audit_event'::regclass`);
  for (const { name } of partitions) await conn.execute(`revoke update, delete, truncate on ${ident(name)} from ${r}`);
  // months ahead are created by the background jobs through this SECURITY DEFINER function (the owner's rights);
  // a restored backup older than the partitioning has none until the server migrates it
  const [fn] = await conn.execute<{ f: string | null }[]>(`select to_regprocedure('audit_event_create_partitions(int)')::text as f`);
  if (fn.f) await conn.execute(`grant execute on function audit_event_create_partitions(int) to ${r}`);
  await conn.execute(`revoke all on mikro_orm_migrations from ${r}`);
}

/** The user name in a postgres:// URL. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}
