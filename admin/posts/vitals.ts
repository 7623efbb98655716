// The structured vitals of a care report: which, in what unit, within which range (the API's
// ranges, api/posts/vitals.ts: they catch typing slips, not unusual patients).
import type { Vitals } from '../rooms/types';

export type VitalKey = keyof Vitals;

export interface VitalDef {
  key: VitalKey;
  label: string;
  unit: string;
  min: number;
  max: number;
  decimal: boolean;
}

export const VITALS: VitalDef[] = [
  { key: 'systolic', label: 'rooms.post.systolic', unit: 'rooms.post.unit_mmhg', min: 40, max: 300, decimal: false },
  { key: 'diastolic', label: 'rooms.post.diastolic', unit: 'rooms.post.unit_mmhg', min: 20, max: 200, decimal: false },
  { key: 'pulse', label: 'rooms.post.pulse', unit: 'rooms.post.unit_pulse', min: 20, max: 250, decimal: false },
  { key: 'temperature', label: 'rooms.post.temperature', unit: 'rooms.post.unit_celsius', min: 30, max: 45, decimal: true },
  { key: 'spo2', label: 'rooms.post.spo2', unit: 'rooms.post.unit_percent', min: 50, max: 100, decimal: false },
  { key: 'weight', label: 'rooms.post.weight', unit: 'rooms.post.unit_kg', min: 10, max: 300, decimal: true },
];

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
