// CSV for Excel in Japan: UTF-8 with a byte-order mark, CRLF lines, every cell quoted, and
// cells that a spreadsheet would run as a formula neutralized.
import { downloadCSV } from 'react-admin';

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text) && !/^-?\d[\d-]*$/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(headers: string[], rows: unknown[][]): string {
  return [headers, ...rows].map((row) => row.map(cell).join(',')).join('\r\n');
}

export function downloadCsvWithBom(csv: string, filename: string): void {
  downloadCSV(`\uFEFF${csv}`, filename);
}
