// Client-side checks with the server's own formats (api/common/formats.ts), codes and wording
// (the messages come from the API's fieldMessages, see i18n/ja.ts).
// A validator returns a translation key, which react-admin shows in the current language.
import { required as raRequired, type Validator } from 'react-admin';
import { patterns, passwordPolicy as meetsPasswordPolicy } from '../../api/common/formats';
import { toDigits, toKatakana, toPhone, toPostalCode } from '../../api/common/normalize';

const message = (code: string) => `app.validation.${code}`;
const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * A pattern check that lets empty values through (combine with `required` when needed). The value
 * is checked as the server will store it (normalize.ts: hiragana フリガナ, postal codes and phone
 * numbers without hyphens, full-width digits are all fine).
 */
const matching =
  (pattern: RegExp, code: string, normalize: (v: string) => string = (v) => v): Validator =>
  (value) =>
    blank(value) || pattern.test(normalize(String(value))) ? undefined : message(code);

/** Not blank after trimming (the server's RequiredText). */
export const required = (): Validator => {
  const base = raRequired(message('REQUIRED'));
  const validator: Validator = (value, values) => (typeof value === 'string' && value.trim() === '' ? message('REQUIRED') : base(value, values));
  (validator as { isRequired?: boolean }).isRequired = true; // react-admin marks the label with *
  return validator;
};

export const maxLength =
  (max: number): Validator =>
  (value) =>
    typeof value === 'string' && value.length > max ? message('TOO_LONG') : undefined;

export const katakana = () => matching(patterns.katakana, 'KATAKANA', toKatakana);
export const officeNumber = () => matching(patterns.tenDigits, 'OFFICE_NUMBER', toDigits);
export const insuredNumber = () => matching(patterns.tenDigits, 'INSURED_NUMBER', toDigits);
export const careManagerNumber = () => matching(patterns.careManagerNumber, 'CARE_MANAGER_NUMBER', toDigits);
export const postalCode = () => matching(patterns.postalCode, 'POSTAL_CODE', toPostalCode);
export const phone = () => matching(patterns.phone, 'PHONE', toPhone);
export const email = () => matching(patterns.email, 'EMAIL');
export const loginId = () => matching(patterns.loginId, 'LOGIN_ID');
export const municipalityCode = () => matching(patterns.municipalityCode, 'INVALID_VALUE');

/** The server's password policy: 12+ characters with letters and digits. */
export const passwordPolicy = (): Validator => (value) => {
  if (blank(value)) return undefined;
  return meetsPasswordPolicy(String(value)) ? undefined : message('PASSWORD_POLICY');
};

/** At least one item (サービス種類 of a service office). */
export const nonEmpty = (): Validator => (value) => (!Array.isArray(value) || value.length === 0 ? message('REQUIRED') : undefined);
