// Step 2, without the phone: one of the single-use recovery codes.
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, Button, Link, Stack, Typography } from '@mui/material';
import { authApi, type AuthStep } from '../authApi';
import { AuthField } from '../AuthField';
import { useStepSubmit } from '../useStepSubmit';

export const RecoveryCodeStep = ({ onStep, onUseTotp }: { onStep: (step: AuthStep) => void; onUseTotp: () => void }) => {
  const translate = useTranslate();
  const { busy, error, run } = useStepSubmit();
  const [code, setCode] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const step = await run(() => authApi.recoveryCode(code.trim()));
    if (step) onStep(step);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack spacing={2}>
        <Typography variant="body2">{translate('app.auth.recovery_help')}</Typography>
        {error && <Alert severity="error">{error.message}</Alert>}
        <AuthField
          name="recoveryCode"
          label={translate('app.auth.recovery_code')}
          value={code}
          onChange={setCode}
          autoComplete="off"
          autoFocus
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
        />
        <Button type="submit" variant="contained" size="large" disabled={busy || !code.trim()}>
          {translate('app.auth.verify')}
        </Button>
        <Link component="button" type="button" variant="body2" onClick={onUseTotp} sx={{ alignSelf: 'flex-start' }}>
          {translate('app.auth.use_totp')}
        </Link>
      </Stack>
    </form>
  );
};
