// 参加依頼 on the room page (CITY): the join requests waiting for a decision — who is to join,
// with which permission, what the requester wrote — each opening its application to complete.
import { Link as RouterLink } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { keys } from './hooks';
import { useApiQuery } from '../graphql/useApi';
import { formatDateTime } from '../patients/format';

export const PendingJoinRequests = ({ roomId }: { roomId: string }) => {
  const translate = useTranslate();
  const { data } = useApiQuery(keys.pendingJoins(roomId), (dp) => dp.pendingRoomJoins(roomId));
  if (!data?.length) return null;
  return (
    <Alert severity="info" data-testid="pending-joins" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <Typography variant="subtitle2" component="h2" sx={{ mb: 1 }}>
        {translate('rooms.join.pending_title', { smart_count: data.length })}
      </Typography>
      <Stack spacing={1.5}>
        {data.map((a) => (
          <Stack key={a.id} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
            <Typography variant="body2" component="div" sx={{ minWidth: 0, wordBreak: 'break-word' }}>
              <strong>{a.summary}</strong>
              <br />
              {translate('app.applications.join_permission')}: {a.payload.permission ? translate(`rooms.enums.RoomPermission.${a.payload.permission}`) : '—'}
              {' ・ '}
              {translate('app.applications.join_requester')}: {a.applicantName}（{formatDateTime(a.submittedAt)}）
              <br />
              {translate('app.applications.join_note')}: {a.payload.note || '—'}
            </Typography>
            <Button component={RouterLink} to={`/applications/${a.id}/show`} variant="outlined" sx={{ flexShrink: 0, minHeight: 44 }}>
              {translate('rooms.join.open_request')}
            </Button>
          </Stack>
        ))}
      </Stack>
    </Alert>
  );
};
