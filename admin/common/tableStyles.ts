// Column headers on one line; short values (IDs, numbers, dates, status) too. A column of text
// keeps room for a few characters a line: squeezed to its min-content, Japanese text breaks after
// every character and a name reads down the phone's screen; the table scrolls in its card instead
// (tests/e2e/phone.test.ts, squeezedCells).
export const noWrap = { whiteSpace: 'nowrap' } as const;
export const textCell = { minWidth: '7em' } as const;
/** react-admin's DataTable */
export const tableSx = { '& .RaDataTable-headerCell': noWrap, '& .RaDataTable-rowCell': textCell } as const;
/** a plain MUI Table (the rooms list, the reports): headers on one line; text cells take textCell */
export const muiTableSx = { '& .MuiTableCell-head': noWrap } as const;
