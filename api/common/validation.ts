// Input decorators for Japanese data formats, with stable field codes. The formats themselves are
// in formats.ts, which the panel's validators import too.
import { Matches, MaxLength, IsEmail, MinLength, ValidateIf } from 'class-validator';
import { patterns, passwordPolicy } from './formats.js';

export { patterns, passwordPolicy };

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
