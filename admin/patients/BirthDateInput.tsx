// 生年月日 as written on the forms: 和暦 (昭和15年3月2日, S15.3.2) or western (1940-03-02). While
// typing, the helper line shows what it means in both forms, with the age; the API parses it the
// same way (api/common/wareki.ts).
import { TextInput, useTranslate, type Validator } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { previewBirthDate, todayInTokyo } from './format';
import { required } from '../common/validators';

const birthDate: Validator = (value) => {
  if (!value || !String(value).trim()) return undefined;
  const p = previewBirthDate(String(value));
  if (!p) return 'app.validation.WAREKI_DATE';
  return p.iso > todayInTokyo() ? 'app.validation.DATE_IN_FUTURE' : undefined;
};

export const BirthDateInput = ({ source }: { source: string }) => {
  const translate = useTranslate();
  const value = useWatch({ name: source }) as string | undefined;
  const preview = previewBirthDate(value);
  const helper = preview
    ? translate('rooms.patient.birthDate_preview', { wareki: preview.wareki, western: preview.western, age: preview.age })
    : value?.trim()
      ? translate('rooms.patient.birthDate_unknown')
      : translate('rooms.patient.birthDate_help');
  return (
    <TextInput
      source={source}
      label="rooms.patient.birthDate"
      validate={[required(), birthDate]}
      helperText={helper}
      placeholder="昭和15年3月2日"
      slotProps={{ formHelperText: { 'aria-live': 'polite', 'data-testid': 'birth-date-preview' } as object }}
    />
  );
};
