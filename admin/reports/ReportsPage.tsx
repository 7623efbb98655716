// 集計 (CITY: its municipality; VENDOR: all, counts only; office admin: its office): the roster
// headcount, rooms, applications and activity, each as charts and tables with a CSV download.
import { useState, type ReactNode } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Spinner } from '../common/Spinner';
import { Alert, Box, Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, TextField, Typography } from '@mui/material';
import { keepPreviousData } from '@tanstack/react-query';
import DownloadIcon from '@mui/icons-material/Download';
import { useApiQuery, usePanelDataProvider } from '../graphql/useApi';
import { paginationLabels } from '../common/paginationLabels';
import { isApiError } from '../graphql/errors';
import { muiTableSx, noWrap, textCell } from '../common/tableStyles';
import { ColumnChart, JobTypeBars, RoomMonthsChart, StackedBars, palette } from './charts';
import {
  activityTable,
  applicationCountsTable,
  downloadTable,
  durationsTable,
  membersTable,
  roomMonthsTable,
  roomsPerOfficeTable,
  rosterPageRows,
  rosterTable,
  type ReportTable,
} from './reportTables';

const numberCell = { fontVariantNumeric: 'tabular-nums', ...noWrap } as const;

/** The reports' query keys (home's figures are a read of their own: the headcounts and months alone). */
export const reportKeys = {
  roster: ['reports', 'roster'],
  home: ['reports', 'home'],
  rooms: ['reports', 'rooms'],
  applications: ['reports', 'applications'],
  activity: ['reports', 'activity'],
} as const;

const stateColors: Record<string, string> = {
  SUBMITTED: '#1976d2',
  RETURNED: '#ef6c00',
  FORWARDED: '#8e24aa',
  COMPLETED: '#2e7d32',
  REJECTED: '#c62828',
  WITHDRAWN: '#9e9e9e',
};

/** `everything`: the rows of the whole table when the page shows only a part of it (fetched on the click). */
export const CsvButton = <R,>({ table, everything }: { table: ReportTable<R>; everything?: () => Promise<R[]> }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (!everything) return downloadTable(table, translate);
    setBusy(true);
    try {
      downloadTable({ ...table, rows: await everything() }, translate);
    } catch (error) {
      // the whole table is read on the click: say why there is no file (the API's message, in the user's language)
      notify(isApiError(error) ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" startIcon={<DownloadIcon />} onClick={download} disabled={busy || table.rows.length === 0} data-testid={`csv-${table.id}`}>
      {translate('app.reports.csv')}
    </Button>
  );
};

export const DataTableView = <R,>({ table, title, everything, footer }: { table: ReportTable<R>; title?: string; everything?: () => Promise<R[]>; footer?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 0.5 }}>
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          {translate(title ?? `app.reports.${table.id}`)}
        </Typography>
        <CsvButton table={table} everything={everything} />
      </Stack>
      {table.rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.reports.empty')}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto', maxHeight: 420 }}>
          <Table size="small" stickyHeader data-testid={`table-${table.id}`} sx={muiTableSx}>
            <TableHead>
              <TableRow>
                {table.columns.map((c) => (
                  <TableCell key={c.key} align={c.numeric ? 'right' : 'left'}>
                    {translate(`app.reports.col.${c.key}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {table.rows.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: aggregate rows with no id, read-only and never reordered (redrawn from each answer)
                <TableRow key={i}>
                  {table.columns.map((c) => (
                    <TableCell key={c.key} align={c.numeric ? 'right' : 'left'} sx={c.numeric ? numberCell : textCell}>
                      {c.value(row)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {footer}
    </Box>
  );
};

const Section = ({ title, help, children, testId }: { title: string; help: string; children: ReactNode; testId: string }) => {
  const translate = useTranslate();
  return (
    <Card component="section" data-testid={testId}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate(title)}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate(help)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const Loading = ({ error }: { error: unknown }) => (error ? <Alert severity="error">{isApiError(error) ? error.message : String(error)}</Alert> : <Spinner size={24} />);

const TwoColumns = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 3, alignItems: 'start' }}>{children}</Box>
);

/** Offices per page of the tables by office (roster, activity). */
const OFFICES_PER_PAGE = 25;

/** The pages of a table by office, when there is more than one. */
const OfficePages = ({ total, page, onPage, testId }: { total: number; page: number; onPage: (page: number) => void; testId: string }) => {
  const translate = useTranslate();
  if (total <= OFFICES_PER_PAGE) return null;
  return (
    <TablePagination
      component="div"
      count={total}
      page={page - 1}
      rowsPerPage={OFFICES_PER_PAGE}
      rowsPerPageOptions={[]}
      {...paginationLabels(translate)}
      onPageChange={(_e, p) => onPage(p + 1)}
      data-testid={testId}
    />
  );
};

/**
 * The roster by office, a page of offices at a time (rosterOffices: its cost does not grow with the
 * municipality); the CSV holds the whole table, read when it is asked for.
 */
const RosterOfficesTable = () => {
  const translate = useTranslate();
  const dataProvider = usePanelDataProvider();
  const [page, setPage] = useState(1);
  const { data, error } = useApiQuery([...reportKeys.roster, 'offices', page], (dp) => dp.rosterOffices({ page, perPage: OFFICES_PER_PAGE }), {
    placeholderData: keepPreviousData, // the table stays while the next page loads
  });
  if (!data) return <Loading error={error} />;
  return (
    <DataTableView
      title="app.reports.by_office"
      table={rosterTable(rosterPageRows(data), translate)}
      everything={() => dataProvider.rosterExport()}
      footer={<OfficePages total={data.total} page={page} onPage={setPage} testId="roster-pages" />}
    />
  );
};

const RosterSection = () => {
  const translate = useTranslate();
  const { data: r, error } = useApiQuery(reportKeys.roster, (dp) => dp.rosterReport());
  return (
    <Section title="app.reports.roster" help="app.reports.roster_help" testId="report-roster">
      {!r ? (
        <Loading error={error} />
      ) : (
        <Stack spacing={3}>
          <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap' }} useFlexGap>
            <Box>
              <Typography variant="caption" color="text.secondary">
                {translate('app.reports.active_headcount')}
              </Typography>
              <Typography variant="h4" data-testid="active-headcount">
                {r.activeHeadcount}
              </Typography>
            </Box>
            {r.totals.map((s) => (
              <Box key={s.status}>
                <Typography variant="caption" color="text.secondary">
                  {translate(`enums.UserStatus.${s.status}`)}
                </Typography>
                <Typography variant="h5">{s.count}</Typography>
              </Box>
            ))}
          </Stack>
          <Box sx={{ maxWidth: 720 }}>
            <Typography variant="subtitle2" sx={{ mb: 1 }}>
              {translate('app.reports.by_job_type')}
            </Typography>
            <JobTypeBars rows={r.activeByJobType} />
          </Box>
          <RosterOfficesTable />
        </Stack>
      )}
    </Section>
  );
};

const RoomsSection = () => {
  const { data: r, error } = useApiQuery(reportKeys.rooms, (dp) => dp.roomsReport());
  const months = r?.months.slice(-12) ?? [];
  return (
    <Section title="app.reports.rooms" help="app.reports.rooms_help" testId="report-rooms">
      {!r ? (
        <Loading error={error} />
      ) : (
        <Stack spacing={3}>
          <RoomMonthsChart months={months} />
          <DataTableView table={roomMonthsTable(r)} />
          <TwoColumns>
            <DataTableView table={membersTable(r)} />
            <DataTableView table={roomsPerOfficeTable(r)} />
          </TwoColumns>
        </Stack>
      )}
    </Section>
  );
};

const ApplicationsSection = () => {
  const translate = useTranslate();
  const { data: r, error } = useApiQuery(reportKeys.applications, (dp) => dp.applicationsReport());
  const byType = new Map<string, Record<string, number>>();
  for (const c of r?.counts ?? []) byType.set(c.type, { ...(byType.get(c.type) ?? {}), [c.state]: c.count });
  return (
    <Section title="app.reports.applications" help="app.reports.applications_help" testId="report-applications">
      {!r ? (
        <Loading error={error} />
      ) : (
        <Stack spacing={3}>
          <StackedBars
            label={translate('app.reports.chart_label', { title: translate('app.reports.applications') })}
            rows={[...byType].map(([type, parts]) => ({ label: translate(`enums.ApplicationType.${type}`), parts }))}
            keys={Object.keys(stateColors).map((s) => ({ key: s, name: translate(`enums.ApplicationState.${s}`), color: stateColors[s] }))}
          />
          <TwoColumns>
            <DataTableView table={applicationCountsTable(r, translate)} />
            <DataTableView table={durationsTable(r, translate)} />
          </TwoColumns>
        </Stack>
      )}
    </Section>
  );
};

/** A month's posts by office, a page of offices at a time; the CSV holds every month and office. */
const ActivityOfficesTable = ({ months }: { months: string[] }) => {
  const translate = useTranslate();
  const dataProvider = usePanelDataProvider();
  const [month, setMonth] = useState(months[months.length - 1]);
  const [page, setPage] = useState(1);
  const { data, error } = useApiQuery([...reportKeys.activity, 'offices', month, page], (dp) => dp.activityOffices(month, { page, perPage: OFFICES_PER_PAGE }), {
    placeholderData: keepPreviousData,
  });
  return (
    <Stack spacing={1}>
      <TextField
        select
        size="small"
        label={translate('app.reports.col.month')}
        value={month}
        onChange={(e) => {
          setMonth(e.target.value);
          setPage(1);
        }}
        sx={{ width: 160 }}
        slotProps={{ select: { native: true } }}
        data-testid="activity-month"
      >
        {[...months].reverse().map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </TextField>
      {!data ? (
        <Loading error={error} />
      ) : (
        <DataTableView
          title="app.reports.by_office"
          table={activityTable(data.items)}
          everything={() => dataProvider.activityReport()}
          footer={<OfficePages total={data.total} page={page} onPage={setPage} testId="activity-pages" />}
        />
      )}
    </Stack>
  );
};

const ActivitySection = () => {
  const translate = useTranslate();
  const { data: months, error } = useApiQuery([...reportKeys.activity, 'months'], (dp) => dp.activityMonths());
  const last = months?.slice(-12) ?? [];
  return (
    <Section title="app.reports.activity" help="app.reports.activity_help" testId="report-activity">
      {!months ? (
        <Loading error={error} />
      ) : months.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.reports.empty')}
        </Typography>
      ) : (
        <Stack spacing={3}>
          <ColumnChart
            label={translate('app.reports.chart_label', { title: translate('app.reports.activity') })}
            categories={last.map((m) => m.month)}
            series={[
              { name: translate('app.reports.col.notes'), values: last.map((m) => m.posts - m.careReports), color: palette[0] },
              { name: translate('app.reports.col.care_reports'), values: last.map((m) => m.careReports), color: palette[1] },
            ]}
          />
          <ActivityOfficesTable months={months.map((m) => m.month)} />
        </Stack>
      )}
    </Section>
  );
};

export const ReportsPage = () => (
  <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
    <Title title="app.reports.title" />
    <RosterSection />
    <RoomsSection />
    <ApplicationsSection />
    <ActivitySection />
  </Stack>
);
