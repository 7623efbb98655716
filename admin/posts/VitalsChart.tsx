// バイタルの推移: one chart per measure (blood pressure with its two lines, pulse, temperature,
// SpO2, weight) over the room's care reports (roomVitals, oldest first), drawn with MUI X Charts.
// What a nurse needs to read it at a glance: a time axis (two readings on one day are two points at
// their times), the same fixed range for every patient (not axes stretched to the data, which make
// 36.9 ℃ look like a fever), and the usual range shaded.
import { useTranslate } from 'react-admin';
import { Box, Card, CardContent, Stack, Typography, useTheme } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { useDrawingArea, useYScale } from '@mui/x-charts/hooks';
import { keys } from '../rooms/hooks';
import { useApiQuery } from '../graphql/useApi';
import { Loading } from '../rooms/ui';
import { formatDateTime } from '../patients/format';
import type { Vitals, VitalsPoint } from '../rooms/types';
import { chartRangeOf, formatVital, type VitalChartRange } from './vitals';

interface Series {
  key: keyof Vitals;
  label: string;
  color: string;
}

interface ChartDef {
  title: string;
  series: Series[];
}

const TOKYO = 'Asia/Tokyo';
const DAY_MS = 86_400_000;
const tick = (d: Date, withTime: boolean) => d.toLocaleString('ja-JP', { timeZone: TOKYO, month: 'numeric', day: 'numeric', ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}) });

/** The usual range of a sign, shaded behind its line (drawn in the chart's own scale). */
const UsualBand = ({ from, to, color }: { from: number; to: number; color: string }) => {
  const { left, width } = useDrawingArea();
  const y = useYScale() as (v: number) => number;
  const [top, bottom] = [y(to), y(from)];
  return <rect data-testid="vitals-usual-band" x={left} width={width} y={top} height={Math.max(0, bottom - top)} fill={color} fillOpacity={0.1} pointerEvents="none" />;
};

export const VitalsLineChart = ({ def, points }: { def: ChartDef; points: VitalsPoint[] }) => {
  const translate = useTranslate();
  const rows = points.filter((p) => def.series.some((s) => p.vitals[s.key] != null));
  if (rows.length === 0) return null;
  const dates = rows.map((p) => new Date(p.createdAt));
  const span = dates[dates.length - 1].getTime() - dates[0].getTime();
  const withTime = span < 3 * DAY_MS;
  const values = rows.flatMap((p) => def.series.map((s) => p.vitals[s.key]).filter((v): v is number => v != null));
  const ranges: VitalChartRange[] = def.series.map((s) => chartRangeOf(s.key, values));
  const [min, max] = [Math.min(...ranges.map((r) => r.min)), Math.max(...ranges.map((r) => r.max))];
  const latest = rows[rows.length - 1];
  return (
    <Card variant="outlined" data-testid={`vitals-chart-${def.series[0].key}`}>
      <CardContent sx={{ pb: '8px !important' }}>
        <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between', flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
            {translate(def.title)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            <Box component="span" sx={{ fontWeight: 700, color: 'text.primary', mr: 1 }}>
              {def.series
                .map((s) => latest.vitals[s.key])
                .filter((v): v is number => v != null)
                .map(formatVital)
                .join(' / ')}
            </Box>
            {formatDateTime(latest.createdAt)}
          </Typography>
        </Stack>
        <Box role="img" aria-label={`${translate(def.title)}: ${translate('rooms.vitals.points', { count: rows.length })}`}>
          <LineChart
            height={200}
            margin={{ left: 4, right: 24, top: 12, bottom: 4 }}
            hideLegend={def.series.length === 1}
            xAxis={[
              {
                scaleType: 'time',
                data: dates,
                // a single reading still gets a day's width around it
                min: span === 0 ? new Date(dates[0].getTime() - DAY_MS / 2) : dates[0],
                max: span === 0 ? new Date(dates[0].getTime() + DAY_MS / 2) : dates[dates.length - 1],
                valueFormatter: (d: Date, context) => (context.location === 'tick' ? tick(d, withTime) : formatDateTime(d.toISOString())),
                tickNumber: 4,
                // room for Japanese glyphs, which are taller than the library's default axis height expects
                height: 34,
              },
            ]}
            yAxis={[{ min, max, width: 40 }]}
            series={def.series.map((s) => ({
              id: s.key,
              data: rows.map((p) => p.vitals[s.key] ?? null),
              label: translate(s.label),
              color: s.color,
              connectNulls: true,
              curve: 'linear' as const, // straight lines between readings: no invented values between them
              showMark: true,
              valueFormatter: (v: number | null) => (v == null ? '' : formatVital(v)),
            }))}
          >
            {def.series.map((s, i) => {
              const r = ranges[i];
              return r.usual ? <UsualBand key={s.key} from={r.usual[0]} to={r.usual[1]} color={s.color} /> : null;
            })}
          </LineChart>
        </Box>
        {ranges.some((r) => r.usual) && (
          <Typography variant="caption" color="text.secondary">
            {translate('rooms.vitals.normal')}:{' '}
            {ranges
              .map((r) => (r.usual ? `${r.usual[0]}–${r.usual[1]}` : null))
              .filter(Boolean)
              .join(' / ')}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};

export const VitalsChart = ({ roomId }: { roomId: string }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const { data, isPending } = useApiQuery(keys.vitals(roomId), (dp) => dp.roomVitals(roomId));
  if (isPending) return <Loading />;
  const points = data ?? [];
  if (points.length === 0) return <Typography sx={{ p: 2 }}>{translate('rooms.vitals.empty')}</Typography>;
  const charts: ChartDef[] = [
    {
      title: 'rooms.vitals.blood_pressure',
      series: [
        { key: 'systolic', label: 'rooms.vitals.systolic', color: theme.palette.error.main },
        { key: 'diastolic', label: 'rooms.vitals.diastolic', color: theme.palette.primary.main },
      ],
    },
    { title: 'rooms.vitals.pulse', series: [{ key: 'pulse', label: 'rooms.post.pulse', color: theme.palette.secondary.main }] },
    { title: 'rooms.vitals.temperature', series: [{ key: 'temperature', label: 'rooms.post.temperature', color: theme.palette.warning.main }] },
    { title: 'rooms.vitals.spo2', series: [{ key: 'spo2', label: 'rooms.post.spo2', color: theme.palette.info.main }] },
    { title: 'rooms.vitals.weight', series: [{ key: 'weight', label: 'rooms.post.weight', color: theme.palette.success.main }] },
  ];
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 2 }}>
      {charts.map((c) => (
        <VitalsLineChart key={c.title} def={c} points={points} />
      ))}
    </Box>
  );
};
