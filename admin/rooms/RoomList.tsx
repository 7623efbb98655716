// #/rooms: for the city, 部屋一覧 — its municipality's rooms (status filter, name search), the room
// creation requests waiting for it, and the default care-report titles; for office staff,
// 参加中の部屋 — the rooms they are members of now, most recently active first, with unread counts.
// Search text stays in the page's memory (no URL, no localStorage: room names are patient names).
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActionArea,
  CardContent,
  Chip,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import TitleIcon from '@mui/icons-material/Title';
import DownloadIcon from '@mui/icons-material/Download';
import type { Me } from '../auth/authApi';
import { downloadCsvWithBom, toCsv } from '../common/csv';
import { formatDateTime } from '../patients/format';
import type { RoomListParams } from './api';
import { usePanelDataProvider } from '../graphql/useApi';
import { paginationLabels } from '../common/paginationLabels';
import { keys } from './hooks';
import { useApiQuery } from '../graphql/useApi';
import { DefaultTitlesDialog } from './TitlesEditor';
import type { RoomStatus } from './types';
import { readAllPages } from '../common/allPages';
import { useMutation } from '@tanstack/react-query';
import { Loading, RoomStatusChip } from './ui';
import { muiTableSx, noWrap, textCell } from '../common/tableStyles';

const STATUSES: RoomStatus[] = ['ACTIVE', 'CLOSING', 'CLOSED'];

const SearchBox = ({ onSearch, label }: { onSearch: (q: string) => void; label: string }) => {
  const [text, setText] = useState('');
  return (
    <Box
      component="form"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text);
      }}
      sx={{ flex: 1, minWidth: 220, maxWidth: 420 }}
    >
      <TextField
        fullWidth
        label={label}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value) onSearch('');
        }}
        onBlur={() => onSearch(text)}
        slotProps={{ htmlInput: { enterKeyHint: 'search' } }}
      />
    </Box>
  );
};

/** Room creation forms (様式6) waiting for the city, each with a link to create its room. */
const PendingRoomRequests = () => {
  const translate = useTranslate();
  const { data } = useApiQuery(keys.pending, (dp) => dp.pendingRoomCreations());
  if (!data || data.total === 0) return null;
  return (
    <Card variant="outlined" component="section" aria-labelledby="pending-room-requests">
      <CardContent>
        <Typography id="pending-room-requests" variant="h6" component="h2">
          {translate('rooms.list.pending_title')}
          <Chip size="small" color="warning" label={data.total} sx={{ ml: 1 }} />
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('rooms.list.pending_help')}
        </Typography>
        <Stack divider={<Box sx={{ borderTop: 1, borderColor: 'divider' }} />}>
          {data.items.map((a) => (
            <Stack key={a.id} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' }, py: 1 }}>
              <Box sx={{ flex: 1 }}>
                <Typography sx={{ fontWeight: 600 }}>{a.summary}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {a.applicantName}　{formatDateTime(a.submittedAt)}
                </Typography>
              </Box>
              <Button component={RouterLink} to={`/rooms/create-from/${a.id}`} variant="contained" endIcon={<ChevronRightIcon />}>
                {translate('rooms.list.create_room')}
              </Button>
            </Stack>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};

/** 部屋一覧のCSV出力: every room matching the search, as the list shows them (UTF-8 with BOM, for Excel). */
const ExportRoomsButton = ({ params }: { params: RoomListParams }) => {
  const translate = useTranslate();
  const dataProvider = usePanelDataProvider();
  const { mutate: run, isPending: busy } = useMutation({
    mutationFn: async () => {
      const { rows } = await readAllPages((page, perPage) => dataProvider.rooms({ ...params, page, perPage }), 1000);
      const headers = ['rooms.list.name', 'rooms.list.status', 'rooms.list.created', 'rooms.list.updated'].map((k) => translate(k));
      const csv = toCsv(
        headers,
        rows.map((r) => [r.name, translate(`rooms.enums.RoomStatus.${r.status}`), formatDateTime(r.createdAt), formatDateTime(r.updatedAt)]),
      );
      downloadCsvWithBom(csv, translate('app.actions.export_file', { name: translate('rooms.list.title'), date: new Date().toLocaleDateString('sv-SE') }));
    },
  });
  return (
    <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => run()} disabled={busy} sx={noWrap}>
      {translate('ra.action.export')}
    </Button>
  );
};

const CityRoomList = ({ me }: { me: Me }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [params, setParams] = useState<RoomListParams>({ q: '', status: '', page: 1, perPage: 25 });
  const [titlesOpen, setTitlesOpen] = useState(false);
  const { data, isPending, error } = useApiQuery(keys.list(params), (dp) => dp.rooms(params));

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title="rooms.list.title" />
      <PendingRoomRequests />
      {/* filters on the left, buttons on the right; when the row is full the buttons go below, labels whole */}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, flexWrap: 'wrap' }} useFlexGap>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ flex: 1 }} useFlexGap>
          <SearchBox label={translate('rooms.list.search')} onSearch={(q) => setParams((p) => (p.q === q ? p : { ...p, q, page: 1 }))} />
          <TextField
            select
            label={translate('rooms.list.status')}
            value={params.status}
            onChange={(e) => setParams((p) => ({ ...p, status: e.target.value as RoomStatus | '', page: 1 }))}
            sx={{ minWidth: 180 }}
          >
            <MenuItem value="">{translate('rooms.common.all')}</MenuItem>
            {STATUSES.map((s) => (
              <MenuItem key={s} value={s}>
                {translate(`rooms.enums.RoomStatus.${s}`)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ ml: { sm: 'auto' } }} useFlexGap>
          <ExportRoomsButton params={params} />
          {me.municipality && (
            <Button variant="outlined" startIcon={<TitleIcon />} onClick={() => setTitlesOpen(true)} sx={noWrap}>
              {translate('rooms.list.default_titles')}
            </Button>
          )}
        </Stack>
      </Stack>
      {!!error && <Alert severity="error">{(error as Error).message}</Alert>}
      <Card variant="outlined">
        <TableContainer>
          <Table aria-label={translate('rooms.list.title')} sx={muiTableSx}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('rooms.list.name')}</TableCell>
                <TableCell>{translate('rooms.list.status')}</TableCell>
                <TableCell>{translate('rooms.list.created')}</TableCell>
                <TableCell>{translate('rooms.list.updated')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data?.items.map((r) => (
                <TableRow key={r.id} hover onClick={() => navigate(`/rooms/${r.id}/show`)} sx={{ cursor: 'pointer' }}>
                  <TableCell sx={textCell}>
                    <RouterLink to={`/rooms/${r.id}/show`} onClick={(e) => e.stopPropagation()}>
                      {r.name}
                    </RouterLink>
                  </TableCell>
                  <TableCell>
                    <RoomStatusChip status={r.status} />
                  </TableCell>
                  <TableCell sx={noWrap}>{formatDateTime(r.createdAt)}</TableCell>
                  <TableCell sx={noWrap}>{formatDateTime(r.updatedAt)}</TableCell>
                </TableRow>
              ))}
              {data?.items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={4}>{translate('rooms.list.empty')}</TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
        {isPending && <Loading />}
        <TablePagination
          component="div"
          count={data?.total ?? 0}
          page={params.page - 1}
          rowsPerPage={params.perPage}
          rowsPerPageOptions={[10, 25, 50, 100]}
          {...paginationLabels(translate)}
          onPageChange={(_e, page) => setParams((p) => ({ ...p, page: page + 1 }))}
          onRowsPerPageChange={(e) => setParams((p) => ({ ...p, perPage: Number(e.target.value), page: 1 }))}
        />
      </Card>
      {titlesOpen && me.municipality && <DefaultTitlesDialog municipalityId={me.municipality.id} onClose={() => setTitlesOpen(false)} />}
    </Stack>
  );
};

const MyRooms = () => {
  const translate = useTranslate();
  const [q, setQ] = useState('');
  const [perPage, setPerPage] = useState(20);
  const params: RoomListParams = { q, page: 1, perPage };
  const { data, isPending, error } = useApiQuery(keys.list(params), (dp) => dp.rooms(params));
  const rooms = data?.items ?? [];

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4, maxWidth: 960 }}>
      <Title title="rooms.mine.title" />
      <SearchBox label={translate('rooms.list.search')} onSearch={setQ} />
      {!!error && <Alert severity="error">{(error as Error).message}</Alert>}
      {isPending && <Loading />}
      {!isPending && rooms.length === 0 && <Typography sx={{ p: 2 }}>{translate(q ? 'rooms.list.empty' : 'rooms.mine.empty')}</Typography>}
      <Stack spacing={1.5} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={translate('rooms.mine.title')}>
        {rooms.map((r) => (
          <Card key={r.id} component="li" variant="outlined" data-testid="my-room">
            <CardActionArea component={RouterLink} to={`/rooms/${r.id}/show`} sx={{ minHeight: 72 }}>
              <CardContent>
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                  <Box sx={{ flex: 1, minWidth: 0 }}>
                    <Typography variant="h6" component="h2" sx={{ fontWeight: 700 }}>
                      {r.name}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      {translate('rooms.mine.updated', { at: formatDateTime(r.updatedAt) })}
                    </Typography>
                  </Box>
                  <Stack spacing={0.5} sx={{ alignItems: 'flex-end' }}>
                    {r.unreadCount > 0 ? (
                      <Chip color="error" label={translate('rooms.mine.unread', { count: r.unreadCount })} data-testid="unread" />
                    ) : (
                      <Typography variant="body2" color="text.secondary">
                        {translate('rooms.mine.no_unread')}
                      </Typography>
                    )}
                    {r.status !== 'ACTIVE' && <RoomStatusChip status={r.status} />}
                  </Stack>
                  <ChevronRightIcon color="action" />
                </Stack>
              </CardContent>
            </CardActionArea>
          </Card>
        ))}
      </Stack>
      {data && rooms.length < data.total && (
        <Button variant="outlined" size="large" onClick={() => setPerPage((n) => n + 20)} sx={{ alignSelf: 'center', minHeight: 48, minWidth: 200 }}>
          {translate('rooms.common.load_more')}
        </Button>
      )}
    </Stack>
  );
};

export const RoomList = () => {
  const { identity } = useGetIdentity();
  if (!identity) return <Loading />;
  const me = identity as unknown as Me;
  return me.role === 'CITY' ? <CityRoomList me={me} /> : <MyRooms />;
};
