// Step 1: login ID and password.
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, Button, Stack, TextField } from '@mui/material';
import { authApi, type AuthStep } from '../authApi';
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
        <TextField
          id="loginId"
          name="loginId"
          label={translate('app.auth.login_id')}
          value={loginId}
          onChange={(e) => setLoginId(e.target.value)}
          autoComplete="username"
          autoFocus
          required
          fullWidth
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label={translate('app.auth.password')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
          fullWidth
        />
        <Button type="submit" variant="contained" size="large" disabled={busy || !loginId || !password}>
          {translate('app.auth.sign_in')}
        </Button>
      </Stack>
    </form>
  );
};
