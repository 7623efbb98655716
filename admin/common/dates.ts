// Dates in the panel, one way everywhere: calendar dates as 2026/11/20, instants in Japan time as
// 2026/11/20 15:28, and a form's dates with their 和暦 as the paper forms write them
// (2026/11/20（令和8年11月20日）). Typed dates are read in any of the ways people write them
// (2026/11/20, 2026-11-20, 20261120, 令和8年11月20日, R8.11.20; full-width digits too).
import { formatWareki, parseJapaneseDate } from '../../api/common/wareki';

export const TOKYO = 'Asia/Tokyo';

/** Today in Japan as YYYY-MM-DD. */
export const todayInTokyo = (at = new Date()) => at.toLocaleDateString('sv-SE', { timeZone: TOKYO });

/** YYYY-MM-DD → 2026/11/20 ('' when empty). */
export const formatDate = (iso: string | null | undefined): string => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.replace(/-/g, '/') : (iso ?? ''));

/** YYYY-MM-DD → 2026/11/20（令和8年11月20日）: the dates of the forms (様式), which are written in 和暦. */
export const formatFormDate = (iso: string | null | undefined): string => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${formatDate(iso)}（${formatWareki(iso)}）` : (iso ?? ''));

/** An instant in Japan time: 2026/11/20 15:28 ('' when empty). */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  return new Date(value).toLocaleString('ja-JP', { timeZone: TOKYO, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** What a person typed as a date → YYYY-MM-DD, or null when it is not a date. */
export function parseDateInput(text: string): string | null {
  const s = text.normalize('NFKC').trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return parseJapaneseDate(compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : s);
}
