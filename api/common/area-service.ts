import type { FilterQuery } from '@mikro-orm/core';
import type { Context, Viewer } from '../context.js';

/** What every area's service starts from: the request's context, its EntityManager and viewer. */
export abstract class AreaService {
  constructor(protected readonly ctx: Context) {}

  protected get em() {
    return this.ctx.em;
  }

  /** Services behind isSignedIn-style rules: the viewer is always set there. */
  protected get viewer(): Viewer {
    return this.ctx.viewer!;
  }
}

/**
 * Exact-match list filters: `{ filterField: entityProperty }`. Unset (null/undefined) filters are
 * skipped; `ids` always means "one of these ids".
 */
export function exactFilters<T>(filter: Record<string, unknown> | null | undefined, mapping: Record<string, string>): FilterQuery<T>[] {
  if (!filter) return [];
  const out: FilterQuery<T>[] = [];
  if (Array.isArray(filter.ids)) out.push({ id: { $in: filter.ids } } as FilterQuery<T>);
  for (const [key, property] of Object.entries(mapping)) {
    const value = filter[key];
    if (value !== undefined && value !== null) out.push({ [property]: value } as FilterQuery<T>);
  }
  return out;
}
