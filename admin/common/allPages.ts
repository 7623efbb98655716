// Every row of a paged read, for CSV exports: page after page until the last one or `max` rows.
// `more` says that rows were left past `max`, so that an export can say it stopped short; a page
// tells it by its total, or by hasNextPage for a list paged without a count (the audit trail).
type Page<T> = { items: T[] } & ({ total: number } | { hasNextPage: boolean });

export async function readAllPages<T>(read: (page: number, perPage: number) => Promise<Page<T>>, perPage: number, max = Number.POSITIVE_INFINITY) {
  const rows: T[] = [];
  let more = false;
  for (let page = 1; ; page++) {
    const result = await read(page, perPage);
    rows.push(...result.items);
    const follows = 'hasNextPage' in result ? result.hasNextPage : page * perPage < result.total;
    more = follows || rows.length > max;
    if (!follows || result.items.length < perPage || rows.length >= max) break;
  }
  return { rows: rows.slice(0, max), more };
}
