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

export const vitalsToText = (v: Vitals | null | undefined): VitalsText =>
  Object.fromEntries(VITALS.map((d) => [d.key, v?.[d.key] === null || v?.[d.key] === undefined ? '' : formatVital(v[d.key]!)]));

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
