// Filter, sort and page a short list that the API returns whole (municipalities).
export type Row = Record<string, unknown> & { id: string };

interface Params {
  filter?: Record<string, unknown>;
  sort?: { field: string; order: string };
  pagination?: { page: number; perPage: number };
}

const collator = new Intl.Collator('ja');

function matches(row: Row, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (value === undefined || value === null || value === '') return true;
    if (key === 'ids') return (value as string[]).includes(row.id);
    if (key === 'q') {
      const q = String(value).trim().toLowerCase();
      return Object.values(row).some((v) => typeof v === 'string' && v.toLowerCase().includes(q));
    }
    return row[key] === value;
  });
}

export function listLocally(rows: Row[], { filter = {}, sort, pagination }: Params): { data: Row[]; total: number } {
  let result = rows.filter((r) => matches(r, filter));
  if (sort && sort.field in (rows[0] ?? {})) {
    const sign = sort.order === 'DESC' ? -1 : 1;
    result = [...result].sort((a, b) => sign * collator.compare(String(a[sort.field] ?? ''), String(b[sort.field] ?? '')));
  }
  const total = result.length;
  if (pagination) {
    const start = (pagination.page - 1) * pagination.perPage;
    result = result.slice(start, start + pagination.perPage);
  }
  return { data: result, total };
}
