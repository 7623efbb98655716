// Status of an office or account as a coloured chip with its Japanese label.
import { useRecordContext, useTranslate } from 'react-admin';
import { Chip } from '@mui/material';

const colors: Record<string, 'success' | 'default' | 'warning' | 'error'> = {
  ACTIVE: 'success',
  INACTIVE: 'default',
  PENDING: 'default',
  LOCKED: 'warning',
  STOPPED: 'error',
};

export const StatusField = ({ enumType }: { enumType: 'OfficeStatus' | 'UserStatus'; source?: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.status) return null;
  return <Chip size="small" label={translate(`enums.${enumType}.${record.status}`)} color={colors[record.status] ?? 'default'} variant="outlined" sx={{ width: 'fit-content' }} />;
};
