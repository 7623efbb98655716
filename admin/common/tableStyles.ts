// Column headers on one line; short values (IDs, numbers, dates, status) too.
export const tableSx = { '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } } as const;
export const noWrap = { whiteSpace: 'nowrap' } as const;
