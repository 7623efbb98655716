// Step 1: login ID and password.
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, Button, Stack } from '@mui/material';
import { authApi, type AuthStep } from '../authApi';
import { AuthField } from '../AuthField';
import { useStepSubmit } from '../useStepSubmit';

export const PasswordStep = ({ onStep }: { onStep: (step: AuthStep) => void }) => {
  const translate = useTranslate();
  const { busy, error, run } = useStepSubmit();
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const step = await run(() => authApi.login(loginId.trim(), password));
    if (step) onStep(step);
    else setPassword('');
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack spacing={2}>
        {error && <Alert severity="error">{error.message}</Alert>}
        <AuthField name="loginId" label={translate('app.auth.login_id')} value={loginId} onChange={setLoginId} autoComplete="username" autoFocus />
        <AuthField name="password" type="password" label={translate('app.auth.password')} value={password} onChange={setPassword} autoComplete="current-password" />
        <Button type="submit" variant="contained" size="large" disabled={busy || !loginId || !password}>
          {translate('app.auth.sign_in')}
        </Button>
      </Stack>
    </form>
  );
};
