import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The counters of rate-limiter-flexible's PostgreSQL store (api/http/rate-limits.ts), in the
 * exact shape the library expects. Declared here so the migration creates the table (the runtime
 * role cannot CREATE) and the schema check keeps it; the application never reads it through the ORM.
 */
@Entity({ tableName: 'rate_limit' })
export class RateLimitCounter {
  /** `<limiter prefix>:<address or hashed login ID>` */
  @PrimaryKey({ length: 255 })
  key!: string;

  @Property({ type: 'integer', default: 0 })
  points: number = 0;

  /** Epoch milliseconds when the window ends; the library deletes rows expired an hour ago */
  @Property({ type: 'bigint', nullable: true })
  @Index()
  expire?: string | null;
}
