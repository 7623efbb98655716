import { describe, expect, it } from 'vitest';
import { formatWareki, parseJapaneseDate } from '../../api/common/wareki.js';

describe('和暦 and western dates', () => {
  it.each([
    ['昭和15年3月2日', '1940-03-02'],
    ['S15.3.2', '1940-03-02'],
    ['s15/03/02', '1940-03-02'],
    ['平成元年1月8日', '1989-01-08'],
    ['令和元年5月1日', '2019-05-01'],
    ['大正3年10月1日', '1914-10-01'],
    ['明治45年7月29日', '1912-07-29'],
    ['１９４０年３月２日', '1940-03-02'],
    ['1940-03-02', '1940-03-02'],
    ['1940/3/2', '1940-03-02'],
  ])('%s → %s', (input, iso) => expect(parseJapaneseDate(input)).toBe(iso));

  it.each(['昭和64年1月8日', '平成31年5月1日', '昭和15年2月30日', '2026-02-29', 'S0.1.1', '昭和', 'yesterday'])('refuses %s', (input) => {
    expect(parseJapaneseDate(input)).toBeNull();
  });

  it('shows both: the era name, and 元年 for the first year', () => {
    expect(formatWareki('1940-03-02')).toBe('昭和15年3月2日');
    expect(formatWareki('1989-01-08')).toBe('平成元年1月8日');
    expect(formatWareki('1989-01-07')).toBe('昭和64年1月7日');
    expect(formatWareki('2026-11-24')).toBe('令和8年11月24日');
    expect(formatWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(formatWareki('2019-04-30')).toBe('平成31年4月30日');
    expect(formatWareki('1926-12-25')).toBe('昭和元年12月25日');
    expect(formatWareki('1912-07-30')).toBe('大正元年7月30日');
    expect(formatWareki('1900-01-01')).toBe('明治33年1月1日');
  });

  it('shows dates before 明治 western, and what it formats parses back', () => {
    expect(formatWareki('1850-01-01')).toBe('1850年1月1日');
    for (const iso of ['1940-03-02', '1989-01-08', '2019-05-01', '1926-12-25', '2026-11-24', '1912-07-29']) expect(parseJapaneseDate(formatWareki(iso))).toBe(iso);
  });
});
