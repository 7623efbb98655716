// Every row of a paged read, for CSV exports: page after page until the last one or `max` rows.
// `total` is what the API counted, so that an export can say when it stopped short.
export async function readAllPages<T>(read: (page: number, perPage: number) => Promise<{ items: T[]; total: number }>, perPage: number, max = Number.POSITIVE_INFINITY) {
  const rows: T[] = [];
  let total = 0;
  for (let page = 1; rows.length < max; page++) {
    const result = await read(page, perPage);
    total = result.total;
    rows.push(...result.items);
    if (result.items.length < perPage || rows.length >= total) break;
  }
  return { rows: rows.slice(0, max), total };
}
