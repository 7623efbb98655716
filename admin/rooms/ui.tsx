// Small pieces shared by the room screens: status and permission chips, the permission choice,
// labelled values, a loading line, the not-found page and the frame of their dialogs.
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Spinner } from '../common/Spinner';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Button, Card, CardContent, Chip, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography, type ButtonProps, type TextFieldProps } from '@mui/material';
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
export const FieldGrid = ({ children }: { children: ReactNode }) => <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '1fr 1fr 1fr' }, gap: 2 }}>{children}</Box>;

export const Loading = () => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', p: 3 }}>
      <Spinner size={20} />
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

type DialogButtonsProps = {
  onCancel: () => void;
  onConfirm: () => void;
  /** The action's text, translated. */
  confirmLabel: ReactNode;
  disabled?: boolean;
  color?: ButtonProps['color'];
  size?: ButtonProps['size'];
};

/** Cancel (キャンセル) and the dialog's action. */
export const DialogButtons = ({ onCancel, onConfirm, confirmLabel, disabled, color, size }: DialogButtonsProps) => {
  const translate = useTranslate();
  return (
    <DialogActions>
      <Button onClick={onCancel} size={size}>
        {translate('rooms.common.cancel')}
      </Button>
      <Button variant="contained" color={color} size={size} onClick={onConfirm} disabled={disabled}>
        {confirmLabel}
      </Button>
    </DialogActions>
  );
};

/** A dialog of the room screens: a title, the content, Cancel and the action; closing it is Cancel. */
export const ActionDialog = ({
  title,
  maxWidth = 'sm',
  children,
  onClose,
  ...buttons
}: { title: ReactNode; maxWidth?: 'sm' | 'md'; children: ReactNode; onClose: () => void } & Omit<DialogButtonsProps, 'onCancel'>) => (
  <Dialog open onClose={onClose} fullWidth maxWidth={maxWidth}>
    <DialogTitle>{title}</DialogTitle>
    <DialogContent>{children}</DialogContent>
    <DialogButtons onCancel={onClose} {...buttons} />
  </Dialog>
);
