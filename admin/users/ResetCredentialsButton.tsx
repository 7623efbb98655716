// 認証情報リセット (VENDOR): a new initial password, TOTP to be set up again, sessions ended.
import { useState } from 'react';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import LockResetIcon from '@mui/icons-material/LockReset';
import type { PanelDataProvider } from '../dataProvider';
import { generatePassword } from '../common/password';
import { passwordPolicy } from '../common/validators';
import { isApiError } from '../graphql/errors';

export const ResetCredentialsButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'reset_credentials', record });
  const dataProvider = useDataProvider<PanelDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  if (!record || !canAccess) return null;

  const openDialog = () => {
    setPassword(generatePassword());
    setError(null);
    setOpen(true);
  };

  const submit = async () => {
    const policy = passwordPolicy()(password, {}, {});
    if (policy) {
      setError(translate(policy as string));
      return;
    }
    setPending(true);
    try {
      await dataProvider.resetUserCredentials(record.id, password);
      notify('app.actions.credentials_reset', { type: 'info' });
      setOpen(false);
      refresh();
    } catch (e) {
      setError(isApiError(e) ? e.message : translate('ra.notification.http_error'));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label="app.actions.reset_credentials" onClick={openDialog} color="warning">
        <LockResetIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>
          {translate('app.actions.reset_credentials_title')}: {record.name}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="warning">{translate('app.actions.reset_credentials_help')}</Alert>
            {error && <Alert severity="error">{error}</Alert>}
            <Stack direction="row" spacing={1}>
              <TextField
                id="initialPassword"
                label={translate('resources.users.fields.account.initialPassword')}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                helperText={translate('app.auth.password_policy_help')}
                fullWidth
                autoComplete="off"
                slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
              />
              <MuiButton onClick={() => setPassword(generatePassword())} sx={{ alignSelf: 'flex-start', mt: 1 }}>
                {translate('app.actions.generate')}
              </MuiButton>
            </Stack>
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton onClick={submit} variant="contained" color="warning" disabled={pending}>
            {translate('app.actions.reset_credentials')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
