// 和暦: birth dates are written in Japanese eras on the forms. Accept both and show both.
const ERAS = [
  { name: '令和', letter: 'R', start: '2019-05-01', offset: 2018 },
  { name: '平成', letter: 'H', start: '1989-01-08', offset: 1988 },
  { name: '昭和', letter: 'S', start: '1926-12-25', offset: 1925 },
  { name: '大正', letter: 'T', start: '1912-07-30', offset: 1911 },
  { name: '明治', letter: 'M', start: '1868-01-25', offset: 1867 },
] as const;

const pad = (n: number) => String(n).padStart(2, '0');
const toIso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function valid(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Parses a western date (1940-03-02, 1940/3/2) or a 和暦 one (昭和15年3月2日, S15.3.2, 昭和元年…)
 * into YYYY-MM-DD; null when it is not a real date or not within its era.
 */
export function parseJapaneseDate(input: string): string | null {
  const s = input.normalize('NFKC').trim().replace(/\s+/g, '');
  const western = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (western) {
    const [y, m, d] = western.slice(1).map(Number);
    return valid(y, m, d) ? toIso(y, m, d) : null;
  }
  const wareki = /^(明治|大正|昭和|平成|令和|[MTSHR])(元|\d{1,2})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?$/i.exec(s);
  if (!wareki) return null;
  const era = ERAS.find((e) => e.name === wareki[1] || e.letter === wareki[1].toUpperCase());
  if (!era) return null;
  const year = wareki[2] === '元' ? 1 : Number(wareki[2]);
  const [m, d] = [Number(wareki[3]), Number(wareki[4])];
  const y = era.offset + year;
  if (year < 1 || !valid(y, m, d)) return null;
  const iso = toIso(y, m, d);
  const next = ERAS[ERAS.indexOf(era) - 1];
  if (iso < era.start || (next && iso >= next.start)) return null;
  return iso;
}

/**
 * The Japanese calendar of the platform's ICU (Node and the browsers): era names and their start
 * dates come from CLDR, so a new era needs no code change here. UTC, so the date is the one given.
 */
const JAPANESE_CALENDAR = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const MODERN_ERAS = new Set<string>(ERAS.map((e) => e.name));

/**
 * YYYY-MM-DD → 昭和15年3月2日 (元年 for the first year), by Intl.DateTimeFormat's Japanese
 * calendar. Node 20's ICU (78) already writes 元 for a first year with this style; a platform
 * whose ICU writes 1 gets 元 here too. Dates before 明治 (ICU names older eras, on a calendar
 * Japan did not use then) are shown western, as before.
 */
export function formatWareki(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const western = `${y}年${m}月${d}日`;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!Number.isFinite(date.getTime())) return western;
  date.setUTCFullYear(y); // Date.UTC maps years 0–99 to 1900–1999
  const parts = JAPANESE_CALENDAR.formatToParts(date);
  if (!MODERN_ERAS.has(parts.find((p) => p.type === 'era')?.value ?? '')) return western;
  return parts.map((p) => (p.type === 'year' && p.value === '1' ? '元' : p.value)).join('');
}
