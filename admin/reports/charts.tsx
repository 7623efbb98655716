// Small charts drawn as SVG and CSS, no chart library: columns per category (months) with an
// optional line, horizontal bars for a ranking, and stacked bars for parts of a whole. Each has a
// text alternative (role="img" + aria-label; the tables next to them hold the figures).
import { useEffect, useRef, useState } from 'react';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export const palette = ['#1976d2', '#ef6c00', '#2e7d32', '#8e24aa', '#c62828', '#00838f', '#6d4c41', '#546e7a'];

export interface Series {
  name: string;
  values: number[];
  color?: string;
  /** drawn as a line over the columns */
  line?: boolean;
}

const niceMax = (max: number) => {
  if (max <= 5) return 5;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
};

const Legend = ({ items }: { items: { name: string; color: string; line?: boolean }[] }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 0.5 }}>
    {items.map((s) => (
      <Box key={s.name} sx={{ display: 'flex', alignItems: 'center', gap: 0.5, typography: 'caption' }}>
        <Box sx={{ width: 12, height: s.line ? 3 : 12, bgcolor: s.color, borderRadius: s.line ? 0 : 0.5 }} />
        {s.name}
      </Box>
    ))}
  </Box>
);

/** The width of a box, followed as it resizes (charts are drawn at their real size: no stretched text). */
function useBoxWidth(initial = 320) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(Math.floor(el.getBoundingClientRect().width), 240));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** Grouped columns per category, with `line` series as lines (e.g. opened/closed per month, open at month end). */
export const ColumnChart = ({ categories, series, label, height = 220 }: { categories: string[]; series: Series[]; label: string; height?: number }) => {
  const box = useBoxWidth();
  const colored = series.map((s, i) => ({ ...s, color: s.color ?? palette[i % palette.length] }));
  const columns = colored.filter((s) => !s.line);
  const lines = colored.filter((s) => s.line);
  const max = niceMax(Math.max(1, ...colored.flatMap((s) => s.values)));
  // the box's width; many categories scroll sideways rather than squeeze
  const width = Math.max(box.width, categories.length * Math.max(36, columns.length * 16 + 16));
  const left = 32;
  const bottom = 28;
  const top = 10;
  const plotH = height - top - bottom;
  const band = (width - left - 8) / Math.max(categories.length, 1);
  const barW = Math.min(28, (band - 8) / Math.max(columns.length, 1));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max];
  return (
    <Box>
      <Box ref={box.ref} sx={{ overflowX: 'auto' }}>
        <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
          <title>{label}</title>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={left} x2={width - 4} y1={y(t)} y2={y(t)} stroke="#e0e0e0" />
              <text x={left - 4} y={y(t) + 4} fontSize="10" textAnchor="end" fill="#616161">
                {Number.isInteger(t) ? t : t.toFixed(1)}
              </text>
            </g>
          ))}
          {categories.map((c, i) => {
            const x0 = left + i * band + (band - barW * columns.length) / 2;
            return (
              <g key={c}>
                {columns.map((s, j) => {
                  const v = s.values[i] ?? 0;
                  return (
                    <rect key={s.name} x={x0 + j * barW} y={y(v)} width={Math.max(barW - 2, 2)} height={Math.max(top + plotH - y(v), 0)} fill={s.color} rx="2">
                      <title>{`${c} ${s.name}: ${v}`}</title>
                    </rect>
                  );
                })}
                <text x={left + i * band + band / 2} y={height - 10} fontSize="10" textAnchor="middle" fill="#424242">
                  {c}
                </text>
              </g>
            );
          })}
          {lines.map((s) => (
            <g key={s.name}>
              <polyline
                fill="none"
                stroke={s.color}
                strokeWidth="2"
                points={s.values.map((v, i) => `${left + i * band + band / 2},${y(v)}`).join(' ')}
              />
              {s.values.map((v, i) => (
                <circle key={i} cx={left + i * band + band / 2} cy={y(v)} r="3" fill={s.color}>
                  <title>{`${categories[i]} ${s.name}: ${v}`}</title>
                </circle>
              ))}
            </g>
          ))}
        </svg>
      </Box>
      <Legend items={colored} />
    </Box>
  );
};

/** Horizontal bars, largest first (e.g. accounts by job type). */
export const BarList = ({ items, label, color = palette[0], max: limit = 12 }: { items: { label: string; value: number }[]; label: string; color?: string; max?: number }) => {
  const sorted = [...items].sort((a, b) => b.value - a.value).slice(0, limit);
  const max = Math.max(1, ...sorted.map((i) => i.value));
  return (
    <Box role="img" aria-label={label} sx={{ display: 'grid', gridTemplateColumns: 'minmax(80px, max-content) 1fr auto', columnGap: 1, rowGap: 0.5, alignItems: 'center' }}>
      {sorted.map((i) => (
        <Box key={i.label} sx={{ display: 'contents' }}>
          <Typography variant="caption" noWrap title={i.label} sx={{ maxWidth: 220 }}>
            {i.label}
          </Typography>
          <Box sx={{ bgcolor: 'grey.100', borderRadius: 0.5, height: 14 }}>
            <Box sx={{ width: `${(i.value / max) * 100}%`, bgcolor: color, height: '100%', borderRadius: 0.5, minWidth: i.value > 0 ? 2 : 0 }} />
          </Box>
          <Typography variant="caption" sx={{ fontVariantNumeric: 'tabular-nums', textAlign: 'right' }}>
            {i.value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

/** One bar per row split into parts (e.g. applications of a type by state). */
export const StackedBars = ({ rows, keys, label }: { rows: { label: string; parts: Record<string, number> }[]; keys: { key: string; name: string; color: string }[]; label: string }) => {
  const max = Math.max(1, ...rows.map((r) => Object.values(r.parts).reduce((a, b) => a + b, 0)));
  return (
    <Box role="img" aria-label={label}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(80px, max-content) 1fr auto', columnGap: 1, rowGap: 0.5, alignItems: 'center' }}>
        {rows.map((r) => {
          const total = Object.values(r.parts).reduce((a, b) => a + b, 0);
          return (
            <Box key={r.label} sx={{ display: 'contents' }}>
              <Typography variant="caption" noWrap title={r.label}>
                {r.label}
              </Typography>
              <Box sx={{ display: 'flex', height: 14, width: `${(total / max) * 100}%`, minWidth: total > 0 ? 2 : 0, borderRadius: 0.5, overflow: 'hidden' }}>
                {keys
                  .filter((k) => (r.parts[k.key] ?? 0) > 0)
                  .map((k) => (
                    <Box key={k.key} title={`${k.name}: ${r.parts[k.key]}`} sx={{ flex: r.parts[k.key], bgcolor: k.color }} />
                  ))}
              </Box>
              <Typography variant="caption" sx={{ fontVariantNumeric: 'tabular-nums', textAlign: 'right' }}>
                {total}
              </Typography>
            </Box>
          );
        })}
      </Box>
      <Legend items={keys.filter((k) => rows.some((r) => (r.parts[k.key] ?? 0) > 0)).map((k) => ({ name: k.name, color: k.color }))} />
    </Box>
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
