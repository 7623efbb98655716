/** ILIKE pattern for a contains-search, with the user's % and _ taken literally. */
export function containsPattern(q: string): string {
  return `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Snapshot of an entity's plain fields, for audit "what changed" (secrets excluded by the caller). */
export function pick<T extends object, K extends keyof T>(obj: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, obj[k]])) as Pick<T, K>;
}
