// A new password and its confirmation, for the password change (forced sign-in step and
// /password) and for 利用開始 (activation). The policy and the match are checked here before
// sending, so a typo costs no attempt; the server checks the policy again.
import { useState } from 'react';
import { useTranslate } from 'react-admin';
// the policy itself, not common/validators (whose phone check would bring libphonenumber into the sign-in page)
import { passwordPolicy } from '../../api/common/formats';
import { AuthField } from './AuthField';
import type { StepError } from './useStepSubmit';

export function useNewPassword() {
  const translate = useTranslate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  /** Puts the policy and match errors on the form with `setError`; answers whether the password may be sent. */
  const check = (setError: (error: StepError) => void): boolean => {
    const policy = password.trim() === '' || passwordPolicy(password) ? undefined : 'app.validation.PASSWORD_POLICY';
    if (!policy && password === confirm) return true;
    setError({
      message: translate('ra.message.invalid_form'),
      fields: {
        ...(policy ? { newPassword: translate(policy) } : {}),
        ...(password !== confirm ? { confirmPassword: translate('app.auth.password_mismatch') } : {}),
      },
    });
    return false;
  };

  const clear = () => {
    setPassword('');
    setConfirm('');
  };

  return { password, setPassword, confirm, setConfirm, filled: !!password && !!confirm, check, clear };
}

export type NewPassword = ReturnType<typeof useNewPassword>;

/** What both inputs share: hidden text, and `new-password` so password managers offer to generate and save one. */
const PasswordInput = ({ label, ...props }: { name: string; label: string; value: string; onChange: (value: string) => void; errorText?: string; helperText?: string }) => {
  const translate = useTranslate();
  return <AuthField type="password" label={translate(label)} autoComplete="new-password" {...props} />;
};

/** The two inputs, showing the field errors of `error` (local or the server's). */
export const NewPasswordFields = ({ value, error }: { value: NewPassword; error: StepError | null }) => {
  const translate = useTranslate();
  return (
    <>
      <PasswordInput
        name="newPassword"
        label="app.auth.new_password"
        value={value.password}
        onChange={value.setPassword}
        errorText={error?.fields.newPassword}
        helperText={translate('app.auth.password_policy_help')}
      />
      <PasswordInput name="confirmPassword" label="app.auth.confirm_password" value={value.confirm} onChange={value.setConfirm} errorText={error?.fields.confirmPassword} />
    </>
  );
};
