// 認証情報リセット (VENDOR): password, TOTP and recovery codes cleared, sessions ended, the account
// PENDING again. No password is issued: the city prints the new activation code.
import { Confirm, Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useState } from 'react';
import LockResetIcon from '@mui/icons-material/LockReset';
import type { PanelDataProvider } from '../dataProvider';
import { isApiError } from '../graphql/errors';

export const ResetCredentialsButton = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'reset_credentials', record });
  const dataProvider = useDataProvider<PanelDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);

  if (!record || !canAccess || record.status === 'STOPPED') return null;

  const submit = async () => {
    setPending(true);
    try {
      await dataProvider.resetUserCredentials(record.id);
      notify('app.actions.credentials_reset', { type: 'info' });
      refresh();
    } catch (e) {
      const message = isApiError(e) ? e.message : 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setPending(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button label="app.actions.reset_credentials" onClick={() => setOpen(true)} color="warning">
        <LockResetIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title="app.actions.reset_credentials_title"
        content="app.actions.reset_credentials_help"
        confirm="app.actions.reset_credentials"
        onConfirm={submit}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
