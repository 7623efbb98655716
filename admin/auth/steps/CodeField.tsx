// A 6-digit authentication code input (numeric keyboard, one-time-code autofill).
import { useTranslate } from 'react-admin';
import { TextField } from '@mui/material';

export const CodeField = ({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) => {
  const translate = useTranslate();
  return (
    <TextField
      id="code"
      name="code"
      label={translate('app.auth.code')}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 6))}
      autoComplete="one-time-code"
      autoFocus
      required
      fullWidth
      error={!!error}
      helperText={error}
      slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*', maxLength: 6 } }}
    />
  );
};
