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

/** YYYY-MM-DD → 昭和15年3月2日 (元年 for the first year). */
export function formatWareki(iso: string): string {
  const era = ERAS.find((e) => iso >= e.start);
  const [y, m, d] = iso.split('-').map(Number);
  if (!era) return `${y}年${m}月${d}日`;
  const year = y - era.offset;
  return `${era.name}${year === 1 ? '元' : year}年${m}月${d}日`;
}
