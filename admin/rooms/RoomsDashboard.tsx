// The home page's room card: office staff see their rooms with unread posts first in mind (the
// five most recently active, with their unread counts); the city sees how many rooms are open,
// closing or closed, and the room requests waiting for it. VENDOR: nothing.
import { Link as RouterLink } from 'react-router-dom';
import { useGetIdentity, useTranslate } from 'react-admin';
import { Button, Card, CardContent, Chip, List, ListItem, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import type { Me } from '../auth/authApi';
import { formatDateTime } from '../patients/format';
import { keys } from './hooks';
import { useApiQuery } from '../graphql/useApi';
import type { RoomStatus } from './types';

const MyRoomsCard = () => {
  const translate = useTranslate();
  const params = { page: 1, perPage: 5 };
  const { data } = useApiQuery(keys.list(params), (dp) => dp.rooms(params));
  if (!data) return null;
  const unread = data.items.reduce((n, r) => n + r.unreadCount, 0);
  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="h6" component="h2">
            {translate('rooms.menu.mine')}
          </Typography>
          {unread > 0 && <Chip size="small" color="error" label={translate('rooms.mine.unread', { count: unread })} />}
        </Stack>
        {data.total === 0 ? (
          <Typography color="text.secondary">{translate('rooms.mine.empty')}</Typography>
        ) : (
          <List dense>
            {data.items.map((r) => (
              <ListItem key={r.id} disablePadding>
                <ListItemButton component={RouterLink} to={`/rooms/${r.id}/show`} sx={{ minHeight: 48 }}>
                  <ListItemText primary={r.name} secondary={translate('rooms.mine.updated', { at: formatDateTime(r.updatedAt) })} />
                  {r.unreadCount > 0 && <Chip size="small" color="error" label={translate('rooms.mine.unread', { count: r.unreadCount })} />}
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        )}
        <Button component={RouterLink} to="/rooms" size="small">
          {translate('rooms.dashboard.all_rooms')}
        </Button>
      </CardContent>
    </Card>
  );
};

const CityRoomsCard = () => {
  const translate = useTranslate();
  const counts = useApiQuery(keys.counts, (dp) => dp.roomCounts());
  const pending = useApiQuery(keys.pending, (dp) => dp.pendingRoomCreations());
  if (!counts.data) return null;
  const by = (s: RoomStatus) => counts.data.filter((c) => c.status === s).reduce((n, c) => n + c.count, 0);
  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('rooms.menu.list')}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
          {(['ACTIVE', 'CLOSING', 'CLOSED'] as const).map((s) => (
            <Chip key={s} variant="outlined" color={s === 'CLOSING' && by(s) > 0 ? 'warning' : 'default'} label={`${translate(`rooms.enums.RoomStatus.${s}`)} ${by(s)}`} />
          ))}
          {!!pending.data?.total && <Chip color="warning" label={`${translate('rooms.list.pending_title')} ${pending.data.total}`} />}
        </Stack>
        <Button component={RouterLink} to="/rooms" size="small">
          {translate('rooms.dashboard.all_rooms')}
        </Button>
      </CardContent>
    </Card>
  );
};

export const RoomsDashboard = () => {
  const { identity } = useGetIdentity();
  const me = identity as unknown as Me | undefined;
  if (me?.role === 'OFFICE') return <MyRoomsCard />;
  if (me?.role === 'CITY') return <CityRoomsCard />;
  return null;
};
