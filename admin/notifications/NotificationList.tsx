// メール送信履歴 (CITY, VENDOR): the outbox, read-only, newest first; useful when no SMTP server is
// configured (the text of every notice is here). The body opens under its row.
import { DataTable, List, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { Alert, Box, Chip } from '@mui/material';
import { enumChoices } from '../common/enums';
import { noWrap, tableSx } from '../common/tableStyles';
import { formatDateTime } from '../applications/fields';

const statusColors: Record<string, 'default' | 'success' | 'error'> = { PENDING: 'default', SENT: 'success', FAILED: 'error' };

const StatusChip = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" variant="outlined" color={statusColors[record.status] ?? 'default'} label={translate(`enums.NotificationStatus.${record.status}`)} />;
};

const Body = () => {
  const record = useRecordContext();
  return (
    <Box component="pre" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', typography: 'body2', m: 0, p: 1 }}>
      {record?.body}
    </Box>
  );
};

const Help = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ m: 1 }}>
      {translate('app.outbox.help')}
    </Alert>
  );
};

export const NotificationList = () => (
  <List filters={[<SelectInput key="status" source="status" choices={enumChoices('NotificationStatus')} alwaysOn />]} exporter={false} perPage={25} sort={{ field: 'createdAt', order: 'DESC' }}>
    <Help />
    <DataTable bulkActionButtons={false} expand={<Body />} sx={tableSx}>
      <DataTable.Col source="createdAt" disableSort sx={noWrap} render={(r) => formatDateTime(r.createdAt)} />
      <DataTable.Col source="to" disableSort />
      <DataTable.Col source="subject" disableSort />
      <DataTable.Col source="status" disableSort sx={noWrap}>
        <StatusChip />
      </DataTable.Col>
      <DataTable.NumberCol source="attempts" disableSort />
      <DataTable.Col source="lastError" disableSort render={(r) => r.lastError ?? '—'} />
      <DataTable.Col source="sentAt" disableSort sx={noWrap} render={(r) => formatDateTime(r.sentAt) || '—'} />
    </DataTable>
  </List>
);
