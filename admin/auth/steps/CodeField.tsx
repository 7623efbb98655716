// A 6-digit authentication code input (numeric keyboard, one-time-code autofill).
import { useTranslate } from 'react-admin';
import { AuthField } from '../AuthField';

export const CodeField = ({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) => {
  const translate = useTranslate();
  return (
    <AuthField
      name="code"
      label={translate('app.auth.code')}
      value={value}
      onChange={(v) => onChange(v.replace(/\D/g, '').slice(0, 6))}
      autoComplete="one-time-code"
      autoFocus
      errorText={error}
      slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*', maxLength: 6 } }}
    />
  );
};
