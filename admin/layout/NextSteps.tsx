// Home: "what to do next" for the signed-in role, from the same figures the other home cards read
// (the caches are shared): a nurse without a room learns how she gets into one, an office admin
// what to file and when, the city its queues, the vendor the work the cities forwarded.
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useCanAccess, useTranslate } from 'react-admin';
import { Box, Button, Card, CardContent, List, ListItem, Stack, Typography } from '@mui/material';
import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import ForumIcon from '@mui/icons-material/Forum';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import RuleIcon from '@mui/icons-material/Rule';
import type { Me } from '../auth/authApi';
import { APPLICATION_COUNTS_KEY } from '../applications/queries';
import { keys } from '../rooms/hooks';
import { useApiQuery } from '../graphql/useApi';

interface Step {
  key: string;
  icon: ReactNode;
  text: ReactNode;
  actions?: { label: string; to: string }[];
}

const applicationsIn = (states: string[]) => `/applications?filter=${encodeURIComponent(JSON.stringify({ states }))}`;
const newApplication = (type: string) => `/applications/create?source=${encodeURIComponent(JSON.stringify({ type }))}`;

function useApplicationCounts(): Map<string, number> | undefined {
  const { canAccess } = useCanAccess({ resource: 'applications', action: 'list' });
  const { data } = useApiQuery(APPLICATION_COUNTS_KEY, (dp) => dp.applicationCounts(), { enabled: !!canAccess });
  return data ? new Map<string, number>(data.map((c) => [c.state, c.count])) : canAccess === false ? new Map() : undefined;
}

function useOfficeSteps(me: Me, counts: Map<string, number> | undefined): Step[] | undefined {
  const translate = useTranslate();
  const { canAccess: mayRequest } = useCanAccess({ resource: 'rooms', action: 'request' });
  const params = { page: 1, perPage: 5 };
  const rooms = useApiQuery(keys.list(params), (dp) => dp.rooms(params)).data;
  if (!rooms || !counts) return undefined;
  const steps: Step[] = [];
  const returned = counts.get('RETURNED') ?? 0;
  if (returned > 0)
    steps.push({
      key: 'returned',
      icon: <AssignmentReturnIcon color="warning" />,
      text: translate('layout.next.returned', { smart_count: returned }),
      actions: [{ label: 'layout.next.open_returned', to: applicationsIn(['RETURNED']) }],
    });
  if (rooms.total === 0) {
    steps.push({
      key: 'no-room',
      icon: <MeetingRoomIcon color="primary" />,
      text: (
        <>
          <Typography component="span" sx={{ display: 'block', fontWeight: 700 }}>
            {translate('layout.next.no_room')}
          </Typography>
          <Typography component="span" sx={{ display: 'block', mt: 0.5 }}>
            {translate('layout.next.no_room_how')}
          </Typography>
          {mayRequest && (
            <Typography component="span" sx={{ display: 'block', mt: 0.5 }}>
              {translate('layout.next.no_room_ask')}
            </Typography>
          )}
        </>
      ),
      actions: mayRequest ? [{ label: 'layout.next.request_room', to: '/room-request' }] : undefined,
    });
  } else {
    const unread = rooms.items.reduce((n, r) => n + r.unreadCount, 0);
    const first = [...rooms.items].sort((a, b) => b.unreadCount - a.unreadCount)[0];
    if (unread > 0 && first)
      steps.push({
        key: 'unread',
        icon: <ForumIcon color="error" />,
        text: translate('layout.next.unread', { smart_count: unread, room: first.name }),
        actions: [{ label: 'layout.next.open_room', to: `/rooms/${first.id}/show` }],
      });
    else steps.push({ key: 'read-all', icon: <CheckCircleOutlineIcon color="success" />, text: translate('layout.next.read_all') });
  }
  const inReview = (counts.get('SUBMITTED') ?? 0) + (counts.get('FORWARDED') ?? 0);
  if (inReview > 0) steps.push({ key: 'in-review', icon: <HourglassEmptyIcon color="action" />, text: translate('layout.next.in_review', { smart_count: inReview }) });
  if (me.officeAdmin)
    steps.push({
      key: 'admin-file',
      icon: <NoteAddIcon color="primary" />,
      text: (
        <>
          <Typography component="span" sx={{ display: 'block' }}>
            {translate('layout.next.admin_file')}
          </Typography>
          <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
            <li>{translate('layout.next.admin_staff')}</li>
            <li>{translate('layout.next.admin_stop')}</li>
            <li>{translate('layout.next.admin_room')}</li>
          </Box>
        </>
      ),
      actions: [
        { label: 'layout.next.file_staff', to: newApplication('STAFF_ADDITION') },
        { label: 'layout.next.open_roster', to: '/users' },
        ...(mayRequest ? [{ label: 'layout.next.request_room', to: '/room-request' }] : []),
      ],
    });
  return steps;
}

function useCitySteps(counts: Map<string, number> | undefined): Step[] | undefined {
  const translate = useTranslate();
  const roomCounts = useApiQuery(keys.counts, (dp) => dp.roomCounts()).data;
  const pending = useApiQuery(keys.pending, (dp) => dp.pendingRoomCreations()).data;
  if (!counts || !roomCounts || !pending) return undefined;
  const closing = roomCounts.filter((c) => c.status === 'CLOSING').reduce((n, c) => n + c.count, 0);
  // what waits for the city, each shown only when there is some
  const waiting: { key: string; count: number; icon: ReactNode; text: string; action?: { label: string; to: string } }[] = [
    {
      key: 'review',
      count: counts.get('SUBMITTED') ?? 0,
      icon: <RuleIcon color="primary" />,
      text: 'layout.next.city_review',
      action: { label: 'layout.next.open_review', to: applicationsIn(['SUBMITTED']) },
    },
    { key: 'rooms', count: pending.total, icon: <MeetingRoomIcon color="primary" />, text: 'layout.next.city_rooms', action: { label: 'layout.next.open_rooms', to: '/rooms' } },
    { key: 'closing', count: closing, icon: <MeetingRoomIcon color="warning" />, text: 'layout.next.city_closing', action: { label: 'layout.next.open_rooms', to: '/rooms' } },
    { key: 'forwarded', count: counts.get('FORWARDED') ?? 0, icon: <HourglassEmptyIcon color="action" />, text: 'layout.next.city_forwarded' },
  ];
  return waiting.filter((w) => w.count > 0).map((w) => ({ key: w.key, icon: w.icon, text: translate(w.text, { smart_count: w.count }), actions: w.action ? [w.action] : undefined }));
}

function useVendorSteps(counts: Map<string, number> | undefined): Step[] | undefined {
  const translate = useTranslate();
  if (!counts) return undefined;
  const forwarded = counts.get('FORWARDED') ?? 0;
  return forwarded > 0
    ? [
        {
          key: 'forwarded',
          icon: <RuleIcon color="primary" />,
          text: translate('layout.next.vendor_forwarded', { smart_count: forwarded }),
          actions: [{ label: 'layout.next.open_forwarded', to: applicationsIn(['FORWARDED']) }],
        },
      ]
    : [{ key: 'none', icon: <CheckCircleOutlineIcon color="success" />, text: translate('layout.next.vendor_none') }];
}

const StepList = ({ steps }: { steps: Step[] }) => {
  const translate = useTranslate();
  return (
    <Card data-testid="next-steps">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('layout.next.title')}
        </Typography>
        {steps.length === 0 ? (
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
            <CheckCircleOutlineIcon color="success" />
            <Typography>{translate('layout.next.nothing')}</Typography>
          </Stack>
        ) : (
          <List disablePadding>
            {steps.map((s) => (
              <ListItem key={s.key} disableGutters divider={s !== steps[steps.length - 1]} data-testid={`next-${s.key}`} sx={{ alignItems: 'flex-start', gap: 1.5, flexWrap: 'wrap', py: 1.5 }}>
                <Box sx={{ pt: 0.25, display: 'flex' }} aria-hidden>
                  {s.icon}
                </Box>
                <Typography component="div" sx={{ flex: '1 1 240px', minWidth: 0 }}>
                  {s.text}
                </Typography>
                {s.actions && (
                  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} useFlexGap sx={{ flexWrap: 'wrap', ml: { xs: 4.5, sm: 0 } }}>
                    {s.actions.map((a) => (
                      <Button key={a.to} component={RouterLink} to={a.to} variant="outlined" sx={{ minHeight: 44 }}>
                        {translate(a.label)}
                      </Button>
                    ))}
                  </Stack>
                )}
              </ListItem>
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
};

const OfficeSteps = ({ me }: { me: Me }) => {
  const steps = useOfficeSteps(me, useApplicationCounts());
  return steps ? <StepList steps={steps} /> : null;
};
const CitySteps = () => {
  const steps = useCitySteps(useApplicationCounts());
  return steps ? <StepList steps={steps} /> : null;
};
const VendorSteps = () => {
  const steps = useVendorSteps(useApplicationCounts());
  return steps ? <StepList steps={steps} /> : null;
};

export const NextSteps = ({ me }: { me: Me }) => (me.role === 'OFFICE' ? <OfficeSteps me={me} /> : me.role === 'CITY' ? <CitySteps /> : <VendorSteps />);
