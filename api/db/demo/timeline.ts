// The demo's month, replayed through the real services. Each step is one transaction in which one
// person (or the public page, or the nightly job) acts at a past moment. While a step runs, the
// process's clock reads that moment (shiftedClock), so the services write exactly what they would
// have written then: rows, "today" in Japan time for dates and checks, the history, the audit trail
// (append-only: its rows must be born with their moment) and the outbox. Timestamps that PostgreSQL
// itself takes (now() in SQL, e.g. read receipts) are moved to the step's moment afterwards (retime).
import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { Context, Viewer } from '../../context.js';
import type { SecretBox } from '../../auth/secret-box.js';
import { buildContext } from '../../context.js';
import { rateLimitsFor } from '../../http/rate-limits.js';
import { storeUpload } from '../../uploads/upload.service.js';
import { inTransaction } from '../transaction.js';
import { User } from '../../users/user.entity.js';

const DAY = 86_400_000;
const JST = 9 * 3_600_000;
/** the real clock, kept before any shift */
const RealDate = Date;

/**
 * Makes `new Date()` and `Date.now()` answer real time + shift() (other uses of Date are untouched;
 * dates made either way are instances of the real Date). Returns the undo.
 */
export function shiftedClock(shift: () => number): () => void {
  function Shifted(this: unknown, ...args: unknown[]) {
    if (!new.target) return new RealDate(RealDate.now() + shift()).toString();
    return args.length ? new (RealDate as unknown as new (...a: unknown[]) => Date)(...args) : new RealDate(RealDate.now() + shift());
  }
  Shifted.prototype = RealDate.prototype;
  Object.assign(Shifted, { now: () => RealDate.now() + shift(), parse: RealDate.parse, UTC: RealDate.UTC });
  globalThis.Date = Shifted as unknown as DateConstructor;
  return () => {
    globalThis.Date = RealDate;
  };
}

/** Moments of the demo, relative to the day it is loaded (Japan time). */
export class DemoCalendar {
  /** midnight today, Japan time, as a UTC instant */
  private readonly today: number;

  constructor(private readonly now = RealDate.now()) {
    this.today = Math.floor((now + JST) / DAY) * DAY - JST;
  }

  /** `daysAgo` calendar days before today at HH:MM Japan time. */
  day(daysAgo: number, hhmm: string): Date {
    const [h, m] = hhmm.split(':').map(Number);
    return new Date(this.today - daysAgo * DAY + (h * 60 + m) * 60_000);
  }

  /** The calendar days back to the k-th working day (Mon–Fri) before today: offices and the city work on those. */
  workdaysAgo(k: number): number {
    let days = 0;
    for (let left = k; left > 0; ) {
      days += 1;
      const dow = new Date(this.today - days * DAY + JST).getUTCDay();
      if (dow !== 0 && dow !== 6) left -= 1;
    }
    return days;
  }

  /** The k-th working day before today at HH:MM. */
  workday(k: number, hhmm: string): Date {
    return this.day(this.workdaysAgo(k), hhmm);
  }

  /** YYYY-MM-DD (Japan time) of an instant. */
  date(at: Date): string {
    return new Date(at.getTime() + JST).toISOString().slice(0, 10);
  }

  /** "11月3日(火)" of `daysAgo` (negative: ahead), for texts that mention a day. */
  label(daysAgo: number): string {
    const d = new Date(this.today - daysAgo * DAY + JST);
    return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日(${'日月火水木金土'[d.getUTCDay()]})`;
  }

  /** YYYY-MM-DD `daysAhead` days from today. */
  dateAhead(daysAhead: number): string {
    return new Date(this.today + daysAhead * DAY + JST).toISOString().slice(0, 10);
  }

  /** The last day of next month (a usual 退職日), YYYY-MM-DD. */
  endOfNextMonth(): string {
    const d = new Date(this.today + JST);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 0)).toISOString().slice(0, 10);
  }

  /** Whether an instant is safely in the past (steps never happen in the future). */
  past(at: Date): boolean {
    return at.getTime() < this.now - 60_000;
  }
}

/** A small deterministic generator: the same demo every time it is loaded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a step may use besides its context. */
export interface StepTools {
  ctx: Context;
  em: EntityManager;
  /** the step's moment */
  at: Date;
  /** a file "sent to POST /uploads" by the step's actor, ready to be named in a mutation */
  upload(file: { filename: string; contentType: string; data: Buffer }): Promise<{ uploadId: string; claimToken?: string | null }>;
}

interface Step {
  at: Date;
  /** login ID of the one acting, or null for the public page */
  actor: string | null;
  ip: string;
  run: (t: StepTools) => Promise<void>;
  order: number;
}

/** A step's span of real time and how far back it is moved. */
interface Window {
  from: number;
  to: number;
  shift: number;
}

export class Timeline {
  private readonly steps: Step[] = [];

  constructor(readonly cal: DemoCalendar) {}

  /** `actor` does `run` at `at` from address `ip` (documentation ranges, RFC 5737). */
  at(at: Date, actor: string | null, run: (t: StepTools) => Promise<void>, ip = ipOf(actor)): void {
    if (!this.cal.past(at)) throw new Error(`demo step in the future: ${at.toISOString()} (${actor})`);
    this.steps.push({ at, actor, ip, run, order: this.steps.length });
  }

  get size(): number {
    return this.steps.length;
  }

  /** Plays every step in time order, then moves the timestamps PostgreSQL took to each step's moment. */
  async play(orm: MikroORM, config: Config, secrets: SecretBox): Promise<void> {
    const users = new Map<string, User>();
    const limits = rateLimitsFor(orm, config);
    const windows: Window[] = [];
    let shift = 0;
    let last = 0;
    const restore = shiftedClock(() => shift);
    try {
      for (const step of [...this.steps].sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order)) {
        // each step has its own span of real time, so what PostgreSQL stamped in it is told apart from the next step's
        while (RealDate.now() <= last) await new Promise((r) => setImmediate(r));
        const from = RealDate.now();
        shift = step.at.getTime() - from;
        await this.run(step, orm, config, secrets, users, limits);
        last = RealDate.now();
        windows.push({ from, to: last + 1, shift });
      }
    } finally {
      restore();
    }
    await retime(orm, windows);
  }

  private async run(step: Step, orm: MikroORM, config: Config, secrets: SecretBox, users: Map<string, User>, limits: ReturnType<typeof rateLimitsFor>): Promise<void> {
    const em = orm.em.fork();
    let user = step.actor ? users.get(step.actor) : null;
    if (step.actor && !user) {
      user = await em.findOne(User, { loginId: step.actor });
      if (!user) throw new Error(`demo: no user ${step.actor}`);
      users.set(step.actor, user);
    }
    const viewer: Viewer | null = user
      ? { id: user.id, loginId: user.loginId, role: user.role, municipalityId: user.municipality?.id ?? null, officeId: user.office?.id ?? null, officeAdmin: user.officeAdmin }
      : null;
    // a signed-in request's context, minus the HTTP objects (the services of these steps use neither)
    const ctx = buildContext({
      em,
      config,
      secrets,
      limits,
      ip: step.ip,
      locale: 'ja',
      session: null,
      sessionProblem: null,
      viewer,
      viaToken: false,
      req: undefined as never,
      res: undefined as never,
    });
    const tools: StepTools = {
      ctx,
      em,
      at: step.at,
      upload: async (file) => {
        const stored = await storeUpload(em, file, viewer ? { userId: viewer.id } : { anonymous: true, ip: step.ip }, config.uploads.pendingMinutes);
        return { uploadId: stored.id, claimToken: stored.claimToken ?? null };
      },
    };
    try {
      await inTransaction(em, () => step.run(tools));
    } catch (e) {
      const detail = e instanceof Error ? `${e.message} ${JSON.stringify((e as { extensions?: unknown }).extensions ?? '')}` : String(e);
      throw new Error(`demo step at ${step.at.toISOString()} by ${step.actor ?? '(no one signed in)'} failed: ${detail}`, { cause: e });
    }
  }
}

/** Who works from where: one documentation address per actor, so the audit trail's addresses read like offices. */
function ipOf(actor: string | null): string {
  if (!actor) return '203.0.113.45';
  let h = 0;
  for (const c of actor) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `198.51.100.${10 + (h % 200)}`;
}

/**
 * Moves every timestamp PostgreSQL took during a step (found by the step's span of real time) to the
 * step's moment, in every table but the audit trail (written from the shifted clock, append-only).
 */
async function retime(orm: MikroORM, windows: Window[]): Promise<void> {
  if (!windows.length) return;
  const em = orm.em.fork();
  const run = (sql: string) => em.getConnection().execute(sql, [], 'run', em.getTransactionContext());
  const columns = await em.getConnection().execute<{ table_name: string; column_name: string }[]>(
    `select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type = 'timestamp with time zone'
        and table_name not in ('audit_event', 'mikro_orm_migrations', 'rate_limit')
        and table_name not in (select inhrelid::regclass::text from pg_inherits)`, // audit_event's monthly partitions
  );
  // array literals (a knex binding of a JS array would become a list of parameters)
  const array = (values: (string | number)[]) => `'{${values.join(',')}}'`;
  const spans = `unnest(${array(windows.map((w) => new Date(w.from).toISOString()))}::timestamptz[], ${array(windows.map((w) => new Date(w.to).toISOString()))}::timestamptz[], ${array(windows.map((w) => w.shift))}::bigint[]) as w(span_from, span_to, shift)`;
  await inTransaction(em, async () => {
    for (const { table_name: t, column_name: c } of columns) {
      await run(`update "${t}" set "${c}" = "${t}"."${c}" + w.shift * interval '1 millisecond' from ${spans} where "${t}"."${c}" >= w.span_from and "${t}"."${c}" < w.span_to`);
    }
  });
}
