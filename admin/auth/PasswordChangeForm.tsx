// Current, new and confirmed password → changePassword. Used as the forced sign-in step (an
// issued initial password) and on the signed-in "パスワード変更" page.
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, Button, Stack } from '@mui/material';
import { authApi, type AuthStep } from './authApi';
import { AuthField } from './AuthField';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';
import { useStepSubmit } from './useStepSubmit';

export const PasswordChangeForm = ({ onChanged }: { onChanged: (step: AuthStep) => void }) => {
  const translate = useTranslate();
  const { busy, error, setError, run } = useStepSubmit();
  const [current, setCurrent] = useState('');
  const newPassword = useNewPassword();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!newPassword.check(setError)) return;
    const step = await run(() => authApi.changePassword(current, newPassword.password));
    if (step) onChanged(step);
  };

  // WRONG_PASSWORD names the current password; its own message says it best
  const currentError = error?.code === 'WRONG_PASSWORD' ? error.message : error?.fields.currentPassword;

  return (
    <form onSubmit={submit} noValidate>
      <Stack spacing={2}>
        {error && <Alert severity="error">{error.message}</Alert>}
        <AuthField
          name="currentPassword"
          type="password"
          label={translate('app.auth.current_password')}
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
          errorText={currentError}
        />
        <NewPasswordFields value={newPassword} error={error} />
        <Button type="submit" variant="contained" size="large" disabled={busy || !current || !newPassword.filled}>
          {translate('app.auth.change')}
        </Button>
      </Stack>
    </form>
  );
};
