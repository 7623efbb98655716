// 同意 (様式5): the consent as recorded, withdrawn or not; the city adds offices covered by a newly
// signed form; the city or the room's coordinator records a withdrawal (sharing ends at once).
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, Checkbox, FormControlLabel, FormGroup, Stack, TextField, Typography } from '@mui/material';
import AddBusinessIcon from '@mui/icons-material/AddBusiness';
import BlockIcon from '@mui/icons-material/Block';
import { PatientDetails } from '../patients/PatientHeader';
import { formatDate, formatDateTime } from '../patients/format';
import { applicationFileUrl } from '../posts/uploads';
import { keys, useRoomChange } from './hooks';
import { useApiQuery } from '../graphql/useApi';
import type { Room } from './types';
import { ActionDialog, Field, FieldGrid, FileLink, Loading } from './ui';

const CoverOfficesDialog = ({ room, onClose }: { room: Room; onClose: () => void }) => {
  const translate = useTranslate();
  const { pending, run } = useRoomChange();
  const { data: offices } = useApiQuery(keys.offices(), (dp) => dp.roomOffices());
  const [chosen, setChosen] = useState<string[]>([]);
  const candidates = (offices ?? []).filter((o) => !room.consent.coveredOfficeIds.includes(o.id));
  const save = () => run((dp) => dp.coverOfficesByConsent(room.id, chosen), { done: 'rooms.consent.covered', onDone: onClose });
  return (
    <ActionDialog title={translate('rooms.consent.cover_more')} onClose={onClose} onConfirm={save} confirmLabel={translate('rooms.common.add')} disabled={pending || chosen.length === 0}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('rooms.consent.cover_more_help')}
      </Typography>
      {!offices ? (
        <Loading />
      ) : (
        <FormGroup>
          {candidates.map((o) => (
            <FormControlLabel
              key={o.id}
              label={o.name}
              control={<Checkbox checked={chosen.includes(o.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id))} />}
            />
          ))}
        </FormGroup>
      )}
    </ActionDialog>
  );
};

const WithdrawDialog = ({ room, onClose }: { room: Room; onClose: () => void }) => {
  const translate = useTranslate();
  const { pending, run } = useRoomChange();
  const [note, setNote] = useState('');
  const save = () => run((dp) => dp.withdrawConsent(room.id, note.trim() || null), { done: 'rooms.consent.withdrawn_done', onDone: onClose });
  return (
    <ActionDialog title={translate('rooms.consent.withdraw_title')} onClose={onClose} onConfirm={save} confirmLabel={translate('rooms.consent.withdraw_confirm')} color="error" disabled={pending}>
      <Alert severity="warning" sx={{ mb: 2 }}>
        {translate('rooms.consent.withdraw_help')}
      </Alert>
      <TextField label={translate('rooms.consent.withdraw_note')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} fullWidth />
    </ActionDialog>
  );
};

export const ConsentPanel = ({ room, isCity }: { room: Room; isCity: boolean }) => {
  const translate = useTranslate();
  const [dialog, setDialog] = useState<'cover' | 'withdraw' | null>(null);
  const c = room.consent;
  const canWithdraw = !c.withdrawnAt && (isCity || room.myPermission === 'COORDINATOR');
  const canCover = isCity && !c.withdrawnAt && room.status !== 'CLOSED';
  return (
    <Stack spacing={2}>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('rooms.consent.section')}
          </Typography>
          {c.withdrawnAt && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {translate('rooms.consent.withdrawn', { at: formatDateTime(c.withdrawnAt) })}
              {c.withdrawalNote ? `　${c.withdrawalNote}` : ''}
            </Alert>
          )}
          <FieldGrid>
            <Field label="rooms.consent.consentDate">{formatDate(c.consentDate)}</Field>
            <Field label="rooms.consent.signer">
              {translate(`rooms.enums.ConsentSigner.${c.signer}`)}
              {c.signer === 'PROXY' ? `（${c.proxyName ?? ''}・${c.proxyRelationship ?? ''}）` : ''}
            </Field>
            <Field label="rooms.consent.explainingOffice">{c.explainingOfficeName}</Field>
            <Field label="rooms.consent.explainingPerson">{c.explainingPersonName}</Field>
            <Field label="rooms.consent.coveredOffices">{c.coveredOfficeNames.join('、')}</Field>
            {isCity && c.formAttachmentId && (
              <Field label="rooms.consent.form">
                <FileLink href={applicationFileUrl(c.formAttachmentId)} filename={translate('rooms.files.open')} />
              </Field>
            )}
            {c.withdrawnAt && <Field label="rooms.consent.withdrawnAt">{formatDateTime(c.withdrawnAt)}</Field>}
            {c.withdrawnAt && <Field label="rooms.consent.withdrawalNote">{c.withdrawalNote}</Field>}
          </FieldGrid>
          {(canCover || canWithdraw) && (
            <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, flexWrap: 'wrap' }}>
              {canCover && (
                <Button variant="outlined" size="large" startIcon={<AddBusinessIcon />} onClick={() => setDialog('cover')}>
                  {translate('rooms.consent.cover_more')}
                </Button>
              )}
              {canWithdraw && (
                <Button variant="outlined" size="large" color="error" startIcon={<BlockIcon />} onClick={() => setDialog('withdraw')}>
                  {translate('rooms.consent.withdraw')}
                </Button>
              )}
            </Stack>
          )}
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('rooms.patient.section')}
          </Typography>
          <Box>
            <PatientDetails patient={room.patient} />
          </Box>
        </CardContent>
      </Card>
      {dialog === 'cover' && <CoverOfficesDialog room={room} onClose={() => setDialog(null)} />}
      {dialog === 'withdraw' && <WithdrawDialog room={room} onClose={() => setDialog(null)} />}
    </Stack>
  );
};
