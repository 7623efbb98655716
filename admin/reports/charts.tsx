// The reports' charts, on MUI X Charts (the library the vitals chart uses): columns per month
// with an optional line, horizontal bars for a ranking, stacked bars for parts of a whole. Each is
// a figure named by its label; the tables next to them hold the same figures as text. This file
// is only imported by the reports' lazy screens, so the library stays out of the sign-in page.
import { Box } from '@mui/material';
import { BarChart, BarPlot } from '@mui/x-charts/BarChart';
import { ChartsAxis } from '@mui/x-charts/ChartsAxis';
import { ChartsAxisHighlight } from '@mui/x-charts/ChartsAxisHighlight';
import { ChartsDataProvider } from '@mui/x-charts/ChartsDataProvider';
import { ChartsGrid } from '@mui/x-charts/ChartsGrid';
import { ChartsLegend } from '@mui/x-charts/ChartsLegend';
import { ChartsSurface } from '@mui/x-charts/ChartsSurface';
import { ChartsTooltip } from '@mui/x-charts/ChartsTooltip';
import { ChartsWrapper } from '@mui/x-charts/ChartsWrapper';
import { LinePlot, MarkPlot } from '@mui/x-charts/LineChart';
import type { AllSeriesType } from '@mui/x-charts/models';
import { useTranslate } from 'react-admin';

export const palette = ['#1976d2', '#ef6c00', '#2e7d32', '#8e24aa', '#c62828', '#00838f', '#6d4c41', '#546e7a'];

export interface Series {
  name: string;
  values: number[];
  color?: string;
  /** drawn as a line over the columns */
  line?: boolean;
}

/** Counts: whole-number ticks only (a "2.5 rooms" tick reads as a bug). */
const countAxis = { min: 0, tickMinStep: 1 };

/** A chart named for screen readers; its figures are in the table beside it. */
const Figure = ({ label, minWidth, maxWidth, children }: { label: string; minWidth?: number; maxWidth?: number; children: React.ReactNode }) => (
  // many categories scroll sideways inside the card rather than squeeze or widen the page; few
  // categories keep their columns narrow rather than stretch one column across the card
  <Box role="figure" aria-label={label} data-testid="report-chart" sx={{ overflowX: 'auto' }}>
    <Box sx={{ minWidth, maxWidth }}>{children}</Box>
  </Box>
);

/** Grouped columns per category, with `line` series as lines (e.g. opened/closed per month, open at month end). */
export const ColumnChart = ({ categories, series, label, height = 220 }: { categories: string[]; series: Series[]; label: string; height?: number }) => {
  // nothing to draw: the table beside the chart says there is no data, in the user's language
  if (categories.length === 0 || !series.some((s) => s.values.some((v) => v > 0))) return null;
  const columns = series.filter((s) => !s.line).length;
  const chartSeries: AllSeriesType[] = series.map((s, i) => ({
    type: s.line ? 'line' : 'bar',
    id: s.name,
    label: s.name,
    data: s.values,
    color: s.color ?? palette[i % palette.length],
    ...(s.line ? { showMark: true } : {}),
  }));
  return (
    <Figure label={label} minWidth={categories.length * Math.max(36, columns * 16 + 16)} maxWidth={Math.max(360, categories.length * 120)}>
      <ChartsDataProvider series={chartSeries} xAxis={[{ scaleType: 'band', data: categories, height: 28 }]} yAxis={[{ ...countAxis, width: 36 }]} height={height}>
        <ChartsWrapper legendPosition={{ vertical: 'bottom', horizontal: 'start' }}>
          <ChartsLegend />
          <ChartsSurface>
            <ChartsGrid horizontal />
            <BarPlot />
            <ChartsAxisHighlight x="band" />
            <LinePlot />
            <ChartsAxis />
            <MarkPlot />
          </ChartsSurface>
          <ChartsTooltip />
        </ChartsWrapper>
      </ChartsDataProvider>
    </Figure>
  );
};

/** Height of a horizontal bar chart: a row per bar and room for the value axis. */
const rowsHeight = (rows: number) => Math.max(rows, 1) * 36 + 48;

/** Horizontal bars, largest first (e.g. accounts by job type). */
export const BarList = ({ items, label, color = palette[0], max: limit = 12 }: { items: { label: string; value: number }[]; label: string; color?: string; max?: number }) => {
  const sorted = [...items].sort((a, b) => b.value - a.value).slice(0, limit);
  if (sorted.length === 0) return null;
  return (
    <Figure label={label}>
      <BarChart
        layout="horizontal"
        height={rowsHeight(sorted.length)}
        yAxis={[{ scaleType: 'band', data: sorted.map((i) => i.label), width: 110 }]}
        xAxis={[countAxis]}
        series={[{ data: sorted.map((i) => i.value), color, label, barLabel: 'value' }]}
        hideLegend
        grid={{ vertical: true }}
      />
    </Figure>
  );
};

/** One bar per row split into parts (e.g. applications of a type by state). */
export const StackedBars = ({ rows, keys, label }: { rows: { label: string; parts: Record<string, number> }[]; keys: { key: string; name: string; color: string }[]; label: string }) => {
  // only the parts that occur: an empty legend entry says nothing
  const present = keys.filter((k) => rows.some((r) => (r.parts[k.key] ?? 0) > 0));
  if (present.length === 0) return null;
  return (
    <Figure label={label}>
      <BarChart
        layout="horizontal"
        height={rowsHeight(rows.length) + 32}
        yAxis={[{ scaleType: 'band', data: rows.map((r) => r.label), width: 130 }]}
        xAxis={[countAxis]}
        series={present.map((k) => ({ id: k.key, label: k.name, color: k.color, stack: 'total', data: rows.map((r) => r.parts[k.key] ?? 0) }))}
        slotProps={{ legend: { position: { vertical: 'bottom', horizontal: 'start' } } }}
        grid={{ vertical: true }}
      />
    </Figure>
  );
};

/** Active accounts by job type (the reports page and the home page's key figures). */
export const JobTypeBars = ({ rows, max }: { rows: { jobType: string; count: number }[]; max?: number }) => {
  const translate = useTranslate();
  const byJob = new Map<string, number>();
  for (const r of rows) byJob.set(r.jobType, (byJob.get(r.jobType) ?? 0) + r.count);
  return (
    <BarList
      label={translate('app.reports.chart_label', { title: translate('app.reports.by_job_type') })}
      items={[...byJob].map(([jobType, value]) => ({ label: translate(`enums.JobType.${jobType}`), value }))}
      max={max}
    />
  );
};

/** Rooms opened and closed per month, with the rooms open at each month's end (the reports page and home). */
export const RoomMonthsChart = ({ months, height }: { months: { month: string; opened: number; closed: number; openAtEnd: number }[]; height?: number }) => {
  const translate = useTranslate();
  return (
    <ColumnChart
      height={height}
      label={translate('app.reports.chart_label', { title: translate('app.reports.months') })}
      categories={months.map((m) => m.month)}
      series={[
        { name: translate('app.reports.col.opened'), values: months.map((m) => m.opened) },
        { name: translate('app.reports.col.closed'), values: months.map((m) => m.closed) },
        { name: translate('app.reports.col.open_at_end'), values: months.map((m) => m.openAtEnd), line: true, color: palette[2] },
      ]}
    />
  );
};
