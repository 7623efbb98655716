// What the API process spends its CPU on while it serves a query: a V8 CPU profile taken inside
// the target (node:inspector, switched on and off by the runner around a load of its own), summed
// by who runs the code. The report prints this under a missed throughput or latency target, so
// that "what limits it" comes from a profile of the same run instead of a line filled in by hand.
import fs from 'node:fs';

/** A V8 CPU profile (Profiler.stop), as much of it as the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** the profile's file (kept out of the repository: bench/.data/profiles) */
  file: string;
  seconds: number;
  /** sampled time not idle, in ms */
  busyMs: number;
  /** requests answered while it was taken (set by the runner), for ms per request */
  requests?: number;
  /** share of the busy time by who runs the code, largest first */
  shares: { what: string; share: number }[];
  /** the functions with the most time of their own, largest first */
  top: { fn: string; share: number }[];
}

/** Who runs a frame, in the words the report uses. */
const GROUPS: [string, (f: CpuProfile['nodes'][number]['callFrame']) => boolean][] = [
  [
    'socket writes (the syscall that hands a statement to PostgreSQL or the answer to the client)',
    (f) => f.url === '' && /^(writev|writeBuffer|writeUtf8String|writeLatin1String)$/.test(f.functionName),
  ],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['graphql-js (parse cache, execution, serialization)', (f) => f.url.includes('/node_modules/graphql/')],
  ['pg driver (protocol, row parsing)', (f) => /\/node_modules\/(pg|pg-protocol|pg-types|postgres-array|postgres-date|pg-pool)\//.test(f.url)],
  ['Apollo Server, Express and body parsing', (f) => /\/node_modules\/(@apollo|express|router|body-parser|@as-integrations|raw-body|iconv-lite|cookie|send|finalhandler|qs)\//.test(f.url)],
  [
    'type-graphql, graphql-shield and class-validator (per-field wrappers, argument checks)',
    (f) => /\/node_modules\/(type-graphql|graphql-shield|graphql-middleware|class-validator|class-transformer|validator)\//.test(f.url),
  ],
  ['MikroORM, knex and the pool', (f) => /\/node_modules\/(@mikro-orm|knex|tarn)\//.test(f.url)],
  ['the API’s own code (api/)', (f) => f.url.includes('/dist/api/')],
  [
    'PostGraphile’s own code (postgraphile, graphile-build, pg-sql2)',
    (f) => /\/node_modules\/(postgraphile|postgraphile-core|graphile-build|graphile-build-pg|graphile-utils|pg-sql2|@graphile)\//.test(f.url),
  ],
  ['other packages', (f) => f.url.includes('/node_modules/')],
  ['Node.js (http, streams, promises, async context)', (f) => f.url.startsWith('node:') || f.functionName === 'runMicrotasks'],
];

export function summarizeProfile(file: string, seconds: number): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  let busy = 0;
  const groups = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)') continue;
    busy += us;
    const group = GROUPS.find(([, test]) => test(f))?.[0] ?? 'native and unattributed';
    groups.set(group, (groups.get(group) ?? 0) + us);
    const where = f.url ? `${f.url.replace(/^.*\/node_modules\//, '').replace(/^.*\/dist\//, '')}:${f.lineNumber + 1}` : 'native';
    const fn = `${f.functionName || '(anonymous)'} (${where})`;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
  }
  const ranked = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, us]) => ({ k, share: busy ? us / busy : 0 }));
  return {
    file,
    seconds,
    busyMs: busy / 1000,
    shares: ranked(groups).map(({ k, share }) => ({ what: k, share })),
    top: ranked(fns)
      .slice(0, 8)
      .map(({ k, share }) => ({ fn: k, share })),
  };
}

/** One line of the report. */
export function profileLine(p: ProfileSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return `profile of the API process (${p.seconds} s at the same load, ${p.busyMs.toFixed(0)} ms busy; \`${p.file}\`): ${p.shares
    .filter((s) => s.share >= 0.005)
    .map((s) => `${s.what} ${pct(s.share)}`)
    .join(', ')}; most time of their own: ${p.top.map((t) => `${t.fn} ${pct(t.share)}`).join(', ')}`;
}

/** The groups that are each server's own code, compared as one. */
const OWN_CODE = /^(the API’s own code|PostGraphile’s own code)/;

/**
 * Where the API spends more CPU per request than PostGraphile, group by group, from the two
 * profiles taken at the same load: ms per request (busy time ÷ requests answered meanwhile), the
 * largest excess first. Null without the requests of either.
 */
export function profileComparison(api: ProfileSummary, pgl: ProfileSummary): string | null {
  if (!api.requests || !pgl.requests) return null;
  const perRequest = (p: ProfileSummary) => {
    const ms = new Map<string, number>();
    for (const s of p.shares) {
      const what = OWN_CODE.test(s.what) ? 'the server’s own code' : s.what;
      ms.set(what, (ms.get(what) ?? 0) + (s.share * p.busyMs) / p.requests!);
    }
    return ms;
  };
  const a = perRequest(api);
  const b = perRequest(pgl);
  const rows = [...new Set([...a.keys(), ...b.keys()])].map((what) => ({ what, api: a.get(what) ?? 0, pgl: b.get(what) ?? 0 })).sort((x, y) => y.api - y.pgl - (x.api - x.pgl));
  const ms = (n: number) => n.toFixed(2);
  const total = (m: Map<string, number>) => [...m.values()].reduce((n, x) => n + x, 0);
  return `sampled CPU per request, API ${ms(total(a))} ms vs PostGraphile ${ms(total(b))} ms (profiles at the same load; \`${pgl.file}\`), by who runs the code, the largest excess first: ${rows
    .filter((r) => r.api >= 0.005 || r.pgl >= 0.005)
    .map((r) => `${r.what} ${ms(r.api)} vs ${ms(r.pgl)} (${r.api >= r.pgl ? '+' : '−'}${ms(Math.abs(r.api - r.pgl))})`)
    .join(', ')}`;
}
