// Dates as people in Japanese care read them: 和暦 and western side by side, ages, Japan time.
// The parser is the API's own (api/common/wareki.ts), so the preview and the server agree.
import { formatWareki, parseJapaneseDate } from '../../api/common/wareki';
import { formatDate as formatDateOnce, formatDateTime as formatDateTimeOnce } from '../common/dates';

export { formatWareki, parseJapaneseDate };

const TOKYO = 'Asia/Tokyo';

/** Today in Japan as YYYY-MM-DD. */
export const todayInTokyo = (at = new Date()) => at.toLocaleDateString('sv-SE', { timeZone: TOKYO });

/** Full years between a YYYY-MM-DD birth date and today (Japan time). */
export function ageOn(birthDate: string, today = todayInTokyo()): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** YYYY-MM-DD → 1940年3月2日 */
export function formatWestern(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** YYYY-MM-DD → 2026/11/01 (the panel's one format, common/dates.ts); — when empty. */
export const formatDate = (iso: string | null | undefined) => (iso ? formatDateOnce(iso) : '—');

/** An instant in Japan time: 2026/11/24 11:38; — when empty. */
export const formatDateTime = (iso: string | null | undefined) => (iso ? formatDateTimeOnce(iso) : '—');

export interface BirthDatePreview {
  iso: string;
  wareki: string;
  western: string;
  age: number;
}

/** What a typed birth date means, or null while it is not (yet) a date. */
export function previewBirthDate(input: string | null | undefined): BirthDatePreview | null {
  if (!input?.trim()) return null;
  const iso = parseJapaneseDate(input);
  if (!iso) return null;
  return { iso, wareki: formatWareki(iso), western: formatWestern(iso), age: ageOn(iso) };
}
