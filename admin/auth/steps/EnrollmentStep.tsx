// First sign-in: register the authenticator app (QR code, an otpauth:// link for the phone that
// shows this screen and so cannot scan it, or the key as text), confirm with a code.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { Spinner } from '../../common/Spinner';
import PhonelinkLockIcon from '@mui/icons-material/PhonelinkLock';
import { authApi, type AuthStep, type TotpEnrollment } from '../authApi';
import { useStepSubmit } from '../useStepSubmit';
import { CodeField } from './CodeField';

export const EnrollmentStep = ({ onEnrolled }: { onEnrolled: (recoveryCodes: string[], next: AuthStep) => void }) => {
  const translate = useTranslate();
  const { busy, error, run } = useStepSubmit();
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [code, setCode] = useState('');

  useEffect(() => {
    let current = true;
    run(() => authApi.beginTotpEnrollment()).then((e) => current && e && setEnrollment(e));
    return () => {
      current = false;
    };
  }, [run]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await run(() => authApi.confirmTotpEnrollment(code));
    if (result) onEnrolled(result.recoveryCodes, result.step);
    else setCode('');
  };

  if (!enrollment) return error ? <Alert severity="error">{error.message}</Alert> : <Spinner />;

  return (
    <form onSubmit={submit} noValidate>
      <Stack spacing={2}>
        <Typography variant="body2">{translate('app.auth.enroll_help')}</Typography>
        <Box sx={{ display: 'flex', justifyContent: 'center' }}>
          <img src={enrollment.qrCodeDataUrl} alt={translate('app.auth.qr_alt')} width={200} height={200} />
        </Box>
        <Stack spacing={0.5} sx={{ alignItems: 'center' }}>
          <Button component="a" href={enrollment.otpauthUri} variant="outlined" size="large" startIcon={<PhonelinkLockIcon />} data-testid="totp-open-in-app" sx={{ minHeight: 48 }}>
            {translate('app.auth.open_in_app')}
          </Button>
          <Typography variant="caption" color="text.secondary" sx={{ textAlign: 'center' }}>
            {translate('app.auth.open_in_app_help')}
          </Typography>
        </Stack>
        <Typography variant="body2">{translate('app.auth.manual_key')}</Typography>
        <Box
          data-testid="totp-manual-key"
          sx={{ fontFamily: 'monospace', fontSize: '1.1rem', letterSpacing: '0.1em', wordBreak: 'break-all', bgcolor: 'grey.100', p: 1.5, borderRadius: 1, textAlign: 'center', userSelect: 'all' }}
        >
          {enrollment.manualEntryKey}
        </Box>
        <Typography variant="body2">{translate('app.auth.enroll_code_help')}</Typography>
        {error && <Alert severity="error">{error.message}</Alert>}
        <CodeField value={code} onChange={setCode} />
        <Button type="submit" variant="contained" size="large" disabled={busy || code.length !== 6}>
          {translate('app.auth.verify')}
        </Button>
      </Stack>
    </form>
  );
};
