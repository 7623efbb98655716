// Two requests a member makes from inside a room: 部屋の終了を依頼 (requestRoomClosing: a post in
// the notebook and an item in the city's queue) and 参加を依頼 (a ROOM_JOIN application for a
// person picked from the directory).
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { PersonPicker } from '../directory/PersonPicker';
import { roomApi } from './api';
import { fieldErrors, useInvalidateRooms, useNotifyError } from './hooks';
import type { ClosingReason, Person, Room, RoomPermission } from './types';
import { PermissionSelect } from './ui';
import { coverageWarning } from './MembersPanel';

const REASONS: ClosingReason[] = ['DEATH', 'FACILITY_ADMISSION', 'OTHER'];

export const ClosingRequestDialog = ({ room, onClose }: { room: Room; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const invalidate = useInvalidateRooms();
  const [reason, setReason] = useState<ClosingReason | ''>('');
  const [body, setBody] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!reason || !body.trim()) return setError(translate('app.validation.REQUIRED'));
    setPending(true);
    try {
      await roomApi.requestClosing(room.id, reason, body);
      notify('rooms.closing.done', { type: 'info' });
      await invalidate();
      onClose();
    } catch (e) {
      setError(fieldErrors(e)[0]?.message ?? null);
      notifyError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('rooms.closing.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            {translate('rooms.closing.help')}
          </Typography>
          <FormControl>
            <FormLabel id="closing-reason">{translate('rooms.closing.reason')}</FormLabel>
            <RadioGroup aria-labelledby="closing-reason" value={reason} onChange={(e) => setReason(e.target.value as ClosingReason)}>
              {REASONS.map((r) => (
                <FormControlLabel key={r} value={r} control={<Radio />} label={translate(`rooms.enums.ClosingReason.${r}`)} sx={{ minHeight: 44 }} />
              ))}
            </RadioGroup>
          </FormControl>
          <TextField label={translate('rooms.closing.body')} placeholder={translate('rooms.closing.body_placeholder')} value={body} onChange={(e) => setBody(e.target.value)} multiline minRows={3} fullWidth />
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} size="large">
          {translate('rooms.common.cancel')}
        </Button>
        <Button variant="contained" color="warning" size="large" onClick={save} disabled={pending}>
          {translate('rooms.closing.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const JoinRequestDialog = ({ room, onClose }: { room: Room; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const [person, setPerson] = useState<Person | null>(null);
  const [permission, setPermission] = useState<RoomPermission>('CONTRIBUTOR');
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const members = room.members.filter((m) => m.live).map((m) => m.person.id);
  const save = async () => {
    if (!person) return;
    setPending(true);
    try {
      await roomApi.requestJoin(room.id, person.id, permission, note.trim() || null);
      notify('rooms.join.done', { type: 'info' });
      onClose();
    } catch (e) {
      setError(fieldErrors(e)[0]?.message ?? null);
      notifyError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{translate('rooms.join.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {translate('rooms.join.help')}
          </Typography>
          <PersonPicker label={translate('rooms.join.person')} exclude={members} keepValue autoFocus onPick={setPerson} warning={coverageWarning(room.consent.coveredOfficeNames, translate('rooms.members.not_covered'))} />
          <PermissionSelect label={translate('rooms.join.permission')} value={permission} onChange={setPermission} size="medium" sx={{ maxWidth: 240 }} />
          <TextField label={translate('rooms.join.note')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} fullWidth />
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} size="large">
          {translate('rooms.common.cancel')}
        </Button>
        <Button variant="contained" size="large" onClick={save} disabled={!person || pending}>
          {translate('rooms.join.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
