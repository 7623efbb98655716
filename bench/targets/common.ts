// The child-process side of every benchmark target: counts the SQL statements the process sends
// (at the pg driver, so MikroORM, the raw handler and PostGraphile are counted the same way),
// samples its RSS, optionally captures statements for EXPLAIN, and answers the runner over IPC.
import fs from 'node:fs';
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';

export interface TargetConfig {
  /** PostgreSQL URL this target connects with */
  databaseUrl: string;
  /** connection pool size (the API's default, DB_POOL_MAX=10, for every target) */
  poolMax: number;
  /** SecretBox key of the benchmark dataset (API only) */
  secretKey?: string;
}

export interface CapturedStatement {
  text: string;
  values: unknown[];
  /** sent as a named statement: the session keeps it and PostgreSQL its plan (the API's reads, raw prepared) */
  named?: boolean;
}

export type ToChild =
  | { type: 'stats'; id: number }
  | { type: 'resetPeak'; id: number }
  | { type: 'capture'; id: number; on: boolean }
  | { type: 'gc'; id: number }
  | { type: 'stop'; id: number }
  | { type: 'profile'; id: number; file: string | null };

export interface ChildStats {
  /** statements sent since the process started */
  statements: number;
  /** CPU time (user + system) of this process since it started, in µs (process.cpuUsage) */
  cpuUs: number;
  rss: number;
  /** highest RSS sampled (every 50 ms) since the last resetPeak */
  peakRss: number;
  /** statements captured since capture was switched on (cleared when switched on) */
  captured?: CapturedStatement[];
  /** the CPU profile written when profiling was switched off */
  profileFile?: string;
}

export type FromChild = { type: 'ready'; port: number } | { type: 'reply'; id: number; stats?: ChildStats } | { type: 'error'; message: string };

const require = createRequire(import.meta.url);

export function targetConfig(): TargetConfig {
  const raw = process.env.BENCH_TARGET_CONFIG;
  if (!raw) throw new Error('BENCH_TARGET_CONFIG is not set: targets are started by bench/run.ts');
  return JSON.parse(raw) as TargetConfig;
}

/** Counts (and on request captures) every statement sent through any pg.Client of this process. */
export function instrumentPg(): { statements: () => number; capture: (on: boolean) => void; captured: () => CapturedStatement[] } {
  const pg = require('pg') as typeof import('pg');
  let statements = 0;
  let capturing = false;
  let captured: CapturedStatement[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown; __benchCounted?: boolean };
  if (!proto.__benchCounted) {
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      statements += 1;
      if (capturing) {
        const [config, values] = args as [string | { text?: string; values?: unknown[]; name?: string }, unknown];
        const text = typeof config === 'string' ? config : (config?.text ?? '');
        const vals = typeof config === 'string' ? (Array.isArray(values) ? values : []) : (config?.values ?? (Array.isArray(values) ? values : []));
        captured.push({ text, values: vals, named: typeof config === 'object' && !!config?.name });
      }
      return original.apply(this, args);
    };
    proto.__benchCounted = true;
  }
  return {
    statements: () => statements,
    capture: (on) => {
      capturing = on;
      if (on) captured = [];
    },
    captured: () => captured,
  };
}

/** IPC with the runner: `ready` once listening, then stats / peak reset / capture / stop. */
export function serveRunner(counter: ReturnType<typeof instrumentPg>, onStop: () => Promise<void>): { ready: (port: number) => void } {
  let peak = process.memoryUsage().rss;
  setInterval(() => {
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
  }, 50).unref();
  const stats = (withCapture = false): ChildStats => ({
    statements: counter.statements(),
    cpuUs: (({ user, system }) => user + system)(process.cpuUsage()),
    rss: process.memoryUsage().rss,
    peakRss: Math.max(peak, process.memoryUsage().rss),
    ...(withCapture ? { captured: counter.captured() } : {}),
  });
  const send = (m: FromChild) => process.send?.(m);
  process.on('message', async (m: ToChild) => {
    switch (m.type) {
      case 'stats':
        send({ type: 'reply', id: m.id, stats: stats(true) });
        break;
      case 'resetPeak':
        peak = process.memoryUsage().rss;
        send({ type: 'reply', id: m.id, stats: stats() });
        break;
      case 'capture':
        counter.capture(m.on);
        send({ type: 'reply', id: m.id, stats: stats() });
        break;
      case 'gc':
        // the runner collects every target's garbage before it measures one, so that no target
        // pays for another's (targets run with --expose-gc)
        (globalThis as { gc?: () => void }).gc?.();
        send({ type: 'reply', id: m.id, stats: stats() });
        break;
      case 'profile':
        // a file: start profiling, into that file when switched off; null: stop and write it
        send({ type: 'reply', id: m.id, stats: { ...stats(), ...(await profiler(m.file)) } });
        break;
      case 'stop':
        await onStop().catch(() => undefined);
        send({ type: 'reply', id: m.id });
        process.exit(0);
    }
  });
  // the runner went away: do not linger
  process.on('disconnect', () => process.exit(0));
  return { ready: (port) => send({ type: 'ready', port }) };
}

/** This process's V8 CPU profiler, through the inspector protocol (no restart, no --cpu-prof). */
let profiling: { session: Session; file: string } | null = null;
async function profiler(file: string | null): Promise<{ profileFile?: string }> {
  const post = (session: Session, method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result))));
  if (file) {
    const session = new Session();
    session.connect();
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.start');
    profiling = { session, file };
    return {};
  }
  if (!profiling) return {};
  const { session, file: into } = profiling;
  profiling = null;
  const { profile } = (await post(session, 'Profiler.stop')) as { profile: unknown };
  session.disconnect();
  fs.writeFileSync(into, JSON.stringify(profile));
  return { profileFile: into };
}

export function fail(e: unknown): never {
  const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
  process.send?.({ type: 'error', message } satisfies FromChild);
  console.error(message);
  process.exit(1);
}
