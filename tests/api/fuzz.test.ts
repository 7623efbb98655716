// Property-based: random and malformed values into every mutation's arguments, as every kind of
// caller. Only clean errors come back (never a 500, a stack trace or an unknown code), and a
// refused call writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLArgument, type GraphQLInputType } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/client.js';
import { buildApplication, buildRoom, buildWorld } from '../helpers/factories.js';
import { buildBareSchema } from '../../api/schema.js';
import { errorMessages } from '../../api/common/messages.js';

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
const callers: Client[] = [];
let knownIds: string[] = [];

const TABLES = [
  'municipality',
  'office',
  'app_user',
  'application',
  'application_event',
  'attachment',
  'pledge',
  'activation_code',
  'room',
  'room_member',
  'patient',
  'consent',
  'post',
  'post_revision',
  'post_attachment',
  'api_token',
  'notification',
];
async function snapshot(): Promise<string> {
  const rows = await em
    .fork()
    .getConnection()
    .execute(
      `select ${TABLES.map((t) => `(select count(*) from ${t})::int as "${t}"`).join(', ')}, (select coalesce(sum(version), 0) from office)::int as office_v, (select coalesce(sum(version), 0) from app_user)::int as user_v, (select coalesce(sum(version), 0) from room)::int as room_v`,
    );
  return JSON.stringify(rows[0]);
}

/** Strings that break naive code: empty, huge, control characters, SQL, HTML, emoji, katakana, dates, numbers. */
const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    "'; drop table app_user; --",
    '<script>alert(1)</script>',
    '%',
    '_',
    '\\',
    'ミト タロウ',
    '😀',
    '0812345678',
    '310-0001',
    '2026-02-30',
    '昭和64年1月8日',
    'R1.5.1',
    '00000000-0000-0000-0000-000000000000',
    'a'.repeat(5000),
  ),
);

function arbitraryFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryFor(type.ofType, depth);
  const nullable = (a: fc.Arbitrary<unknown>) => fc.oneof({ weight: 5, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) return nullable(fc.array(arbitraryFor(type.ofType, depth + 1), { maxLength: depth > 2 ? 0 : 3 }));
  const named = getNamedType(type);
  if (isEnumType(named)) return nullable(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...named.getValues().map((v) => v.value)) }, { weight: 1, arbitrary: nastyString }));
  if (isInputObjectType(named)) {
    if (depth > 3) return fc.constant(null);
    const fields = Object.values(named.getFields());
    return nullable(fc.record(Object.fromEntries(fields.map((f) => [f.name, arbitraryFor(f.type, depth + 1)])), { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) }));
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case 'Int':
        return nullable(fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1, 2 ** 31, 1e15), fc.double()));
      case 'Float':
        return nullable(fc.oneof(fc.double(), fc.integer()));
      case 'Boolean':
        return nullable(fc.oneof(fc.boolean(), nastyString));
      case 'ID':
        return nullable(fc.oneof(fc.constantFrom(...knownIds), fc.uuid(), nastyString));
      default:
        return nullable(nastyString);
    }
  }
  return fc.constant(null);
}

function argsArbitrary(args: readonly GraphQLArgument[]) {
  return fc.record(Object.fromEntries(args.map((a) => [a.name, arbitraryFor(a.type)])), { requiredKeys: [] });
}

function typeString(t: GraphQLInputType): string {
  return t.toString();
}

beforeAll(async () => {
  server = await startTestServer({ publicSubmissionsPerHour: 100_000 });
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  const room = await buildRoom(em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.officeAdmin.user }] });
  const app = await buildApplication(em.fork(), { office: world.office, applicant: world.users.officeAdmin.user });
  knownIds = [world.city.id, world.office.id, world.users.staff.user.id, room.id, app.id];
  for (const who of ['city', 'vendor', 'officeAdmin'] as const) {
    const c = new Client(server.url);
    await c.signIn(world.users[who].loginId, world.users[who].password, world.users[who].totpSecret!);
    callers.push(c);
  }
});
afterAll(() => server.close());

describe('random and malformed input into every mutation', () => {
  it('gets only validation, authorization or not-found errors, and a refused call writes nothing', async () => {
    const schema = await buildBareSchema();
    // these end the caller's own session or sign-in step; they are exercised in auth.test.ts
    const skip = new Set(['logout', 'login', 'verifyTotp', 'useRecoveryCode', 'beginTotpEnrollment', 'confirmTotpEnrollment', 'changePassword', 'activateAccount']);
    const mutations = Object.values(schema.getMutationType()!.getFields()).filter((f) => !skip.has(f.name));
    const knownCodes = new Set(Object.keys(errorMessages));
    const problems: string[] = [];
    let calls = 0;
    for (const m of mutations) {
      const varDefs = m.args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ');
      const selection = (() => {
        const t = getNullableType(m.type);
        const named = getNamedType(t);
        return isScalarType(named) || isEnumType(named) ? '' : '{ __typename }';
      })();
      const query = `mutation Fuzz${varDefs ? `(${varDefs})` : ''} { ${m.name}${m.args.length ? `(${m.args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''} ${selection} }`;
      await fc.assert(
        fc.asyncProperty(argsArbitrary(m.args), fc.integer({ min: 0, max: callers.length - 1 }), async (variables, who) => {
          calls++;
          const before = await snapshot();
          const res = await callers[who].gql(query, variables as Record<string, unknown>);
          const codes = (res.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
          const raw = JSON.stringify(res);
          if (res.status >= 500) problems.push(`${m.name}: HTTP ${res.status}`);
          for (const code of codes) if (code === 'INTERNAL_SERVER_ERROR' || !knownCodes.has(code as string)) problems.push(`${m.name}: ${code} for ${JSON.stringify(variables).slice(0, 300)}`);
          if (/node_modules|\bat \w+ \(|stacktrace/.test(raw)) problems.push(`${m.name}: stack trace`);
          if (codes.length && (await snapshot()) !== before) problems.push(`${m.name}: refused (${codes}) but rows changed`);
        }),
        { numRuns: 25, seed: Number(process.env.FUZZ_SEED ?? 20261124) },
      );
    }
    // the figures in README.md (Limits and abuse) come from this line
    console.log(`fuzz: ${mutations.length} mutations × 25 runs = ${calls} calls as CITY/VENDOR/office admin, ${problems.length} problems`);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(calls).toBeGreaterThan(300);
  }, 240_000);
});
