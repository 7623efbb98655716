// A text input of the sign-in and activation forms. `name` is also its id: the browser tests and
// password managers find the inputs by them. A server or local error for the input replaces its help.
import { TextField, type TextFieldProps } from '@mui/material';

type AuthFieldProps = Omit<TextFieldProps, 'id' | 'name' | 'value' | 'onChange' | 'error'> & {
  name: string;
  value: string;
  onChange: (value: string) => void;
  errorText?: string;
};

export const AuthField = ({ name, onChange, errorText, helperText, ...props }: AuthFieldProps) => (
  <TextField id={name} name={name} onChange={(e) => onChange(e.target.value)} required fullWidth {...props} error={!!errorText} helperText={errorText ?? helperText} />
);
