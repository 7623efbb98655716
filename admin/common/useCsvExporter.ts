// A react-admin exporter for a resource: the listed columns with their translated headers,
// enum values as labels, booleans as はい/いいえ, dates in local time.
import { useCallback } from 'react';
import { useTranslate, type Exporter, type RaRecord } from 'react-admin';
import type { jaMessages } from '../i18n/ja';
import { downloadCsvWithBom, toCsv } from './csv';

export interface ExportColumn {
  /** record path, e.g. `name` or `office.name` */
  source: string;
  /** header translation key; defaults to resources.<resource>.fields.<first path segment> */
  label?: string;
  enumType?: keyof typeof jaMessages.enums;
  date?: boolean;
}

const valueAt = (record: RaRecord, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], record);

const today = () => new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD

export function useCsvExporter(resource: string, columns: ExportColumn[]): Exporter {
  const translate = useTranslate();
  return useCallback(
    (records: RaRecord[]) => {
      const format = (column: ExportColumn, value: unknown): unknown => {
        if (value === null || value === undefined) return '';
        if (Array.isArray(value)) return value.map((v) => format(column, v)).join('、');
        if (column.enumType) return translate(`enums.${column.enumType}.${value}`);
        if (typeof value === 'boolean') return translate(value ? 'app.values.yes' : 'app.values.no');
        if (column.date) return new Date(String(value)).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' });
        return value;
      };
      const headers = columns.map((c) => translate(c.label ?? `resources.${resource}.fields.${c.source.split('.')[0]}`));
      const rows = records.map((r) => columns.map((c) => format(c, valueAt(r, c.source))));
      const name = translate(`resources.${resource}.name`, { smart_count: 2 });
      downloadCsvWithBom(toCsv(headers, rows), translate('app.actions.export_file', { name, date: today() }));
    },
    [resource, columns, translate],
  );
}
