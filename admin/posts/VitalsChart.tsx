// バイタルの推移: one small SVG line chart per measure (blood pressure with its two lines, pulse,
// temperature, SpO2, weight) over the room's care reports (roomVitals, oldest first). Written by
// hand: a few lines of SVG are lighter than a chart library, and print and scale on a tablet.
import { useTranslate } from 'react-admin';
import { Box, Card, CardContent, Stack, Typography, useTheme } from '@mui/material';
import { roomApi } from '../rooms/api';
import { keys, useApiQuery } from '../rooms/hooks';
import { Loading } from '../rooms/ui';
import { formatDateTime } from '../patients/format';
import type { Vitals, VitalsPoint } from '../rooms/types';
import { formatVital } from './vitals';

interface Series {
  key: keyof Vitals;
  label: string;
  color: string;
}

interface ChartDef {
  title: string;
  series: Series[];
}

const W = 640;
const H = 200;
const PAD = { left: 44, right: 16, top: 12, bottom: 28 };

const tokyoDay = (iso: string) => new Date(iso).toLocaleDateString('ja-JP', { timeZone: 'Asia/Tokyo', month: 'numeric', day: 'numeric' });

/** Round tick values covering [min, max]. */
function ticks(min: number, max: number, count = 4): number[] {
  const span = max - min || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(Number(v.toFixed(6)));
  return out;
}

export const LineChart = ({ def, points }: { def: ChartDef; points: VitalsPoint[] }) => {
  const translate = useTranslate();
  const rows = points.filter((p) => def.series.some((s) => p.vitals[s.key] != null));
  if (rows.length === 0) return null;
  const values = rows.flatMap((p) => def.series.map((s) => p.vitals[s.key]).filter((v): v is number => v != null));
  let min = Math.min(...values);
  let max = Math.max(...values);
  const margin = (max - min) * 0.15 || Math.max(1, Math.abs(max) * 0.05);
  min -= margin;
  max += margin;
  const times = rows.map((p) => new Date(p.createdAt).getTime());
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (t: number) => PAD.left + (t1 === t0 ? (W - PAD.left - PAD.right) / 2 : ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + (1 - (v - min) / (max - min)) * (H - PAD.top - PAD.bottom);
  const yTicks = ticks(min, max);
  // x labels: first, last and a few between, without overlapping
  const labelIdx = [...new Set([0, Math.round((rows.length - 1) / 3), Math.round(((rows.length - 1) * 2) / 3), rows.length - 1])];
  const latest = rows[rows.length - 1];

  return (
    <Card variant="outlined">
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
        <Box component="svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${translate(def.title)}: ${translate('rooms.vitals.points', { count: rows.length })}`} sx={{ width: '100%', height: 'auto', display: 'block' }}>
          {yTicks.map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e0e0e0" />
              <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill="#666">
                {v}
              </text>
            </g>
          ))}
          {labelIdx.map((i) => (
            <text key={i} x={x(times[i])} y={H - 8} textAnchor="middle" fontSize="12" fill="#666">
              {tokyoDay(rows[i].createdAt)}
            </text>
          ))}
          {def.series.map((s) => {
            const pts = rows.map((p, i) => ({ p, t: times[i], v: p.vitals[s.key] })).filter((d): d is { p: VitalsPoint; t: number; v: number } => d.v != null);
            return (
              <g key={s.key}>
                <polyline fill="none" stroke={s.color} strokeWidth="2.5" points={pts.map((d) => `${x(d.t)},${y(d.v)}`).join(' ')} />
                {pts.map((d) => (
                  <circle key={d.p.id} cx={x(d.t)} cy={y(d.v)} r="4.5" fill={s.color}>
                    <title>{`${formatDateTime(d.p.createdAt)} ${translate(s.label)} ${formatVital(d.v)}${d.p.title ? `（${d.p.title}）` : ''}`}</title>
                  </circle>
                ))}
              </g>
            );
          })}
        </Box>
        {def.series.length > 1 && (
          <Stack direction="row" spacing={2} sx={{ justifyContent: 'center' }}>
            {def.series.map((s) => (
              <Stack key={s.key} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                <Box sx={{ width: 14, height: 4, bgcolor: s.color, borderRadius: 1 }} />
                <Typography variant="caption">{translate(s.label)}</Typography>
              </Stack>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

export const VitalsChart = ({ roomId }: { roomId: string }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const { data, isPending } = useApiQuery(keys.vitals(roomId), () => roomApi.vitals(roomId));
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
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
      {charts.map((c) => (
        <LineChart key={c.title} def={c} points={points} />
      ))}
    </Box>
  );
};
