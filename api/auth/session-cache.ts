// Signed-in sessions and API tokens kept in this process's memory, so that a request does not pay
// a lookup in PostgreSQL. Safe only because every change that can end or narrow one reaches every
// process first: triggers on app_user, session and api_token NOTIFY `auth_changed` with the user's id
// when the change commits (migrations/Migration20261130103001.ts), and this process LISTENs on a
// connection of its own. Without that connection nothing is served from memory (fail closed).
//
// NOTIFY reaches this process a little after the change commits, so an entry is used only after a
// round trip on the LISTEN connection that started after the request arrived: PostgreSQL has
// signalled every listener before the revoking transaction's commit returns, and the listener's
// backend sends pending notifications before its answer, so by then any revocation committed
// before the request has been applied here. Requests arriving together share one round trip.
import pg from 'pg';
import { LRUCache } from 'lru-cache';

export const AUTH_CHANNEL = 'auth_changed';
/** application_name of the LISTEN connection (pg_stat_activity) */
export const LISTENER_NAME = 'zaitaku-auth-listener';

export interface AuthCacheOptions {
  /** entries kept (sessions and tokens together) */
  max?: number;
  /** a safety net only: every entry is looked up again at least this often */
  ttlMs?: number;
  /** wait before connecting again after the LISTEN connection was lost */
  reconnectMs?: number;
}

interface Entry {
  userId: string;
}

export class AuthCache<T extends Entry = Entry> {
  private readonly entries: LRUCache<string, T>;
  /** userId → keys of its entries, for invalidation by user */
  private readonly byUser = new Map<string, Set<string>>();
  private client: pg.Client | null = null;
  private listening = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  /**
   * Counts announcements. A value read from the database is kept only if no announcement for its
   * user (or for everyone, or a lost connection: `epoch`) came while it was being read: it could
   * be older than the change announced.
   */
  private generation = 0;
  private epoch = 0;
  /** the last announcement per user, for the reads in flight; an evicted one counts for everyone */
  private readonly announced = new LRUCache<string, number>({
    max: 10_000,
    dispose: (g, _user, reason) => {
      if (reason === 'evict') this.evictedUpTo = Math.max(this.evictedUpTo, g);
    },
  });
  private evictedUpTo = 0;
  /** the round trip on the LISTEN connection in flight, and the one queued behind it */
  private current: Promise<boolean> | null = null;
  private next: Promise<boolean> | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly options: AuthCacheOptions = {},
  ) {
    this.entries = new LRUCache<string, T>({
      max: options.max ?? 10_000,
      ttl: options.ttlMs ?? 60_000,
      dispose: (value, key) => this.unindex(value.userId, key),
    });
  }

  /** Connects and LISTENs; never throws (until connected, every lookup goes to the database). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.lost();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  /** Whether lookups may be served from memory right now. */
  get active(): boolean {
    return this.listening;
  }

  /**
   * The token to hand back to set(), taken before reading the database: after a round trip, so
   * that announcements of changes this read will already see have arrived and do not spoil it.
   */
  async ticket(): Promise<{ generation: number; epoch: number } | null> {
    if (!this.listening || !(await this.caughtUp())) return null;
    return { generation: this.generation, epoch: this.epoch };
  }

  /** The entry, once no change committed before this call can still be on its way (see above). */
  async get(key: string): Promise<T | undefined> {
    if (!this.listening || !this.entries.has(key)) return undefined;
    if (!(await this.caughtUp())) return undefined;
    return this.listening ? this.entries.get(key) : undefined;
  }

  /** Keeps a value read from the database, unless an announcement came since `ticket`. */
  set(key: string, value: T, ticket: { generation: number; epoch: number } | null): void {
    if (!ticket || !this.listening || ticket.epoch !== this.epoch) return;
    if ((this.announced.get(value.userId) ?? 0) > ticket.generation || this.evictedUpTo > ticket.generation) return;
    this.entries.set(key, value);
    const keys = this.byUser.get(value.userId) ?? new Set<string>();
    keys.add(key);
    this.byUser.set(value.userId, keys);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** A change to this user (or, for '*', to anyone) was committed. */
  invalidate(userId: string): void {
    this.generation += 1;
    if (userId === '*') {
      this.epoch += 1;
      this.clear();
      return;
    }
    this.announced.set(userId, this.generation);
    for (const key of [...(this.byUser.get(userId) ?? [])]) this.entries.delete(key);
    this.byUser.delete(userId);
  }

  private clear(): void {
    this.entries.clear();
    this.byUser.clear();
  }

  private unindex(userId: string, key: string): void {
    const keys = this.byUser.get(userId);
    keys?.delete(key);
    if (keys?.size === 0) this.byUser.delete(userId);
  }

  /** Resolves once a round trip on the LISTEN connection, started after this call, has come back. */
  private caughtUp(): Promise<boolean> {
    if (!this.current) return this.roundTrip();
    // the one in flight may have been sent before this request's revocation committed
    this.next ??= this.current.then(() => {
      this.next = null;
      return this.roundTrip();
    });
    return this.next;
  }

  private roundTrip(): Promise<boolean> {
    const client = this.client;
    if (!client || !this.listening) return Promise.resolve(false);
    const trip = client.query('select 1').then(
      () => this.listening && this.client === client,
      () => false,
    );
    this.current = trip;
    void trip.finally(() => {
      if (this.current === trip) this.current = null;
    });
    return trip;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true, application_name: LISTENER_NAME });
    this.client = client;
    client.on('notification', (m) => {
      if (m.channel === AUTH_CHANNEL) this.invalidate(m.payload ?? '*');
    });
    const onLoss = () => {
      if (this.client !== client) return;
      this.client = null;
      this.lost();
      client.end().catch(() => {});
      this.scheduleReconnect();
    };
    client.on('error', onLoss);
    client.on('end', onLoss);
    try {
      await client.connect();
      await client.query(`listen ${AUTH_CHANNEL}`);
    } catch {
      return onLoss();
    }
    if (this.client !== client) return;
    // whatever changed while we were not listening is unknown: start empty
    this.epoch += 1;
    this.clear();
    this.listening = true;
  }

  private lost(): void {
    this.listening = false;
    this.epoch += 1;
    this.clear();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, this.options.reconnectMs ?? 1_000);
    this.retry.unref();
  }
}
