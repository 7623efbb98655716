// Input decorators for Japanese data formats, with stable field codes. The formats themselves are
// in formats.ts, which the panel's validators import too.
import { Matches, MaxLength, IsEmail, MinLength, ValidateIf } from 'class-validator';
import { patterns, passwordPolicy } from './formats.js';
import { toDigits, toKatakana, toPhone, toPostalCode } from './normalize.js';

export { patterns, passwordPolicy };

/**
 * Stores a string input field in its normalized form (normalize.ts) as soon as it is set:
 * type-graphql builds inputs with Object.assign, which calls this setter, and the value then
 * becomes an ordinary own property (so spreads and checks see the normalized text).
 */
const Normalized = (normalize: (value: string) => string) => (target: object, key: string) => {
  Object.defineProperty(target, key, {
    configurable: true,
    set(this: object, value: unknown) {
      Object.defineProperty(this, key, { value: typeof value === 'string' ? normalize(value) : value, writable: true, enumerable: true, configurable: true });
    },
  });
};

// Decorators whose message is the stable field code (see messages.ts).
const optional = () => ValidateIf((_o, v) => v !== undefined && v !== null && v !== '');
export const Katakana = () => (target: object, key: string) => {
  Normalized(toKatakana)(target, key);
  optional()(target, key);
  Matches(patterns.katakana, { message: 'KATAKANA' })(target, key);
};
export const OfficeNumber = () => (target: object, key: string) => {
  Normalized(toDigits)(target, key);
  optional()(target, key);
  Matches(patterns.tenDigits, { message: 'OFFICE_NUMBER' })(target, key);
};
export const CareManagerNumber = () => (target: object, key: string) => {
  Normalized(toDigits)(target, key);
  optional()(target, key);
  Matches(patterns.careManagerNumber, { message: 'CARE_MANAGER_NUMBER' })(target, key);
};
export const InsuredNumber = () => (target: object, key: string) => {
  Normalized(toDigits)(target, key);
  optional()(target, key);
  Matches(patterns.tenDigits, { message: 'INSURED_NUMBER' })(target, key);
};
export const PostalCode = () => (target: object, key: string) => {
  Normalized(toPostalCode)(target, key);
  optional()(target, key);
  Matches(patterns.postalCode, { message: 'POSTAL_CODE' })(target, key);
};
export const Phone = () => (target: object, key: string) => {
  Normalized(toPhone)(target, key);
  optional()(target, key);
  Matches(patterns.phone, { message: 'PHONE' })(target, key);
};
export const Email = () => (target: object, key: string) => {
  optional()(target, key);
  IsEmail({}, { message: 'EMAIL' })(target, key);
  MaxLength(254, { message: 'TOO_LONG' })(target, key);
};
export const LoginId = () => Matches(patterns.loginId, { message: 'LOGIN_ID' });
export const Text =
  (max = 200) =>
  (target: object, key: string) => {
    MaxLength(max, { message: 'TOO_LONG' })(target, key);
  };
/** Required text: not blank after trimming. */
export const RequiredText =
  (max = 200) =>
  (target: object, key: string) => {
    Matches(/\S/, { message: 'REQUIRED' })(target, key);
    MaxLength(max, { message: 'TOO_LONG' })(target, key);
  };
export const Password = () => (target: object, key: string) => {
  MinLength(1, { message: 'REQUIRED' })(target, key);
};

/** Blank strings from forms mean "no value". */
export function blankToNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
