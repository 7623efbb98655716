// 利用開始 (#/activate, no sign-in): the login ID and activation code from the credentials letter
// and a new password (the server's policy) → activateAccount. The session is then at
// TOTP_ENROLLMENT, and the sign-in page resumes there (QR code, first code, recovery codes).
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useNotify, useTranslate } from 'react-admin';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { AuthCard } from '../auth/AuthCard';
import { useStepSubmit } from '../auth/useStepSubmit';
import { passwordPolicy } from '../common/validators';
import { graphqlRequest } from '../graphql/transport';
import { ACTIVATE_ACCOUNT } from '../applications/queries';

export const ActivationPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const { busy, error, setError, run } = useStepSubmit();
  const [loginId, setLoginId] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const policy = passwordPolicy()(password, {}, {});
    if (policy || password !== confirm) {
      setError({
        message: translate('ra.message.invalid_form'),
        fields: {
          ...(policy ? { newPassword: translate(policy as string) } : {}),
          ...(password !== confirm ? { confirmPassword: translate('app.auth.password_mismatch') } : {}),
        },
      });
      return;
    }
    const result = await run(() =>
      graphqlRequest<{ activateAccount: { step: string } }>(ACTIVATE_ACCOUNT, { loginId: loginId.trim(), activationCode: code.trim(), newPassword: password }),
    );
    if (!result) {
      setPassword('');
      setConfirm('');
      return;
    }
    notify('app.activation.done', { type: 'success' });
    // the sign-in page asks the server where the session stands: two-factor enrollment
    navigate('/login');
  };

  const fieldError = (name: string) => error?.fields[name];

  return (
    <AuthCard title={translate('app.activation.title')}>
      <form onSubmit={submit} noValidate>
        <Stack spacing={2}>
          <Typography variant="body2">{translate('app.activation.intro')}</Typography>
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
            error={!!fieldError('loginId')}
            helperText={fieldError('loginId')}
          />
          <TextField
            id="activationCode"
            name="activationCode"
            label={translate('app.activation.activation_code')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            required
            fullWidth
            error={!!fieldError('activationCode')}
            helperText={fieldError('activationCode')}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', letterSpacing: '0.08em' } } }}
          />
          <TextField
            id="newPassword"
            name="newPassword"
            type="password"
            label={translate('app.auth.new_password')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
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
          <Button type="submit" variant="contained" size="large" disabled={busy || !loginId || !code || !password || !confirm}>
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
