// The structured vitals of a care report: which, in what unit, within which range (the API's own
// ranges, api/common/formats.ts: they catch typing slips, not unusual patients).
import type { Vitals } from '../rooms/types';
import { vitalRanges } from '../../api/common/formats';

export type VitalKey = keyof Vitals;

export interface VitalDef {
  key: VitalKey;
  label: string;
  unit: string;
  min: number;
  max: number;
  decimal: boolean;
}

const def = (key: VitalKey, unit: string): VitalDef => {
  const r = vitalRanges[key];
  return { key, label: `rooms.post.${key}`, unit, min: r.min, max: r.max, decimal: r.decimals > 0 };
};

export const VITALS: VitalDef[] = [
  def('systolic', 'rooms.post.unit_mmhg'),
  def('diastolic', 'rooms.post.unit_mmhg'),
  def('pulse', 'rooms.post.unit_pulse'),
  def('temperature', 'rooms.post.unit_celsius'),
  def('spo2', 'rooms.post.unit_percent'),
  def('weight', 'rooms.post.unit_kg'),
];

/** The message key that names the accepted range (the API's VITAL_* field codes). */
export const vitalRangeMessage = (key: VitalKey) => `app.validation.VITAL_${key.toUpperCase()}`;

/** What the inputs hold: text as typed. */
export type VitalsText = Partial<Record<VitalKey, string>>;

/** A measured value as shown: at most one decimal (floating-point noise such as 36.400000000000006 removed). */
export const formatVital = (value: number) => String(Number(value.toFixed(1)));

export const vitalsToText = (v: Vitals | null | undefined): VitalsText => Object.fromEntries(VITALS.map((d) => [d.key, v?.[d.key] === null || v?.[d.key] === undefined ? '' : formatVital(v[d.key]!)]));

const parse = (text: string | undefined): number | null => {
  const t = (text ?? '').normalize('NFKC').trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
};

/** Which typed values are not numbers in range (the key of each). */
export function vitalsProblems(text: VitalsText): VitalKey[] {
  return VITALS.filter((d) => {
    const n = parse(text[d.key]);
    return n !== null && (Number.isNaN(n) || n < d.min || n > d.max || (!d.decimal && !Number.isInteger(n)));
  }).map((d) => d.key);
}

/** The VitalsInput to send, or null when nothing was typed. */
export function textToVitals(text: VitalsText): Vitals | null {
  const out: Vitals = {};
  let any = false;
  for (const d of VITALS) {
    const n = parse(text[d.key]);
    if (n !== null && !Number.isNaN(n)) {
      out[d.key] = n;
      any = true;
    }
  }
  return any ? out : null;
}

/** 152/88 mmHg · 脈拍 72 · … for a post. */
export function hasVitals(v: Vitals | null | undefined): v is Vitals {
  return !!v && VITALS.some((d) => v[d.key] !== null && v[d.key] !== undefined);
}

/** What a vitals chart shows: a fixed range per sign, and the usual range to shade. */
export interface VitalChartRange {
  min: number;
  max: number;
  /** the usual range of an older adult at rest, where one is commonly used */
  usual: [number, number] | null;
}

/**
 * The same axis for every patient, so a reading looks as high as it is. Weight has no common
 * range: its axis is the patient's own readings ± 5 kg.
 */
const CHART_RANGES: Partial<Record<VitalKey, VitalChartRange>> = {
  systolic: { min: 40, max: 220, usual: [90, 139] },
  diastolic: { min: 40, max: 220, usual: [60, 89] },
  pulse: { min: 30, max: 150, usual: [60, 100] },
  temperature: { min: 34, max: 42, usual: [36, 37.4] },
  spo2: { min: 80, max: 100, usual: [96, 100] },
};

export function chartRangeOf(key: VitalKey, values: number[]): VitalChartRange {
  const fixed = CHART_RANGES[key];
  // a reading outside the fixed axis (a real 230 mmHg) widens it rather than leaving the chart
  if (fixed) return { ...fixed, min: Math.min(fixed.min, ...values), max: Math.max(fixed.max, ...values) };
  const [lo, hi] = values.length ? [Math.min(...values), Math.max(...values)] : [0, 1];
  return { min: Math.max(0, Math.floor(lo - 5)), max: Math.ceil(hi + 5), usual: null };
}
