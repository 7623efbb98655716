// Two requests a member makes from inside a room: 部屋の終了を依頼 (requestRoomClosing: a post in
// the notebook and an item in the city's queue) and 参加を依頼 (a ROOM_JOIN application for a
// person picked from the directory).
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { PersonPicker } from '../directory/PersonPicker';
import { fieldErrors, useRoomChange } from './hooks';
import type { ClosingReason, Person, Room, RoomPermission } from './types';
import { ActionDialog, PermissionSelect } from './ui';
import { coverageWarning } from './MembersPanel';

const REASONS: ClosingReason[] = ['DEATH', 'FACILITY_ADMISSION', 'OTHER'];

/** These dialogs show the server's first field error under the form. */
const firstFieldError = (error: unknown) => fieldErrors(error)[0]?.message ?? null;

export const ClosingRequestDialog = ({ room, onClose }: { room: Room; onClose: () => void }) => {
  const translate = useTranslate();
  const { pending, run } = useRoomChange();
  const [reason, setReason] = useState<ClosingReason | ''>('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!reason || !body.trim()) return setError(translate('app.validation.REQUIRED'));
    await run((dp) => dp.requestRoomClosing(room.id, reason, body), { done: 'rooms.closing.done', onDone: onClose, onError: (e) => setError(firstFieldError(e)) });
  };
  return (
    <ActionDialog title={translate('rooms.closing.title')} onClose={onClose} onConfirm={save} confirmLabel={translate('rooms.closing.submit')} color="warning" size="large" disabled={pending}>
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
        <TextField
          label={translate('rooms.closing.body')}
          placeholder={translate('rooms.closing.body_placeholder')}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          multiline
          minRows={3}
          fullWidth
        />
        {error && <Alert severity="error">{error}</Alert>}
      </Stack>
    </ActionDialog>
  );
};

export const JoinRequestDialog = ({ room, onClose }: { room: Room; onClose: () => void }) => {
  const translate = useTranslate();
  // a ROOM_JOIN application for the city: the room is unchanged until the city completes it
  const { pending, run } = useRoomChange({ reload: false });
  const [person, setPerson] = useState<Person | null>(null);
  const [permission, setPermission] = useState<RoomPermission>('CONTRIBUTOR');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const members = room.members.filter((m) => m.live).map((m) => m.person.id);
  const save = async () => {
    if (!person) return;
    await run((dp) => dp.requestRoomJoin(room.id, person.id, permission, note.trim() || null), { done: 'rooms.join.done', onDone: onClose, onError: (e) => setError(firstFieldError(e)) });
  };
  return (
    <ActionDialog title={translate('rooms.join.title')} maxWidth="md" onClose={onClose} onConfirm={save} confirmLabel={translate('rooms.join.submit')} size="large" disabled={!person || pending}>
      <Stack spacing={2} sx={{ pt: 1 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('rooms.join.help')}
        </Typography>
        <PersonPicker
          label={translate('rooms.join.person')}
          exclude={members}
          keepValue
          autoFocus
          onPick={setPerson}
          warning={coverageWarning(room.consent.coveredOfficeNames, translate('rooms.members.not_covered'))}
        />
        <PermissionSelect label={translate('rooms.join.permission')} value={permission} onChange={setPermission} size="medium" sx={{ maxWidth: 240 }} />
        <TextField label={translate('rooms.join.note')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} fullWidth />
        {error && <Alert severity="error">{error}</Alert>}
      </Stack>
    </ActionDialog>
  );
};
