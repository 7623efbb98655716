// The formats of Japanese data, as the server checks them (api/common/validation.ts `patterns`;
// tests/e2e/validators.test.ts keeps the two equal).
export const patterns = {
  /** 全角カタカナ, the long-vowel mark, middle dot and spaces (フリガナ) */
  katakana: /^[\u30A0-\u30FF\u3000 ]+$/u,
  /** 事業所番号: 10 digits */
  tenDigits: /^\d{10}$/,
  /** 介護支援専門員番号: 8 digits */
  careManagerNumber: /^\d{8}$/,
  postalCode: /^\d{3}-\d{4}$/,
  /** Japanese phone numbers: 10–11 digits in 2–3 hyphen-separated groups */
  phone: /^(?=(?:\D*\d){10,11}\D*$)0\d{1,4}-\d{1,4}-\d{3,4}$/,
  loginId: /^[A-Za-z0-9._-]{4,32}$/,
  /** what class-validator's IsEmail accepts, in its common form */
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  municipalityCode: /^\d{6}$/,
};
