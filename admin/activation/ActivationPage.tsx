// 利用開始 (#/activate, no sign-in): the login ID and activation code from the credentials letter
// and a new password (the server's policy) → activateAccount. The session is then at
// TOTP_ENROLLMENT, and the sign-in page resumes there (QR code, first code, recovery codes).
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useNotify, useTranslate } from 'react-admin';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { AuthCard } from '../auth/AuthCard';
import { AuthField } from '../auth/AuthField';
import { NewPasswordFields, useNewPassword } from '../auth/NewPasswordFields';
import { useStepSubmit } from '../auth/useStepSubmit';
import { graphqlRequest } from '../graphql/transport';
import { ActivateAccountDocument } from '../graphql/generated/graphql';

export const ActivationPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const { busy, error, setError, run } = useStepSubmit();
  const [loginId, setLoginId] = useState('');
  const [code, setCode] = useState('');
  const newPassword = useNewPassword();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!newPassword.check(setError)) return;
    const result = await run(() => graphqlRequest(ActivateAccountDocument, { loginId: loginId.trim(), activationCode: code.trim(), newPassword: newPassword.password }));
    if (!result) {
      newPassword.clear();
      return;
    }
    notify('app.activation.done', { type: 'success' });
    // the sign-in page asks the server where the session stands: two-factor enrollment
    navigate('/login');
  };

  return (
    <AuthCard title={translate('app.activation.title')}>
      <form onSubmit={submit} noValidate>
        <Stack spacing={2}>
          <Typography variant="body2">{translate('app.activation.intro')}</Typography>
          {error && <Alert severity="error">{error.message}</Alert>}
          <AuthField name="loginId" label={translate('app.auth.login_id')} value={loginId} onChange={setLoginId} autoComplete="username" autoFocus errorText={error?.fields.loginId} />
          <AuthField
            name="activationCode"
            label={translate('app.activation.activation_code')}
            value={code}
            onChange={setCode}
            autoComplete="off"
            errorText={error?.fields.activationCode}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', letterSpacing: '0.08em' } } }}
          />
          <NewPasswordFields value={newPassword} error={error} />
          <Button type="submit" variant="contained" size="large" disabled={busy || !loginId || !code || !newPassword.filled}>
            {translate('app.activation.activate')}
          </Button>
          <Button onClick={() => navigate('/login')} size="small" sx={{ alignSelf: 'flex-start' }}>
            {translate('app.public_apply.back_to_sign_in')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
};
