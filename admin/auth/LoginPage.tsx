// The sign-in page: a small state machine over the server's sign-in steps.
//   password → TOTP_REQUIRED → code (or a recovery code)
//            → TOTP_ENROLLMENT → QR code + key → code → the ten recovery codes, once
//            → PASSWORD_CHANGE → new password
//            → SIGNED_IN → react-admin's login(), which enters the app
// It resumes at the session's current step when reloaded.
import { useCallback, useEffect, useState } from 'react';
import { useLogin, useNotify, useTranslate } from 'react-admin';
import { Alert, Box, Link, Stack } from '@mui/material';
import { Spinner } from '../common/Spinner';
import { authApi, type AuthStep } from './authApi';
import { AuthCard } from './AuthCard';
import { takeSignOutReason } from './signOutReason';
import { PasswordStep } from './steps/PasswordStep';
import { TotpStep } from './steps/TotpStep';
import { RecoveryCodeStep } from './steps/RecoveryCodeStep';
import { EnrollmentStep } from './steps/EnrollmentStep';
import { RecoveryCodesStep } from './steps/RecoveryCodesStep';
import { PasswordChangeForm } from './PasswordChangeForm';
import { LoginLinks } from '../public/LoginLinks';

type View =
  | { name: 'loading' }
  | { name: 'password' }
  | { name: 'totp' }
  | { name: 'recovery' }
  | { name: 'enroll' }
  | { name: 'recoveryCodes'; codes: string[]; next: AuthStep }
  | { name: 'passwordChange' };

const titles: Record<View['name'], string> = {
  loading: 'app.auth.sign_in_title',
  password: 'app.auth.sign_in_title',
  totp: 'app.auth.totp_title',
  recovery: 'app.auth.totp_title',
  enroll: 'app.auth.enroll_title',
  recoveryCodes: 'app.auth.recovery_codes_title',
  passwordChange: 'app.auth.password_change_title',
};

export const LoginPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const login = useLogin();
  const [view, setView] = useState<View>({ name: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);

  const goTo = useCallback(
    (step: AuthStep) => {
      switch (step) {
        case 'SIGNED_IN':
          setView({ name: 'loading' });
          login({}).catch(() => setView({ name: 'password' }));
          break;
        case 'TOTP_REQUIRED':
          setView({ name: 'totp' });
          break;
        case 'TOTP_ENROLLMENT':
          setView({ name: 'enroll' });
          break;
        case 'PASSWORD_CHANGE':
          setView({ name: 'passwordChange' });
          break;
        default:
          setView({ name: 'password' });
      }
    },
    [login],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival (reads and clears the sign-out reason)
  useEffect(() => {
    const reason = takeSignOutReason();
    if (reason) {
      const key = reason === 'idle' ? 'app.auth.idle_signed_out' : 'app.auth.session_expired';
      setNotice(key);
      notify(key, { type: 'warning' });
    }
    authApi
      .status()
      .then(goTo)
      .catch(() => goTo('SIGNED_OUT'));
  }, []);

  const startOver = () => {
    authApi.logout().catch(() => undefined);
    setView({ name: 'password' });
  };

  return (
    <AuthCard title={translate(titles[view.name])}>
      <Stack spacing={2}>
        {notice && view.name === 'password' && <Alert severity="warning">{translate(notice)}</Alert>}
        {view.name === 'loading' && (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
            <Spinner />
          </Box>
        )}
        {view.name === 'password' && <PasswordStep onStep={goTo} />}
        {view.name === 'password' && <LoginLinks />}
        {view.name === 'totp' && <TotpStep onStep={goTo} onUseRecoveryCode={() => setView({ name: 'recovery' })} />}
        {view.name === 'recovery' && <RecoveryCodeStep onStep={goTo} onUseTotp={() => setView({ name: 'totp' })} />}
        {view.name === 'enroll' && <EnrollmentStep onEnrolled={(codes, next) => setView({ name: 'recoveryCodes', codes, next })} />}
        {view.name === 'recoveryCodes' && <RecoveryCodesStep codes={view.codes} onContinue={() => goTo(view.next)} />}
        {view.name === 'passwordChange' && (
          <>
            <Alert severity="info">{translate('app.auth.password_change_help')}</Alert>
            <PasswordChangeForm onChanged={goTo} />
          </>
        )}
        {['totp', 'recovery', 'enroll', 'passwordChange'].includes(view.name) && (
          <Link component="button" type="button" variant="body2" onClick={startOver} sx={{ alignSelf: 'flex-start' }}>
            {translate('app.auth.start_over')}
          </Link>
        )}
      </Stack>
    </AuthCard>
  );
};
