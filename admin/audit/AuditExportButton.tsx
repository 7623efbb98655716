// The filtered audit events as CSV (UTF-8 with BOM, Japanese headers): paged through the API,
// 1,000 rows a request, at most 10,000 rows (the notification says when there were more).
import { useState } from 'react';
import { Button, useListContext, useNotify, useTranslate } from 'react-admin';
import DownloadIcon from '@mui/icons-material/Download';
import { downloadCsvWithBom, toCsv } from '../common/csv';
import { usePanelDataProvider } from '../graphql/useApi';
import { formatDateTime } from '../applications/fields';
import { auditFilter } from './queries';
import { readAllPages } from '../common/allPages';
import type { AuditEventsQuery } from '../graphql/generated/graphql';

export const MAX_EXPORT_ROWS = 10_000;
const PAGE = 1000;

type Event = AuditEventsQuery['auditEvents']['items'][number];

const columns: [string, (e: Event, t: (k: string, o?: object) => string) => unknown][] = [
  ['occurredAt', (e) => formatDateTime(e.occurredAt)],
  ['action', (e) => e.actionLabel ?? e.action],
  ['actionCode', (e) => e.action],
  ['outcome', (e, t) => t(`enums.AuditOutcome.${e.outcome}`)],
  ['actorLoginId', (e) => e.actorLoginId],
  ['actorRole', (e, t) => (e.actorRole ? t(`enums.Role.${e.actorRole}`, { _: e.actorRole }) : '')],
  ['targetType', (e) => e.targetType],
  ['targetName', (e) => e.targetName],
  ['targetId', (e) => e.targetId],
  ['municipalityId', (e) => e.municipalityId],
  ['officeId', (e) => e.officeId],
  ['patientName', (e) => e.patientName],
  ['patientId', (e) => e.patientId],
  ['roomId', (e) => e.roomId],
  ['ip', (e) => e.ip],
  ['detail', (e) => (e.detail == null ? '' : JSON.stringify(e.detail))],
];

export const AuditExportButton = () => {
  const { filterValues, data } = useListContext();
  const dataProvider = usePanelDataProvider();
  const translate = useTranslate();
  const notify = useNotify();
  const [pending, setPending] = useState(false);

  const run = async () => {
    setPending(true);
    try {
      const { rows: kept, more } = await readAllPages<Event>((page, perPage) => dataProvider.auditEventsPage(auditFilter(filterValues), page, perPage), PAGE, MAX_EXPORT_ROWS);
      const headers = columns.map(([field]) => translate(`resources.auditEvents.fields.${field}`));
      const csv = toCsv(
        headers,
        kept.map((e) => columns.map(([, value]) => value(e, translate) ?? '')),
      );
      downloadCsvWithBom(csv, translate('app.audit.file', { date: new Date().toLocaleDateString('sv-SE') }));
      if (more) notify('app.audit.export_limit', { type: 'warning', messageArgs: { max: MAX_EXPORT_ROWS.toLocaleString() } });
    } catch (e) {
      notify((e as Error)?.message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <Button label="app.audit.export" onClick={run} disabled={pending || !data?.length}>
      <DownloadIcon />
    </Button>
  );
};
