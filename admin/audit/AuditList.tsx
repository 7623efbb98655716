// 監査ログ (CITY: its municipality; VENDOR: account and sign-in events): newest first, filtered by
// actor, office, patient, room, action (exact, or a prefix ending in "."), outcome and dates; the
// filtered events as CSV (paged through the API, up to 10,000 rows). The detail opens under its row.
import {
  AutocompleteInput,
  DataTable,
  DateInput,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Alert, Box, Chip } from '@mui/material';
import { enumChoices } from '../common/enums';
import { noWrap, tableSx } from '../common/tableStyles';
import { useRole } from '../common/useRole';
import { formatDateTime } from '../applications/fields';
import { AuditExportButton } from './AuditExportButton';

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

export const AuditList = () => {
  const { isCity, isPending } = useRole();
  if (isPending) return null;
  const filters = [
    <TextInput key="action" source="action" alwaysOn helperText="app.audit.action_help" />,
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
    ...(isCity ? [<TextInput key="patientId" source="patientId" />, <TextInput key="roomId" source="roomId" />] : []),
  ];
  return (
    <List filters={filters} actions={<Actions />} exporter={false} perPage={50} sort={{ field: 'occurredAt', order: 'DESC' }}>
      <Help />
      <DataTable bulkActionButtons={false} expand={<Detail />} sx={tableSx}>
        <DataTable.Col source="occurredAt" disableSort sx={noWrap} render={(r) => formatDateTime(r.occurredAt)} />
        <DataTable.Col source="action" disableSort sx={{ ...noWrap, fontFamily: 'monospace' }} />
        <DataTable.Col source="outcome" disableSort sx={noWrap}>
          <OutcomeChip />
        </DataTable.Col>
        <DataTable.Col source="actorLoginId" label="app.audit.actor" disableSort sx={noWrap}>
          <Actor />
        </DataTable.Col>
        <DataTable.Col source="targetType" label="app.audit.target" disableSort render={(r) => (r.targetType ? `${r.targetType} ${String(r.targetId ?? '').slice(0, 8)}` : '—')} />
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
