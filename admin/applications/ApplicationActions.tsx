// The state machine's buttons: exactly the record's allowedActions (what the server says this
// caller may do now). RETURN and REJECT ask for the reason; the others confirm, with an optional
// comment. Each sends the version as loaded: when someone acted first (CONFLICT,
// INVALID_TRANSITION) the server's message is shown and the page reloads.
import { useState, type ReactElement } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import UndoIcon from '@mui/icons-material/Undo';
import BlockIcon from '@mui/icons-material/Block';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import EditNoteIcon from '@mui/icons-material/EditNote';
import CancelIcon from '@mui/icons-material/Cancel';
import PrintIcon from '@mui/icons-material/Print';
import { errorCode, isApiError } from '../graphql/errors';
import { usePanelDataProvider } from '../graphql/useApi';
import { commentRequired, isAccountType, type SimpleAction } from './queries';
import { setLetter } from '../activation/letterStore';

const ORDER: string[] = ['FORWARD', 'COMPLETE', 'RETURN', 'REJECT', 'RESUBMIT', 'WITHDRAW'];

const icons: Record<string, ReactElement> = {
  FORWARD: <SendIcon />,
  COMPLETE: <TaskAltIcon />,
  RETURN: <UndoIcon />,
  REJECT: <BlockIcon />,
  RESUBMIT: <EditNoteIcon />,
  WITHDRAW: <CancelIcon />,
};

const colors: Record<string, 'primary' | 'warning' | 'error' | 'inherit'> = { RETURN: 'warning', REJECT: 'error', WITHDRAW: 'inherit' };

function confirmText(action: SimpleAction, record: RaRecord): string {
  if (action !== 'COMPLETE') return `app.applications.confirm.${action}`;
  if (record.type === 'ID_STOP') return 'app.applications.confirm.COMPLETE_ID_STOP';
  if (record.type === 'ROOM_JOIN') return 'app.applications.confirm.COMPLETE_ROOM_JOIN';
  if (record.type === 'ROOM_END') return 'app.applications.confirm.COMPLETE_ROOM_END';
  return isAccountType(record.type) ? 'app.applications.confirm.COMPLETE' : 'app.applications.confirm.COMPLETE_ROOM';
}

const buttonLabel = (action: string, record: RaRecord) => (action === 'COMPLETE' && !isAccountType(record.type) ? 'app.applications.actions.COMPLETE_ROOM' : `app.applications.actions.${action}`);

const ActionDialog = ({ action, record, onClose }: { action: SimpleAction; record: RaRecord; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = usePanelDataProvider();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const required = commentRequired(action);

  const submit = async () => {
    if (required && !comment.trim()) {
      setError(translate('app.applications.comment_required'));
      return;
    }
    setPending(true);
    try {
      await dataProvider.applicationAction(action, String(record.id), record.version, comment.trim() || null);
      notify(`app.applications.done.${action}`, { type: 'success' });
      onClose();
      refresh();
    } catch (e) {
      const message = isApiError(e) ? e.message : translate('ra.notification.http_error');
      const code = errorCode(e);
      if (code === 'CONFLICT' || code === 'INVALID_TRANSITION' || code === 'NOT_FOUND' || code === 'FORBIDDEN') {
        // someone acted first: say so, and show the application as it is now
        notify(message, { type: 'error', messageArgs: { _: message } });
        onClose();
        refresh();
      } else {
        setError(message);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate(buttonLabel(action, record))}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" data-testid="action-consequence">
            {translate(confirmText(action, record), {
              permission: record.payload?.permission ? translate(`rooms.enums.RoomPermission.${record.payload.permission}`) : '',
            })}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {record.summary}
          </Typography>
          {error && <Alert severity="error">{error}</Alert>}
          <TextField
            id="application-comment"
            label={translate(required ? 'app.applications.comment_reason' : 'app.applications.comment_optional')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            multiline
            minRows={3}
            required={required}
            fullWidth
            autoFocus
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
        <MuiButton onClick={submit} variant="contained" color={colors[action] === 'inherit' ? 'primary' : (colors[action] ?? 'primary')} disabled={pending}>
          {translate(buttonLabel(action, record))}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};

export const ApplicationActionButtons = () => {
  const record = useRecordContext();
  const navigate = useNavigate();
  const [open, setOpen] = useState<SimpleAction | null>(null);
  // a returned 様式6 is corrected on the room request screen (office accounts)
  const { canAccess: requestsRooms } = useCanAccess({ resource: 'rooms', action: 'request' });
  if (!record) return null;
  const allowed = ((record.allowedActions as string[] | undefined) ?? []).filter((a) => {
    // 部屋の作成 is completed on the room screens (createRoomFromApplication: members, permissions, titles)
    if (a === 'COMPLETE' && record.type === 'ROOM_CREATION') return false;
    // room forms are corrected on the room screens, where there is one (ROOM_CREATION by an office)
    if (a === 'RESUBMIT' && !isAccountType(record.type)) return record.type === 'ROOM_CREATION' && !!requestsRooms;
    return true;
  });
  const resubmitPath = isAccountType(record.type) ? `/applications/${record.id}` : `/room-request/${record.id}`;
  const actions = ORDER.filter((a) => allowed.includes(a));
  const createRoom = record.type === 'ROOM_CREATION' && (record.allowedActions as string[] | undefined)?.includes('COMPLETE');
  return (
    <>
      {createRoom && (
        <Button label="app.applications.actions.CREATE_ROOM" onClick={() => navigate(`/rooms/create-from/${record.id}`)}>
          <TaskAltIcon />
        </Button>
      )}
      {actions.map((action) => (
        <Button key={action} label={buttonLabel(action, record)} color={colors[action] ?? 'primary'} onClick={() => (action === 'RESUBMIT' ? navigate(resubmitPath) : setOpen(action as SimpleAction))}>
          {icons[action]}
        </Button>
      ))}
      {open && <ActionDialog action={open} record={record} onClose={() => setOpen(null)} />}
    </>
  );
};

/** ID通知書を印刷: fresh activation codes for the accounts this application created, on a page to print. */
export const PrintLetterButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const dataProvider = usePanelDataProvider();
  const { canAccess } = useCanAccess({ resource: 'applications', action: 'activation_letter', record });
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!record || !canAccess || record.state !== 'COMPLETED' || !['OFFICE_REGISTRATION', 'STAFF_ADDITION'].includes(record.type)) return null;

  const issue = async () => {
    setPending(true);
    try {
      const entries = await dataProvider.issueActivationLetter(String(record.id));
      setOpen(false);
      if (entries.length === 0) {
        notify('app.applications.no_letter_entries', { type: 'info' });
        return;
      }
      setLetter({ returnTo: `/applications/${record.id}/show`, summary: String(record.summary), entries, issuedAt: new Date().toISOString() });
      navigate('/activation-letter');
    } catch (e) {
      const message = isApiError(e) ? e.message : 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
      setOpen(false);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label="app.applications.print_letter" onClick={() => setOpen(true)}>
        <PrintIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('app.applications.print_letter_title')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning">{translate('app.applications.print_letter_content')}</Alert>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton onClick={issue} variant="contained" disabled={pending}>
            {translate('app.applications.print_letter')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
