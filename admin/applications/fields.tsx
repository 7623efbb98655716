// Small read-only pieces of the application screens: the state chip, the type label, a labelled
// value grid.
import type { ReactNode } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { Box, Chip, Typography } from '@mui/material';

const stateColors: Record<string, 'default' | 'info' | 'warning' | 'secondary' | 'success' | 'error'> = {
  SUBMITTED: 'info',
  RETURNED: 'warning',
  FORWARDED: 'secondary',
  COMPLETED: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
};

export const StateChip = ({ state }: { state: string | null | undefined }) => {
  const translate = useTranslate();
  if (!state) return null;
  return <Chip size="small" variant="outlined" color={stateColors[state] ?? 'default'} label={translate(`enums.ApplicationState.${state}`)} sx={{ width: 'fit-content' }} />;
};

/** The record's state as a chip (for lists and show pages). */
export const StateField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  return <StateChip state={record?.state as string | undefined} />;
};

/** A labelled value in a grid; empty values show as —. */
export const Item = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  const empty = children === null || children === undefined || children === '';
  return (
    <Box data-testid={testId}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {empty ? '—' : children}
      </Typography>
    </Box>
  );
};

export const ItemGrid = ({ children }: { children: ReactNode }) => <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr', lg: '1fr 1fr 1fr' }, gap: 2 }}>{children}</Box>;

// one date format across the panel (common/dates.ts); the forms' own dates with their 和暦
export { formatDateTime } from '../common/dates';
export { formatFormDate as formatDate } from '../common/dates';
