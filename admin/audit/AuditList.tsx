// 監査ログ (CITY: its municipality; VENDOR: account and sign-in events): newest first, in words —
// the action's name (投稿の閲覧), who or what it was about by name, the patient — filtered by
// picking the action, the person, the office or the patient (never by typing codes), outcome and
// dates; the filtered events as CSV (paged through the API, up to 10,000 rows). The detail opens
// under its row.
import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SelectInput, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { Alert, Box, Chip } from '@mui/material';
import { useApiQuery } from '../graphql/useApi';
import { enumChoices } from '../common/enums';
import { noWrap, tableSx } from '../common/tableStyles';
import { useRole } from '../common/useRole';
import { formatDateTime } from '../applications/fields';
import { AuditExportButton } from './AuditExportButton';
import type { AuditEventsQuery } from '../graphql/generated/graphql';

const outcomeColors: Record<string, 'success' | 'warning' | 'error'> = { SUCCESS: 'success', FAILURE: 'warning', DENIED: 'error' };

const OutcomeChip = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" variant="outlined" color={outcomeColors[record.outcome] ?? 'default'} label={translate(`enums.AuditOutcome.${record.outcome}`)} />;
};

const Actor = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span>
      {record.actorLoginId ?? '—'}
      {record.actorRole && (
        <Box component="span" sx={{ color: 'text.secondary', ml: 0.5 }}>
          ({translate(`enums.Role.${record.actorRole}`, { _: record.actorRole })})
        </Box>
      )}
    </span>
  );
};

const Detail = () => {
  const record = useRecordContext();
  const rows: [string, unknown][] = [
    ['actionCode', record?.action],
    ['targetType', record?.targetType],
    ['targetId', record?.targetId],
    ['patientId', record?.patientId],
    ['roomId', record?.roomId],
    ['municipalityId', record?.municipalityId],
  ];
  return (
    <Box sx={{ p: 1, typography: 'body2' }}>
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k}>
            <AuditFieldLabel field={k} />: <code>{String(v)}</code>
          </div>
        ))}
      {record?.detail != null && (
        <Box component="pre" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', m: 0, mt: 1, p: 1, bgcolor: 'grey.100', borderRadius: 1 }}>
          {JSON.stringify(record.detail, null, 2)}
        </Box>
      )}
    </Box>
  );
};

const AuditFieldLabel = ({ field }: { field: string }) => {
  const translate = useTranslate();
  return <>{translate(`resources.auditEvents.fields.${field}`)}</>;
};

const Help = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ m: 1 }}>
      {translate('app.audit.help')}
    </Alert>
  );
};

const Actions = () => (
  <TopToolbar>
    <AuditExportButton />
  </TopToolbar>
);

const userFilterToQuery = (q: string) => ({ q });

/** 操作: the actions this trail can hold, by name. */
const ActionInput = (props: { source: string; alwaysOn?: boolean }) => {
  const { data } = useApiQuery(['auditActions'], (dp) => dp.auditActions(), { staleTime: Infinity });
  const choices = (data ?? []).map((a) => ({ id: a.code, name: a.label }));
  return <AutocompleteInput {...props} choices={choices} helperText="app.audit.action_help" sx={{ minWidth: 280 }} />;
};

/**
 * 利用者: picked by name from the municipality's consents register (the city's own patients; the
 * register's read is on the access log like any list of patients).
 */
const PatientInput = (props: { source: string; alwaysOn?: boolean }) => {
  const { data } = useApiQuery(['auditPatients'], (dp) => dp.auditPatients(), { staleTime: 5 * 60_000 });
  const seen = new Set<string>();
  const choices = (data ?? []).filter((c) => !seen.has(c.patientId) && seen.add(c.patientId)).map((c) => ({ id: c.patientId, name: `${c.patientName}（${c.patientNameKana}）` }));
  return <AutocompleteInput {...props} choices={choices} sx={{ minWidth: 260 }} />;
};

/** 対象: by name where the API gives one, else its kind and a short id. */
const targetText = (r: Partial<Pick<AuditEventsQuery['auditEvents']['items'][number], 'targetName' | 'targetType' | 'targetId'>>, translate: (k: string, o?: object) => string) =>
  r.targetName ?? (r.targetType ? `${translate(`app.audit.target_types.${r.targetType}`, { _: r.targetType })} ${String(r.targetId ?? '').slice(0, 8)}` : '—');

export const AuditList = () => {
  const { isCity, isPending } = useRole();
  const translate = useTranslate();
  if (isPending) return null;
  const filters = [
    <ActionInput key="action" source="action" alwaysOn />,
    <SelectInput key="outcome" source="outcome" choices={enumChoices('AuditOutcome')} alwaysOn />,
    <DateInput key="from" source="from" alwaysOn />,
    <DateInput key="to" source="to" alwaysOn />,
    <ReferenceInput key="actorId" source="actorId" reference="users" sort={{ field: 'nameKana', order: 'ASC' }}>
      <AutocompleteInput optionText={(u: { name: string; loginId: string }) => `${u.name} (${u.loginId})`} filterToQuery={userFilterToQuery} sx={{ minWidth: 260 }} />
    </ReferenceInput>,
    <ReferenceInput key="officeId" source="officeId" reference="offices" sort={{ field: 'nameKana', order: 'ASC' }}>
      <AutocompleteInput optionText="name" filterToQuery={userFilterToQuery} sx={{ minWidth: 260 }} />
    </ReferenceInput>,
    // patient data is the city's only: the vendor's trail holds no patient or room events
    ...(isCity ? [<PatientInput key="patientId" source="patientId" alwaysOn />] : []),
  ];
  return (
    <List filters={filters} actions={<Actions />} exporter={false} perPage={50} sort={{ field: 'occurredAt', order: 'DESC' }}>
      <Help />
      <DataTable bulkActionButtons={false} expand={<Detail />} sx={tableSx}>
        <DataTable.Col source="occurredAt" disableSort sx={noWrap} render={(r) => formatDateTime(r.occurredAt)} />
        <DataTable.Col source="action" disableSort sx={noWrap} render={(r) => r.actionLabel ?? r.action} />
        <DataTable.Col source="outcome" disableSort sx={noWrap}>
          <OutcomeChip />
        </DataTable.Col>
        <DataTable.Col source="actorLoginId" label="app.audit.actor" disableSort sx={noWrap}>
          <Actor />
        </DataTable.Col>
        <DataTable.Col source="targetName" label="app.audit.target" disableSort render={(r) => targetText(r, translate)} />
        {isCity && <DataTable.Col source="patientName" disableSort render={(r) => r.patientName ?? '—'} />}
        <DataTable.Col source="officeId" disableSort>
          <ReferenceField source="officeId" reference="offices" link={false} emptyText="—">
            <TextField source="name" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="ip" disableSort sx={noWrap} render={(r) => r.ip ?? '—'} />
      </DataTable>
    </List>
  );
};
