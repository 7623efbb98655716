// Step 2: the code from the authenticator app, or a recovery code instead.
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, Button, Link, Stack, Typography } from '@mui/material';
import { authApi, type AuthStep } from '../authApi';
import { useStepSubmit } from '../useStepSubmit';
import { CodeField } from './CodeField';

export const TotpStep = ({ onStep, onUseRecoveryCode }: { onStep: (step: AuthStep) => void; onUseRecoveryCode: () => void }) => {
  const translate = useTranslate();
  const { busy, error, run } = useStepSubmit();
  const [code, setCode] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const step = await run(() => authApi.verifyTotp(code));
    if (step) onStep(step);
    else setCode('');
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack spacing={2}>
        <Typography variant="body2">{translate('app.auth.totp_help')}</Typography>
        {error && <Alert severity="error">{error.message}</Alert>}
        <CodeField value={code} onChange={setCode} />
        <Button type="submit" variant="contained" size="large" disabled={busy || code.length !== 6}>
          {translate('app.auth.verify')}
        </Button>
        <Link component="button" type="button" variant="body2" onClick={onUseRecoveryCode} sx={{ alignSelf: 'flex-start' }}>
          {translate('app.auth.use_recovery_code')}
        </Link>
      </Stack>
    </form>
  );
};
