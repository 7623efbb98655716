// PostGraphile as this product would have to run it: the caller signed in (a JWT PostGraphile
// verifies on every request) and the municipality's scope enforced by PostgreSQL's row-level
// security, since a PostGraphile client could otherwise ask for any municipality's rows. The
// throughput check measures it beside the plain PostGraphile the targets name, so that the
// report also says what the API serves against a PostGraphile doing the checks the API does.
//
// The policies give a CITY user its municipality's rows, the scope of the benchmark's CITY sign-in
// (an office member's scope, the rooms it belongs to, would cost PostGraphile more). Only the run
// database gets them; the roles that run the API and the other targets bypass them.
import { createHmac } from 'node:crypto';
import type { PgClient } from './env.js';

export const SECURED_ROUTE = '/secured/graphql';
/** The role a verified token's `role` claim switches to (SET LOCAL ROLE, by PostGraphile). */
export const SCOPED_ROLE = 'bench_scoped';
export const JWT_SECRET = 'zaitaku-benchmark-jwt-secret-not-for-production';

const municipality = `current_setting('jwt.claims.municipality_id', true)::uuid`;
const inRoomOfMunicipality = `exists (select 1 from room r where r.id = room_id and r.municipality_id = ${municipality})`;
/** Every table the PostGraphile requests read, and the rows a CITY user of the token's municipality may see. */
export const SCOPE_POLICIES: Record<string, string> = {
  app_user: `municipality_id = ${municipality}`,
  office: `municipality_id = ${municipality}`,
  room: `municipality_id = ${municipality}`,
  consent: `municipality_id = ${municipality}`,
  room_member: inRoomOfMunicipality,
  post: inRoomOfMunicipality,
  post_read: inRoomOfMunicipality,
};

/** Row-level security on the run database; `login` (PostGraphile's pool role) may switch to the scoped role. */
export async function enableScopePolicies(c: PgClient, login: string, bypass: string[]): Promise<void> {
  const exists = (await c.query('select 1 from pg_roles where rolname = $1', [SCOPED_ROLE])).rowCount! > 0;
  if (!exists) await c.query(`create role ${SCOPED_ROLE} nologin`);
  await c.query(`grant usage on schema public to ${SCOPED_ROLE}`);
  await c.query(`grant select on all tables in schema public to ${SCOPED_ROLE}`);
  await c.query(`grant ${SCOPED_ROLE} to ${login}`);
  for (const role of bypass) await c.query(`alter role ${role} bypassrls`);
  for (const [table, using] of Object.entries(SCOPE_POLICIES)) {
    await c.query(`alter table ${table} enable row level security`);
    await c.query(`drop policy if exists city_scope on ${table}`);
    await c.query(`create policy city_scope on ${table} for select to ${SCOPED_ROLE} using (${using})`);
  }
}

/** An HS256 JWT as PostGraphile 4 verifies it (audience "postgraphile"); a few lines of node:crypto rather than another dependency. */
export function scopedToken(municipalityId: string, ttlSeconds = 6 * 3600): string {
  const b64 = (x: object) => Buffer.from(JSON.stringify(x)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ aud: 'postgraphile', role: SCOPED_ROLE, municipality_id: municipalityId, iat: now, exp: now + ttlSeconds })}`;
  return `${body}.${createHmac('sha256', JWT_SECRET).update(body).digest('base64url')}`;
}
