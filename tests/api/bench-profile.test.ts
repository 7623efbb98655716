// The benchmark's "what limits it" comes from a CPU profile of the same run (bench/profile.ts):
// a real V8 profile, taken through node:inspector as the benchmark takes the API's, is summed by
// who runs the code; a missed throughput target then carries that summary and the CPU split of the
// API and PostgreSQL against PostGraphile's, and is no longer left for a line filled in by hand.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector';
import { buildSchema, graphqlSync } from 'graphql';
import { summarizeProfile } from '../../bench/profile.js';
import { evaluateTargets, type BenchResults, type Measurement } from '../../bench/report.js';
import { QUERIES } from '../../bench/queries.js';
import type { LoadResult } from '../../bench/load.js';

const post = (session: Session, method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result))));

describe('the benchmark’s profile of what limits a target', () => {
  it('sums a real CPU profile by who runs the code: graphql-js work shows as graphql-js', async () => {
    const schema = buildSchema('type Row { a: Int b: String c: [Int] } type Query { rows: [Row] }');
    const rows = Array.from({ length: 200 }, (_, i) => ({ a: i, b: `row ${i}`, c: [i, i + 1, i + 2] }));
    const session = new Session();
    session.connect();
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.start');
    const until = Date.now() + 400;
    while (Date.now() < until) graphqlSync({ schema, source: '{ rows { a b c } }', rootValue: { rows } });
    const { profile } = (await post(session, 'Profiler.stop')) as { profile: unknown };
    session.disconnect();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-profile-')), 'graphql.cpuprofile');
    fs.writeFileSync(file, JSON.stringify(profile));

    const s = summarizeProfile(file, 0.4);
    expect(s.busyMs).toBeGreaterThan(100);
    expect(s.shares.reduce((n, x) => n + x.share, 0)).toBeCloseTo(1, 5);
    const graphqlShare = s.shares.find((x) => x.what.startsWith('graphql-js'))?.share ?? 0;
    expect(graphqlShare).toBeGreaterThan(0.4);
    expect(s.shares[0].what).toMatch(/^graphql-js/);
    expect(s.top.some((t) => t.fn.includes('graphql/'))).toBe(true);
  });

  const load = (connections: number, rps: number, cpu: number, pgCpu: number): LoadResult => ({
    connections,
    seconds: 10,
    requests: rps * 10,
    rps,
    p50: 1000 / rps,
    p95: 2000 / rps,
    p99: 3000 / rps,
    max: 4000 / rps,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    mismatches: 0,
    cpuMsPerRequest: cpu,
    pgCpuMsPerRequest: pgCpu,
  });
  const results = (profiled: boolean): Omit<BenchResults, 'targets'> =>
    ({
      options: { concurrency: [1, 8] },
      measurements: [
        {
          query: 'rooms',
          target: 'api',
          sameData: true,
          load: [load(1, 150, 4, 4), load(8, 200, 4.4, 4.3)],
          ...(profiled
            ? {
                profile: {
                  file: 'bench/.data/profiles/x-rooms.cpuprofile',
                  seconds: 5,
                  busyMs: 4500,
                  shares: [{ what: 'garbage collection', share: 0.16 }],
                  top: [{ fn: 'writev (native)', share: 0.2 }],
                },
              }
            : {}),
        },
        { query: 'rooms', target: 'postgraphile', sameData: true, load: [load(1, 200, 3, 2), load(8, 300, 2.9, 1.9)] },
      ] as Measurement[],
    }) as unknown as Omit<BenchResults, 'targets'>;
  const throughput = (r: Omit<BenchResults, 'targets'>) =>
    evaluateTargets(
      r,
      QUERIES.filter((q) => q.key === 'rooms'),
    ).find((c) => c.name.startsWith('API throughput'))!;

  it('a missed throughput says where its CPU goes and what the profile shows', () => {
    const check = throughput(results(true));
    expect(check.holds).toBe(false);
    expect(check.explained).toBe(true);
    expect(check.details[0]).toContain("API 4.40 + 4.30 = 8.70 ms, PostGraphile 2.90 + 1.90 = 4.80 ms (the API's: 1.50 ms more in the process, 2.40 ms more in PostgreSQL)");
    expect(check.details[1]).toMatch(/^rooms, what limits it: profile of the API process \(5 s .*garbage collection 16\.0 %.*writev \(native\) 20\.0 %/);
  });

  it('without a profile (--profile-seconds 0) the miss is left to be explained by hand', () => {
    const check = throughput(results(false));
    expect(check.holds).toBe(false);
    expect(check.explained).toBeUndefined();
    expect(check.details).toHaveLength(1);
  });
});
