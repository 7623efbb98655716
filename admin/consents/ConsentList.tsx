// 同意書の一覧 (CITY): the municipality's consents (様式5) — patient, date, self or proxy, the
// explaining office, the offices covered, withdrawn or not — filtered, exported as CSV, opened
// under their row with the scanned form, and a withdrawal recorded from there.
import { useState } from 'react';
import { ListEmpty } from '../common/ListEmpty';
import { Link as RouterLink } from 'react-router-dom';
import { DataTable, List, SelectInput, TextInput, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { noWrap, tableSx } from '../common/tableStyles';
import { useCsvExporter, type ExportColumn } from '../common/useCsvExporter';
import { formatDateTime } from '../applications/fields';
import { useMutation } from '@tanstack/react-query';
import { usePanelDataProvider } from '../graphql/useApi';

const exportColumns: ExportColumn[] = [
  { source: 'patientName' },
  { source: 'patientNameKana' },
  { source: 'consentDate' },
  { source: 'signer', enumType: 'ConsentSigner' },
  { source: 'proxyName' },
  { source: 'proxyRelationship' },
  { source: 'explainingOfficeName' },
  { source: 'explainingPersonName' },
  { source: 'coveredOfficeNames' },
  { source: 'roomName' },
  { source: 'withdrawnAt', date: true },
  { source: 'withdrawalNote' },
];

const Filters = () => {
  const translate = useTranslate();
  return [
    <TextInput key="q" source="q" alwaysOn />,
    <SelectInput
      key="withdrawn"
      source="withdrawn"
      alwaysOn
      emptyText={translate('app.consents.withdrawn_filter.any')}
      choices={[
        { id: 'false', name: translate('app.consents.withdrawn_filter.no') },
        { id: 'true', name: translate('app.consents.withdrawn_filter.yes') },
      ]}
    />,
    <DateInput key="from" source="consentDateFrom" />,
    <DateInput key="to" source="consentDateTo" />,
  ];
};

const State = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return record.withdrawnAt ? (
    <Chip size="small" color="warning" variant="outlined" label={translate('app.consents.withdrawn')} />
  ) : (
    <Chip size="small" color="success" variant="outlined" label={translate('app.consents.in_force')} />
  );
};

const WithdrawDialog = ({ roomId, onClose }: { roomId: string; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = usePanelDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [note, setNote] = useState('');
  const { mutate: save, isPending: busy } = useMutation({
    mutationFn: () => dataProvider.withdrawConsentFromRegister(roomId, note.trim() || null),
    onSuccess: () => {
      notify('app.consents.withdrawn_done', { type: 'info' });
      refresh();
      onClose();
    },
    onError: (e) => notify((e as Error).message || 'ra.notification.http_error', { type: 'error' }),
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('app.consents.withdraw_title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.consents.withdraw_help')}
        </Alert>
        <TextField label={translate('app.consents.withdraw_note')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} fullWidth />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('app.consents.cancel')}</Button>
        <Button variant="contained" color="error" onClick={() => save()} disabled={busy}>
          {translate('app.consents.withdraw_confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const Line = ({ label, children }: { label: string; children: React.ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(`resources.consents.fields.${label}`)}
      </Typography>
      <Typography component="div" sx={{ wordBreak: 'break-word' }}>
        {children === null || children === undefined || children === '' ? '—' : children}
      </Typography>
    </Box>
  );
};

/** One consent, opened under its row. */
const Detail = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess: canWithdraw } = useCanAccess({ resource: 'consents', action: 'withdraw' });
  const [withdrawing, setWithdrawing] = useState(false);
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }} data-testid="consent-detail">
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '1fr 1fr 1fr' }, gap: 2, mb: 2 }}>
        <Line label="signer">{record.signer === 'PROXY' ? `${record.proxyName ?? ''}（${record.proxyRelationship ?? ''}）` : translate('app.consents.self')}</Line>
        <Line label="explainingOfficeName">{record.explainingOfficeName}</Line>
        <Line label="explainingPersonName">{record.explainingPersonName}</Line>
        <Line label="coveredOfficeNames">{(record.coveredOfficeNames as string[]).join('、')}</Line>
        <Line label="withdrawnAt">{record.withdrawnAt ? formatDateTime(record.withdrawnAt) : null}</Line>
        <Line label="withdrawalNote">{record.withdrawalNote}</Line>
      </Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {record.formAttachmentId ? (
          <Button variant="outlined" href={`/attachments/${record.formAttachmentId}`} target="_blank" rel="noopener noreferrer">
            {translate('app.consents.scanned_form')}
          </Button>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ alignSelf: 'center' }}>
            {translate('app.consents.no_scan')}
          </Typography>
        )}
        <Button component={RouterLink} to={`/rooms/${record.roomId}/show`}>
          {translate('app.consents.open_room')}
        </Button>
        {canWithdraw && !record.withdrawnAt && (
          <Button color="error" variant="outlined" onClick={() => setWithdrawing(true)}>
            {translate('app.consents.withdraw')}
          </Button>
        )}
      </Stack>
      {withdrawing && <WithdrawDialog roomId={record.roomId} onClose={() => setWithdrawing(false)} />}
    </Box>
  );
};

export const ConsentList = () => {
  const translate = useTranslate();
  const exporter = useCsvExporter('consents', exportColumns);
  return (
    <List filters={Filters()} sort={{ field: 'consentDate', order: 'DESC' }} exporter={exporter} perPage={25} empty={<ListEmpty />}>
      <Alert severity="info" sx={{ m: 1 }}>
        {translate('app.consents.help')}
      </Alert>
      <DataTable bulkActionButtons={false} expand={<Detail />} rowClick="expand" sx={tableSx}>
        <DataTable.Col source="patientName" disableSort />
        <DataTable.Col source="patientNameKana" />
        <DataTable.Col source="consentDate" sx={noWrap} />
        <DataTable.Col source="signer" disableSort render={(r) => translate(`enums.ConsentSigner.${r.signer}`)} />
        <DataTable.Col source="explainingOfficeName" disableSort />
        <DataTable.Col source="withdrawnAt" sx={noWrap} label="resources.consents.fields.withdrawn">
          <State />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
