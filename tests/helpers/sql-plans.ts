// For tests that ask PostgreSQL how it runs the API's own statements: capture what the server sends
// at the pg driver (text and values, as prepared), and walk an EXPLAIN (FORMAT JSON) plan.
import pg from 'pg';
import type { TestServer } from './server.js';

export interface SentStatement {
  text: string;
  values: unknown[];
}

/**
 * Spies on every pg client's query(); statements are kept only inside `during`. `restore` puts the
 * driver back (afterAll).
 */
export function captureStatements() {
  const original = pg.Client.prototype.query;
  let capturing: SentStatement[] | null = null;
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() is overloaded; the spy passes every form through
  (pg.Client.prototype as any).query = function (this: pg.Client, config: any, ...rest: any[]) {
    if (capturing && config && typeof config === 'object' && typeof config.text === 'string') capturing.push({ text: config.text, values: config.values ?? [] });
    else if (capturing && typeof config === 'string') capturing.push({ text: config, values: Array.isArray(rest[0]) ? rest[0] : [] });
    return (original as (...args: unknown[]) => unknown).apply(this, [config, ...rest]);
  };
  return {
    /** The statements sent while `action` ran. */
    async during(action: () => Promise<unknown>): Promise<SentStatement[]> {
      const sent: SentStatement[] = [];
      capturing = sent;
      try {
        await action();
      } finally {
        capturing = null;
      }
      return sent;
    },
    restore() {
      pg.Client.prototype.query = original;
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: EXPLAIN (FORMAT JSON) is an untyped tree, walked by key
export type PlanNode = any;

/** Every node of a plan, depth first. */
export const planNodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(planNodes)];

/**
 * The capture, and a connection of the test server's own pool for the EXPLAINs (the statements are
 * prepared against its schema); `close` gives both back.
 */
export async function planTools(server: TestServer) {
  const knex = server.orm.em.getKnex().client;
  const db = (await knex.acquireConnection()) as pg.Client;
  const sql = captureStatements();
  return {
    sql,
    db,
    async close() {
      sql.restore();
      await knex.releaseConnection(db);
    },
  };
}

/**
 * The plan PostgreSQL makes for a statement the server sent, inside a transaction rolled back
 * afterwards: `setup` runs first in it (SET LOCAL of planner settings, an index dropped for the
 * question), so nothing it changes outlives the EXPLAIN.
 */
export async function planInRollback(db: pg.Client, statement: SentStatement, setup: (db: pg.Client) => Promise<unknown>): Promise<PlanNode> {
  await db.query('begin');
  try {
    await setup(db);
    const r = await db.query(`explain (format json) ${statement.text}`, statement.values);
    return r.rows[0]['QUERY PLAN'][0].Plan;
  } finally {
    await db.query('rollback');
  }
}
