// A list of enum values (e.g. サービス種類) as chips with their labels.
import { useRecordContext, useTranslate } from 'react-admin';
import { Chip, Stack } from '@mui/material';
import type { jaMessages } from '../i18n/ja';

export const EnumChipsField = ({ source, enumType }: { source: string; enumType: keyof typeof jaMessages.enums; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const values = (record?.[source] as string[] | undefined) ?? [];
  if (values.length === 0) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {values.map((v) => (
        <Chip key={v} size="small" label={translate(`enums.${enumType}.${v}`)} />
      ))}
    </Stack>
  );
};
