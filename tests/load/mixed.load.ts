// 60 seconds at concurrency 16 on a mixed read/write workload (LOAD_SECONDS, LOAD_CONCURRENCY to
// change): no 5xx, no failed request, memory flat at the end. Prints the figures.
import os from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/client.js';
import { buildApplication, buildPost, buildRoom, buildUser, buildWorld } from '../helpers/factories.js';
import { Role } from '../../api/users/user.enums.js';
import type { Room } from '../../api/rooms/room.entity.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 16);

let server: TestServer;
afterAll(() => server?.close());

interface Op {
  name: string;
  weight: number;
  run: (i: number) => Promise<{ status: number; errors?: { extensions?: { code?: string } }[] }>;
}

let ops: Op[] = [];

beforeAll(async () => {
  server = await startTestServer({ publicSubmissionsPerHour: 1_000_000 });
  // quiet: no per-statement logging under load
  server.orm.config.set('debug', false);
  const em = server.orm.em.fork();
  const world = await buildWorld(em, server.secrets);
  for (let i = 0; i < 200; i++) await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: i % 2 ? world.office : world.otherOffice });
  const members = [world.users.staff.user, world.users.officeAdmin.user];
  const rooms: Room[] = [];
  for (let i = 0; i < 20; i++)
    rooms.push(await buildRoom(em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: members.map((user) => ({ user })) }));
  for (const room of rooms) for (let i = 0; i < 50; i++) await buildPost(em.fork(), room, members[i % 2]);
  for (let i = 0; i < 50; i++) await buildApplication(em.fork(), { office: world.office, applicant: world.users.officeAdmin.user });
  const city = new Client(server.url);
  await city.signIn(world.users.city.loginId, world.users.city.password, world.users.city.totpSecret!);
  const member = new Client(server.url);
  await member.signIn(world.users.staff.loginId, world.users.staff.password, world.users.staff.totpSecret!);
  const room = (i: number) => rooms[i % rooms.length].id;
  ops = [
    {
      name: 'users list (CITY)',
      weight: 3,
      run: () => city.gql(`{ users(filter: { q: "利用者" }, sort: { field: nameKana, order: ASC }, page: { perPage: 25 }) { total items { name office { name } } } }`),
    },
    { name: 'offices list (CITY)', weight: 2, run: () => city.gql(`{ offices { total items { name activeUserCount } } }`) },
    { name: 'rooms list (member)', weight: 2, run: () => member.gql(`{ rooms { total items { name unreadCount } } }`) },
    {
      name: 'room + 20 posts (member)',
      weight: 4,
      run: (i) =>
        member.gql(`query($r: ID!) { room(id: $r) { name members { person { name } } } posts(roomId: $r, page: { perPage: 20 }) { total items { body readCount author { name } } } }`, { r: room(i) }),
    },
    {
      name: 'create post (member)',
      weight: 2,
      run: (i) => member.gql(`mutation($r: ID!, $b: String!) { createPost(roomId: $r, input: { kind: NOTE, body: $b }) { id } }`, { r: room(i), b: `負荷試験 ${i}` }),
    },
    { name: 'mark read (member)', weight: 1, run: (i) => member.gql(`mutation($r: ID!) { markPostsRead(roomId: $r) }`, { r: room(i) }) },
    { name: 'applications queue (CITY)', weight: 1, run: () => city.gql(`{ applications(filter: { states: [SUBMITTED] }) { total items { summary } } applicationCounts { state count } }`) },
    { name: 'roster report (CITY)', weight: 1, run: () => city.gql(`{ rosterReport { activeHeadcount } }`) },
  ];
}, 300_000);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : 0;
};

it(`holds ${SECONDS} s at concurrency ${CONCURRENCY}: no 5xx, no failed request, memory flat`, async () => {
  const weighted = ops.flatMap((o) => Array.from({ length: o.weight }, () => o));
  const gc = (globalThis as { gc?: () => void }).gc;
  const heap = () => {
    gc?.();
    return process.memoryUsage().heapUsed;
  };
  // warm-up
  for (let i = 0; i < 50; i++) await weighted[i % weighted.length].run(i);
  const heapStart = heap();
  const rssStart = process.memoryUsage().rss;
  const times = new Map<string, number[]>();
  const failures = new Map<string, number>();
  let i = 0;
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const n = i++;
        const op = weighted[n % weighted.length];
        const t0 = performance.now();
        const r = await op.run(n).catch(() => ({ status: 0, errors: [{ extensions: { code: 'NETWORK' } }] }));
        const ms = performance.now() - t0;
        (times.get(op.name) ?? times.set(op.name, []).get(op.name)!).push(ms);
        if (r.status >= 500 || r.status === 0 || r.errors?.length) {
          const key = `${op.name}: ${r.status} ${r.errors?.[0]?.extensions?.code ?? ''}`;
          failures.set(key, (failures.get(key) ?? 0) + 1);
        }
      }
    }),
  );
  const heapEnd = heap();
  const total = [...times.values()].reduce((s, t) => s + t.length, 0);
  const lines = [
    `mixed load: ${SECONDS} s, concurrency ${CONCURRENCY}, ${os.cpus().length} × ${os.cpus()[0]?.model}, node ${process.version}`,
    `requests ${total}, ${(total / SECONDS).toFixed(1)} req/s, failures ${[...failures.values()].reduce((a, b) => a + b, 0)}`,
    `heap after GC: start ${(heapStart / 2 ** 20).toFixed(1)} MiB, end ${(heapEnd / 2 ** 20).toFixed(1)} MiB; rss start ${(rssStart / 2 ** 20).toFixed(0)} MiB, end ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB (client and server share this process)`,
    '',
    '| operation | requests | p50 ms | p95 ms | p99 ms |',
    '|---|---:|---:|---:|---:|',
    ...[...times].map(([name, t]) => `| ${name} | ${t.length} | ${pct(t, 50).toFixed(1)} | ${pct(t, 95).toFixed(1)} | ${pct(t, 99).toFixed(1)} |`),
  ];
  console.log(lines.join('\n'));
  expect([...failures]).toEqual([]);
  // flat: the heap after GC grows by less than 32 MiB over the run
  expect(heapEnd - heapStart).toBeLessThan(32 * 2 ** 20);
});
