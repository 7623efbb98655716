// Current, new and confirmed password → changePassword. Used as the forced sign-in step (an
// issued initial password) and on the signed-in "パスワード変更" page.
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, Button, Stack, TextField } from '@mui/material';
import { authApi, type AuthStep } from './authApi';
import { useStepSubmit } from './useStepSubmit';
import { passwordPolicy } from '../common/validators';

export const PasswordChangeForm = ({ onChanged }: { onChanged: (step: AuthStep) => void }) => {
  const translate = useTranslate();
  const { busy, error, setError, run } = useStepSubmit();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const policy = passwordPolicy()(next, {}, {});
    if (policy || next !== confirm) {
      setError({
        message: translate('ra.message.invalid_form'),
        fields: {
          ...(policy ? { newPassword: translate(policy as string) } : {}),
          ...(next !== confirm ? { confirmPassword: translate('app.auth.password_mismatch') } : {}),
        },
      });
      return;
    }
    const step = await run(() => authApi.changePassword(current, next));
    if (step) onChanged(step);
  };

  const fieldError = (name: string) => error?.fields[name];
  // WRONG_PASSWORD names the current password; its own message says it best
  const currentError = error?.code === 'WRONG_PASSWORD' ? error.message : fieldError('currentPassword');

  return (
    <form onSubmit={submit} noValidate>
      <Stack spacing={2}>
        {error && <Alert severity="error">{error.message}</Alert>}
        <TextField
          id="currentPassword"
          name="currentPassword"
          type="password"
          label={translate('app.auth.current_password')}
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          autoComplete="current-password"
          required
          fullWidth
          error={!!currentError}
          helperText={currentError}
        />
        <TextField
          id="newPassword"
          name="newPassword"
          type="password"
          label={translate('app.auth.new_password')}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          autoComplete="new-password"
          required
          fullWidth
          error={!!fieldError('newPassword')}
          helperText={fieldError('newPassword') ?? translate('app.auth.password_policy_help')}
        />
        <TextField
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          label={translate('app.auth.confirm_password')}
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          autoComplete="new-password"
          required
          fullWidth
          error={!!fieldError('confirmPassword')}
          helperText={fieldError('confirmPassword')}
        />
        <Button type="submit" variant="contained" size="large" disabled={busy || !current || !next || !confirm}>
          {translate('app.auth.change')}
        </Button>
      </Stack>
    </form>
  );
};
