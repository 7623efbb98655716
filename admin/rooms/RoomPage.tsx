// The room (#/rooms/:id/show, the link in the new-post e-mail): the patient and the consent at
// the top, then the notebook and care reports, the vitals chart, the members and the consent.
// Made for a nurse's tablet: large targets, one column on narrow screens. Members who may post
// get the post form; viewers, the city, and everyone in a closed room or after a withdrawn
// consent read only, with a banner saying why. Someone who may not see the room gets a
// not-found page and nothing of it.
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { Title, useCanAccess, useGetIdentity, useTranslate } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Tab, Tabs } from '@mui/material';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import type { Me } from '../auth/authApi';
import { PatientHeader } from '../patients/PatientHeader';
import { formatDateTime } from '../patients/format';
import { PostForm } from '../posts/PostForm';
import { Timeline } from '../posts/Timeline';
import { VitalsChart } from '../posts/VitalsChart';
import { PendingJoinRequests } from './PendingJoinRequests';
import { keys } from './hooks';
import { useApiQuery } from '../graphql/useApi';
import { ConsentPanel } from './ConsentPanel';
import { MembersPanel } from './MembersPanel';
import { ClosingRequestDialog, JoinRequestDialog } from './RoomRequests';
import { RoomTitlesEditor } from './TitlesEditor';
import type { Room } from './types';
import { Loading, RoomStatusChip } from './ui';
import { RoomLoadError } from './RoomLoadError';

type TabName = 'timeline' | 'vitals' | 'members' | 'consent' | 'settings';

const Banners = ({ room, isCity }: { room: Room; isCity: boolean }) => {
  const translate = useTranslate();
  const banners: { severity: 'error' | 'warning' | 'info'; text: string }[] = [];
  if (room.status === 'CLOSED') banners.push({ severity: 'error', text: translate('rooms.page.read_only_closed', { at: formatDateTime(room.closedAt) }) });
  if (room.consent.withdrawnAt) banners.push({ severity: 'error', text: translate('rooms.page.read_only_withdrawn', { at: formatDateTime(room.consent.withdrawnAt) }) });
  if (room.status === 'CLOSING') banners.push({ severity: 'warning', text: translate('rooms.page.closing_requested') });
  if (!isCity && room.myPermission === 'VIEWER' && room.status !== 'CLOSED' && !room.consent.withdrawnAt) banners.push({ severity: 'info', text: translate('rooms.page.viewer_only') });
  if (isCity) banners.push({ severity: 'info', text: translate('rooms.page.city_reads') });
  return (
    <>
      {banners.map((b) => (
        <Alert key={b.text} severity={b.severity} role={b.severity === 'info' ? 'status' : 'alert'} data-testid="room-banner" sx={{ fontSize: '1rem' }}>
          {b.text}
        </Alert>
      ))}
    </>
  );
};

/** For the city, a closing request leads to its application, where the city confirms it (completeApplication). */
const ClosingRequestLink = ({ room }: { room: Room }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'applications', action: 'show' });
  const { data } = useApiQuery(keys.closingRequest(room.id), (dp) => dp.roomClosingRequest(room.id, room.name), { enabled: !!canAccess });
  if (!data) return null;
  return (
    <Button component={RouterLink} to={`/applications/${data.id}/show`} variant="contained" color="warning" size="large">
      {translate('rooms.page.open_closing_request')}
    </Button>
  );
};

const RoomView = ({ room, me }: { room: Room; me: Me }) => {
  const translate = useTranslate();
  const isCity = me.role === 'CITY';
  const [tab, setTab] = useState<TabName>('timeline');
  const [dialog, setDialog] = useState<'closing' | 'join' | null>(null);
  const isMember = !!room.myPermission;
  const open = room.status === 'ACTIVE' && !room.consent.withdrawnAt;
  const tabs: TabName[] = ['timeline', 'vitals', 'members', 'consent', ...(isCity ? (['settings'] as const) : [])];

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4, maxWidth: 1200 }}>
      <Title title={room.name} />
      <Card>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' }, justifyContent: 'space-between' }}>
            <PatientHeader patient={room.patient} />
            <Stack spacing={1} sx={{ alignItems: { md: 'flex-end' } }}>
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <RoomStatusChip status={room.status} size="medium" />
                <Chip
                  variant="outlined"
                  color={room.consent.withdrawnAt ? 'error' : 'success'}
                  label={room.consent.withdrawnAt ? translate('rooms.consent.withdrawn', { at: formatDateTime(room.consent.withdrawnAt) }) : translate('rooms.consent.active')}
                />
                {room.myPermission && <Chip variant="outlined" label={`${translate('rooms.page.my_permission')}: ${translate(`rooms.enums.RoomPermission.${room.myPermission}`)}`} />}
              </Stack>
              {isMember && open && (
                <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                  <Button variant="outlined" size="large" startIcon={<GroupAddIcon />} onClick={() => setDialog('join')} sx={{ minHeight: 48 }}>
                    {translate('rooms.page.request_join')}
                  </Button>
                  {room.writable && (
                    <Button variant="outlined" color="warning" size="large" startIcon={<EventBusyIcon />} onClick={() => setDialog('closing')} sx={{ minHeight: 48 }}>
                      {translate('rooms.page.request_closing')}
                    </Button>
                  )}
                </Stack>
              )}
            </Stack>
          </Stack>
        </CardContent>
      </Card>
      <Banners room={room} isCity={isCity} />
      {isCity && <PendingJoinRequests roomId={room.id} />}
      {isCity && room.status === 'CLOSING' && (
        <Box>
          <ClosingRequestLink room={room} />
        </Box>
      )}
      <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tabs value={tab} onChange={(_e, v: TabName) => setTab(v)} variant="scrollable" allowScrollButtonsMobile>
          {tabs.map((t) => (
            <Tab key={t} value={t} label={translate(`rooms.page.tab_${t}`)} sx={{ minHeight: 56, fontSize: '1rem' }} />
          ))}
        </Tabs>
      </Box>
      {tab === 'timeline' && (
        <Stack spacing={2}>
          {room.writable && <PostForm room={room} />}
          <Timeline room={room} meId={me.id} />
        </Stack>
      )}
      {tab === 'vitals' && <VitalsChart roomId={room.id} />}
      {tab === 'members' && <MembersPanel room={room} manage={isCity} />}
      {tab === 'consent' && <ConsentPanel room={room} isCity={isCity} />}
      {tab === 'settings' && isCity && <RoomTitlesEditor key={room.version} roomId={room.id} version={room.version} titles={room.careReportTitles} disabled={room.status === 'CLOSED'} />}
      {dialog === 'closing' && <ClosingRequestDialog room={room} onClose={() => setDialog(null)} />}
      {dialog === 'join' && <JoinRequestDialog room={room} onClose={() => setDialog(null)} />}
    </Stack>
  );
};

export const RoomPage = () => {
  const { id = '' } = useParams();
  const { identity } = useGetIdentity();
  const { data: room, error } = useApiQuery(keys.room(id), (dp) => dp.room(id));
  if (error) return <RoomLoadError error={error} />;
  if (!room || !identity) return <Loading />;
  return <RoomView room={room} me={identity as unknown as Me} />;
};
