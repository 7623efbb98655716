// Japanese data formats, shared by the inputs' decorators and the services' cross-field checks.
// The admin panel (admin/common/validators.ts) mirrors these patterns.
import { Matches, MaxLength, IsEmail, MinLength, ValidateIf } from 'class-validator';

export const patterns = {
  /** 全角カタカナ, the long-vowel mark, middle dot and spaces (フリガナ) */
  katakana: /^[\u30A0-\u30FF\u3000 ]+$/u,
  /** 事業所番号 / 被保険者番号: 10 digits */
  tenDigits: /^\d{10}$/,
  /** 介護支援専門員番号: 8 digits */
  careManagerNumber: /^\d{8}$/,
  postalCode: /^\d{3}-\d{4}$/,
  /** Japanese phone numbers: 10–11 digits in 2–3 hyphen-separated groups */
  phone: /^(?=(?:\D*\d){10,11}\D*$)0\d{1,4}-\d{1,4}-\d{3,4}$/,
  loginId: /^[A-Za-z0-9._-]{4,32}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
};

export const passwordPolicy = (pw: string) => pw.length >= 12 && pw.length <= 200 && /[A-Za-z]/.test(pw) && /\d/.test(pw);

// Decorators whose message is the stable field code (see messages.ts).
const optional = () => ValidateIf((_o, v) => v !== undefined && v !== null && v !== '');
export const Katakana = () => (target: object, key: string) => { optional()(target, key); Matches(patterns.katakana, { message: 'KATAKANA' })(target, key); };
export const OfficeNumber = () => (target: object, key: string) => { optional()(target, key); Matches(patterns.tenDigits, { message: 'OFFICE_NUMBER' })(target, key); };
export const CareManagerNumber = () => (target: object, key: string) => { optional()(target, key); Matches(patterns.careManagerNumber, { message: 'CARE_MANAGER_NUMBER' })(target, key); };
export const PostalCode = () => (target: object, key: string) => { optional()(target, key); Matches(patterns.postalCode, { message: 'POSTAL_CODE' })(target, key); };
export const Phone = () => (target: object, key: string) => { optional()(target, key); Matches(patterns.phone, { message: 'PHONE' })(target, key); };
export const Email = () => (target: object, key: string) => { optional()(target, key); IsEmail({}, { message: 'EMAIL' })(target, key); MaxLength(254, { message: 'TOO_LONG' })(target, key); };
export const LoginId = () => Matches(patterns.loginId, { message: 'LOGIN_ID' });
export const Text = (max = 200) => (target: object, key: string) => { MaxLength(max, { message: 'TOO_LONG' })(target, key); };
/** Required text: not blank after trimming. */
export const RequiredText = (max = 200) => (target: object, key: string) => {
  Matches(/\S/, { message: 'REQUIRED' })(target, key);
  MaxLength(max, { message: 'TOO_LONG' })(target, key);
};
export const Password = () => (target: object, key: string) => { MinLength(1, { message: 'REQUIRED' })(target, key); };

/** Blank strings from forms mean "no value". */
export function blankToNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
