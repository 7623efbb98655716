// Small pieces shared by the room screens: status and permission chips, the permission choice,
// labelled values, a loading line and the not-found page.
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Button, Card, CardContent, Chip, CircularProgress, MenuItem, Stack, TextField, Typography, type TextFieldProps } from '@mui/material';
import type { RoomPermission, RoomStatus } from './types';

const statusColor: Record<RoomStatus, 'success' | 'warning' | 'default'> = { ACTIVE: 'success', CLOSING: 'warning', CLOSED: 'default' };

export const RoomStatusChip = ({ status, size = 'small' }: { status: RoomStatus; size?: 'small' | 'medium' }) => {
  const translate = useTranslate();
  return <Chip size={size} variant="outlined" color={statusColor[status]} label={translate(`rooms.enums.RoomStatus.${status}`)} />;
};

export const PERMISSIONS: RoomPermission[] = ['VIEWER', 'CONTRIBUTOR', 'COORDINATOR'];

export const PermissionSelect = ({ value, onChange, ...props }: { value: RoomPermission; onChange: (p: RoomPermission) => void } & Omit<TextFieldProps, 'value' | 'onChange'>) => {
  const translate = useTranslate();
  return (
    <TextField select size="small" fullWidth={false} value={value} onChange={(e) => onChange(e.target.value as RoomPermission)} sx={{ minWidth: 160, flexShrink: 0 }} {...props}>
      {PERMISSIONS.map((p) => (
        <MenuItem key={p} value={p}>
          {translate(`rooms.enums.RoomPermission.${p}`)}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** A label over a value, for read-only details. */
export const Field = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography component="div" sx={{ wordBreak: 'break-word' }}>
        {children === null || children === undefined || children === '' ? '—' : children}
      </Typography>
    </Box>
  );
};

/** Labelled values in a responsive grid. */
export const FieldGrid = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '1fr 1fr 1fr' }, gap: 2 }}>{children}</Box>
);

export const Loading = () => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', p: 3 }}>
      <CircularProgress size={20} />
      <Typography>{translate('rooms.common.loading')}</Typography>
    </Stack>
  );
};

/** What a member, ex-member or outsider sees for a room they may not read: nothing about it. */
export const RoomNotFound = () => {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('rooms.common.not_found')}
        </Typography>
        <Typography sx={{ mb: 2 }}>{translate('rooms.common.not_found_help')}</Typography>
        <Button component={RouterLink} to="/rooms" variant="outlined">
          {translate('rooms.common.back_to_list')}
        </Button>
      </CardContent>
    </Card>
  );
};

/** A file of an application (a scanned form) or of a post, served to those who may see it. */
export const FileLink = ({ href, filename }: { href: string; filename: string }) => (
  <Button component="a" href={href} target="_blank" rel="noopener noreferrer" size="small" variant="text" sx={{ textTransform: 'none', justifyContent: 'flex-start' }}>
    {filename}
  </Button>
);
