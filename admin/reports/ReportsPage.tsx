// 集計 (CITY: its municipality; VENDOR: all, counts only; office admin: its office): the roster
// headcount, rooms, applications and activity, each as charts and tables with a CSV download.
import type { ReactNode } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useApiQuery } from '../graphql/useApi';
import { isApiError } from '../graphql/errors';
import { BarList, ColumnChart, JobTypeBars, RoomMonthsChart, StackedBars, palette } from './charts';
import {
  activityTable,
  applicationCountsTable,
  downloadTable,
  durationsTable,
  membersTable,
  roomMonthsTable,
  roomsPerOfficeTable,
  rosterTable,
  type ActivityRow,
  type ReportTable,
} from './reportTables';

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

export const CsvButton = <R,>({ table }: { table: ReportTable<R> }) => {
  const translate = useTranslate();
  return (
    <Button size="small" startIcon={<DownloadIcon />} onClick={() => downloadTable(table, translate)} disabled={table.rows.length === 0} data-testid={`csv-${table.id}`}>
      {translate('app.reports.csv')}
    </Button>
  );
};

export const DataTableView = <R,>({ table, title }: { table: ReportTable<R>; title?: string }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 0.5 }}>
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          {translate(title ?? `app.reports.${table.id}`)}
        </Typography>
        <CsvButton table={table} />
      </Stack>
      {table.rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.reports.empty')}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto', maxHeight: 420 }}>
          <Table size="small" stickyHeader data-testid={`table-${table.id}`}>
            <TableHead>
              <TableRow>
                {table.columns.map((c) => (
                  <TableCell key={c.key} align={c.numeric ? 'right' : 'left'} sx={{ whiteSpace: 'nowrap' }}>
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
                    <TableCell key={c.key} align={c.numeric ? 'right' : 'left'} sx={c.numeric ? { fontVariantNumeric: 'tabular-nums' } : undefined}>
                      {c.value(row)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
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

const Loading = ({ error }: { error: unknown }) => (error ? <Alert severity="error">{isApiError(error) ? error.message : String(error)}</Alert> : <CircularProgress size={24} />);

const TwoColumns = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 3, alignItems: 'start' }}>{children}</Box>
);

/** Sums of `value` by `key` over rows. */
export function sumBy<R>(rows: R[], key: (r: R) => string, value: (r: R) => number): { label: string; value: number }[] {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + value(r));
  return [...m].map(([label, v]) => ({ label, value: v }));
}

const RosterSection = () => {
  const translate = useTranslate();
  const { data: r, error } = useApiQuery(reportKeys.roster, (dp) => dp.rosterReport());
  const active = r?.rows.filter((x) => x.status === 'ACTIVE') ?? [];
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
          <TwoColumns>
            <Box>
              <Typography variant="subtitle2" sx={{ mb: 1 }}>
                {translate('app.reports.by_job_type')}
              </Typography>
              <JobTypeBars rows={r.activeByJobType} />
            </Box>
            <Box>
              <Typography variant="subtitle2" sx={{ mb: 1 }}>
                {translate('app.reports.by_office')}
              </Typography>
              <BarList
                color={palette[2]}
                label={translate('app.reports.chart_label', { title: translate('app.reports.by_office') })}
                items={sumBy(
                  active,
                  (x) => x.officeName ?? translate('app.reports.no_office'),
                  (x) => x.count,
                )}
              />
            </Box>
          </TwoColumns>
          <DataTableView table={rosterTable(r, translate)} />
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

const ActivitySection = () => {
  const translate = useTranslate();
  const { data: rows, error } = useApiQuery(reportKeys.activity, (dp) => dp.activityReport());
  const months = [...new Set((rows ?? []).map((x) => x.month))].sort().slice(-12);
  const total = (m: string, f: (x: ActivityRow) => number) => (rows ?? []).filter((x) => x.month === m).reduce((n, x) => n + f(x), 0);
  return (
    <Section title="app.reports.activity" help="app.reports.activity_help" testId="report-activity">
      {!rows ? (
        <Loading error={error} />
      ) : (
        <Stack spacing={3}>
          {months.length > 0 && (
            <ColumnChart
              label={translate('app.reports.chart_label', { title: translate('app.reports.activity') })}
              categories={months}
              series={[
                { name: translate('app.reports.col.notes'), values: months.map((m) => total(m, (x) => x.posts - x.careReports)), color: palette[0] },
                { name: translate('app.reports.col.care_reports'), values: months.map((m) => total(m, (x) => x.careReports)), color: palette[1] },
              ]}
            />
          )}
          <DataTableView table={activityTable(rows)} />
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
