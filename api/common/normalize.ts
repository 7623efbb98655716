// Forgiving data entry: what people type for Japanese data, turned into the one stored form before
// it is checked. Used by the server's input decorators (validation.ts) and by the panel's
// validators (admin/common/validators.ts), so both accept the same input.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Full-width digits and letters → ASCII, half-width katakana → full-width (Unicode NFKC). */
const nfkc = (s: string) => s.normalize('NFKC');

/** Hyphen-like characters people type between digits (‐ - – — − ー ｰ －). */
const DASHES = /[\u2010-\u2015\u2212\u30FC\uFF70\uFF0D-]/g;

/** フリガナ: hiragana and half-width katakana become full-width katakana (spaces as typed). */
export function toKatakana(value: string): string {
  // NFKC would also turn a full-width space into an ASCII one: keep the spaces people typed
  const kana = value.replace(/[^\s\u3000]+/g, (word) => nfkc(word));
  return kana.replace(/[\u3041-\u3096\u309D\u309E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)).trim();
}

/** 郵便番号: "3100011", "310ー0011", "３１０－００１１" → "310-0011". Anything else is left for the check to refuse. */
export function toPostalCode(value: string): string {
  const s = nfkc(value).trim().replace(DASHES, '-').replace(/\s/g, '');
  const digits = s.replace(/-/g, '');
  return /^\d{7}$/.test(digits) && /^\d{3}-?\d{4}$/.test(s) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : s;
}

/**
 * 電話番号: digits without hyphens (or with full-width digits) get the hyphens of Japan's numbering
 * plan ("0292223333" → "029-222-3333", "09012345678" → "090-1234-5678"): libphonenumber knows
 * the area codes, which decide where the hyphens go. Numbers typed with hyphens keep them.
 */
export function toPhone(value: string): string {
  const s = nfkc(value)
    .trim()
    .replace(DASHES, '-')
    .replace(/[\s()（）]/g, '');
  if (!/^0\d{9,10}$/.test(s)) return s;
  const parsed = parsePhoneNumberFromString(s, 'JP');
  return parsed?.isValid() ? parsed.formatNational() : s;
}

/** 事業所番号, 被保険者番号, 介護支援専門員番号: full-width digits → ASCII, spaces and hyphens dropped. */
export function toDigits(value: string): string {
  return nfkc(value).replace(DASHES, '').replace(/\s/g, '');
}
