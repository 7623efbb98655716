// HTTP load with autocannon: every response's latency is kept, so p50/p95 are exact (autocannon's
// own summary has no p95). A response whose size differs from the expected one (an error served
// with 200, as GraphQL does) counts as a mismatch.
import autocannon from 'autocannon';

export interface HttpRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** writes: a fresh body for every request (the next post, page or application), instead of `body` */
  nextBody?: () => string;
  /** writes: judges every answer by its body (a GraphQL error comes with HTTP 200); true = succeeded */
  answered?: (status: number, body: string, sent: string) => boolean;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** 2xx responses whose byte size differs from the verified response (writes: whose body says it failed) */
  mismatches: number;
  /** CPU time (user + system) the target process spent per request during the run, in ms */
  cpuMsPerRequest?: number;
  /** CPU time of PostgreSQL's processes per request during the run, in ms (every connection's, the target's alone while it runs) */
  pgCpuMsPerRequest?: number;
  /** req/s of each round, in the order the rounds ran (the targets take turns round by round) */
  roundRps?: number[];
}

/** One load run with its raw samples (kept out of the JSON results). */
export interface LoadRun extends LoadResult {
  latencies: number[];
  /** the target process's CPU time during the run (set by the runner) */
  cpuMs?: number;
  /** PostgreSQL's CPU time during the run (set by the runner) */
  pgCpuMs?: number;
}

export async function once(baseUrl: string, r: HttpRequest): Promise<{ status: number; text: string; bytes: number }> {
  const body = r.nextBody ? r.nextBody() : r.body;
  const res = await fetch(baseUrl + r.path, { method: 'POST', headers: r.headers, body });
  const text = await res.text();
  r.answered?.(res.status, text, body);
  return { status: res.status, text, bytes: Buffer.byteLength(text) };
}

const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : NaN);

export function load(baseUrl: string, r: HttpRequest, connections: number, seconds: number, expectedBodyBytes?: number): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const sizes = new Map<number, number>();
    let non2xx = 0;
    let failedBodies = 0;
    // writes: every request gets its own body, and every answer is judged by its body
    const perRequest = r.nextBody
      ? {
          requests: [
            {
              method: 'POST' as const,
              path: r.path,
              headers: r.headers,
              setupRequest: (req: { body?: string }, context: { sent?: string }) => {
                context.sent = r.nextBody!();
                return { ...req, body: context.sent };
              },
              onResponse: (status: number, body: string, context: { sent?: string }) => {
                if (r.answered && !r.answered(status, body, context.sent ?? '')) failedBodies += 1;
              },
            },
          ],
        }
      : {};
    const instance = autocannon(
      { url: baseUrl + r.path, method: 'POST', headers: r.headers, body: r.body, connections, duration: seconds, pipelining: 1, timeout: 30, ...perRequest } as autocannon.Options,
      (err, result) => {
        if (err) return reject(err);
        latencies.sort((a, b) => a - b);
        // the usual response size (headers + body): anything else is a different answer
        let modal = 0;
        let modalCount = -1;
        for (const [size, count] of sizes) if (count > modalCount) [modal, modalCount] = [size, count];
        let mismatches = failedBodies;
        if (!r.answered) for (const [size, count] of sizes) if (size !== modal) mismatches += count;
        if (!r.answered && expectedBodyBytes !== undefined && modalCount > 0 && modal < expectedBodyBytes) mismatches += modalCount; // even the usual answer is too short
        const elapsed = result.duration || seconds;
        resolve({
          latencies,
          connections,
          seconds: elapsed,
          requests: latencies.length,
          rps: latencies.length / elapsed,
          p50: percentile(latencies, 0.5),
          p95: percentile(latencies, 0.95),
          p99: percentile(latencies, 0.99),
          max: latencies[latencies.length - 1] ?? NaN,
          non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          mismatches,
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, resBytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx += 1;
      else sizes.set(resBytes, (sizes.get(resBytes) ?? 0) + 1);
    });
  });
}

/** Several runs of one target at one concurrency (rounds interleaved with the other targets) as one result. */
export function combine(runs: LoadRun[]): LoadResult {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const sum = (k: 'non2xx' | 'errors' | 'timeouts' | 'mismatches') => runs.reduce((n, r) => n + r[k], 0);
  return {
    connections: runs[0].connections,
    seconds,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? NaN,
    non2xx: sum('non2xx'),
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    mismatches: sum('mismatches'),
    roundRps: runs.map((r) => r.rps),
    ...(runs.every((r) => r.cpuMs !== undefined) && latencies.length ? { cpuMsPerRequest: runs.reduce((n, r) => n + r.cpuMs!, 0) / latencies.length } : {}),
    ...(runs.every((r) => r.pgCpuMs !== undefined) && latencies.length ? { pgCpuMsPerRequest: runs.reduce((n, r) => n + r.pgCpuMs!, 0) / latencies.length } : {}),
  };
}
