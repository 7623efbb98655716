// 職員名簿 → ID停止を申請: the office admin selects staff, gives a stop date (blank = today) and
// files the ID stop (様式3) for the city's review.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, useCanAccess, useListContext, useNotify, useTranslate } from 'react-admin';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import { isApiError } from '../graphql/errors';
import { usePanelDataProvider } from '../graphql/useApi';
import { applicationInput } from './formValues';
import { DateTextField } from '../common/DateInput';

export const RequestIdStopButton = () => {
  const { selectedIds, data, onUnselectItems } = useListContext();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'request_stop' });
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const dataProvider = usePanelDataProvider();
  const [open, setOpen] = useState(false);
  const [stopDate, setStopDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!canAccess) return null;

  const names = (data ?? []).filter((u) => selectedIds.includes(u.id)).map((u) => u.name as string);

  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      const input = applicationInput('ID_STOP', { idStop: { userIds: selectedIds, stopDate: stopDate || null } });
      const submitApplication = await dataProvider.requestIdStop(input);
      notify('app.applications.request_stop_sent', { type: 'success' });
      setOpen(false);
      onUnselectItems();
      navigate(`/applications/${submitApplication.id}/show`);
    } catch (e) {
      setError(isApiError(e) ? e.message : translate('ra.notification.http_error'));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label="app.applications.request_stop" color="error" onClick={() => setOpen(true)}>
        <PersonOffIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('app.applications.request_stop_title', { smart_count: selectedIds.length })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="info">{translate('app.applications.request_stop_help')}</Alert>
            <div data-testid="stop-names">{names.join('、')}</div>
            {error && <Alert severity="error">{error}</Alert>}
            <DateTextField
              id="stop-date"
              label={translate('resources.applications.fields.stopDate')}
              value={stopDate}
              onChange={setStopDate}
              helperText={translate('app.applications.stop_date_help')}
              sx={{ maxWidth: 320 }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton onClick={submit} variant="contained" color="error" disabled={pending || selectedIds.length === 0}>
            {translate('app.applications.request_stop')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
