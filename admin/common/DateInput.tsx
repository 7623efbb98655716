// 日付の入力: a text field in Japanese order (2026/11/20), whatever the browser's locale, which
// takes the date as people write it (2026-11-20, 20261120, 令和8年11月20日, R8.11.20) and shows its
// 和暦 below. The value kept is YYYY-MM-DD, as the API takes it. A browser's own date input shows
// the browser's order (mm/dd/yyyy on an English system), which misleads on Japanese forms.
import { useEffect, useState, type ReactNode } from 'react';
import { useInput, useResourceContext, useTranslate, useTranslateLabel, type InputProps } from 'react-admin';
import { TextField, type TextFieldProps } from '@mui/material';
import { formatDate, parseDateInput } from './dates';
import { formatWareki } from '../../api/common/wareki';

/** The value for the form: YYYY-MM-DD when the text is a date, else the text (which fails validation). */
const toValue = (text: string) => (text.trim() === '' ? '' : (parseDateInput(text) ?? text));

/** Checks what DateTextField / DateInput hold: a real date or nothing. */
export const dateValidator = (value: unknown) => (value && !/^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? 'app.validation.DATE' : undefined);

type DateTextFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'type'> & {
  value: string | null | undefined;
  onChange: (value: string) => void;
};

/** A controlled date field (outside react-admin forms). */
export const DateTextField = ({ value, onChange, helperText, onBlur, ...rest }: DateTextFieldProps) => {
  const translate = useTranslate();
  const [text, setText] = useState(formatDate(value));
  // a value set from outside (a reset, a loaded record) replaces what is shown; typing does not
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on a new value only, not on each keystroke
  useEffect(() => {
    if (toValue(text) !== (value ?? '')) setText(formatDate(value));
  }, [value]);
  const iso = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  const hint: ReactNode = iso ? formatWareki(iso) : text.trim() ? translate('app.validation.DATE') : (helperText ?? translate('app.date_input.help'));
  return (
    <TextField
      {...rest}
      value={text}
      placeholder="2026/11/20"
      onChange={(e) => {
        setText(e.target.value);
        onChange(toValue(e.target.value));
      }}
      onBlur={(e) => {
        if (iso) setText(formatDate(iso)); // what was typed, shown the one way
        onBlur?.(e);
      }}
      helperText={hint}
      slotProps={{ ...rest.slotProps, htmlInput: { inputMode: 'numeric', ...(rest.slotProps?.htmlInput as object) }, inputLabel: { shrink: true } }}
    />
  );
};

/** The react-admin input (forms): `source` holds YYYY-MM-DD. */
export const DateInput = (props: InputProps & { label?: string; helperText?: string; sx?: TextFieldProps['sx']; fullWidth?: boolean }) => {
  const translate = useTranslate();
  const translateLabel = useTranslateLabel();
  const resource = useResourceContext(props);
  const { field, fieldState, isRequired } = useInput({ ...props, validate: [...([] as never[]).concat((props.validate as never) ?? []), dateValidator] });
  const label = String(translateLabel({ label: props.label, resource, source: props.source }));
  return (
    <DateTextField
      name={field.name}
      inputRef={field.ref}
      value={field.value as string}
      onChange={field.onChange}
      onBlur={field.onBlur}
      label={label}
      required={isRequired}
      error={!!fieldState.error}
      helperText={fieldState.error?.message ? translate(fieldState.error.message, { _: fieldState.error.message }) : props.helperText ? translate(props.helperText) : undefined}
      sx={{ minWidth: 220, ...(props.sx as object) }}
      fullWidth={props.fullWidth}
      size="small"
      variant="filled"
      margin="dense"
    />
  );
};
