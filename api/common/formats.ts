// The formats of Japanese data and the password policy: one definition for the server's input
// decorators (validation.ts) and the panel's validators (admin/common/validators.ts), which
// imports this file, so the two cannot disagree. No imports: it must bundle into the panel.

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
  /** the panel's quick check; the server uses class-validator's IsEmail, which is stricter */
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  /** 地方公共団体コード: 6 digits */
  municipalityCode: /^\d{6}$/,
};

/** 12–200 characters, with letters and digits. */
export const passwordPolicy = (pw: string) => pw.length >= 12 && pw.length <= 200 && /[A-Za-z]/.test(pw) && /\d/.test(pw);

/**
 * The accepted range of each vital sign of a care report (units as stored). Wide enough for unusual
 * patients, narrow enough to catch typing slips (a temperature of 3.68 or 368).
 */
export const vitalRanges = {
  systolic: { min: 40, max: 300, unit: 'mmHg', decimals: 0 },
  diastolic: { min: 20, max: 200, unit: 'mmHg', decimals: 0 },
  pulse: { min: 20, max: 250, unit: '/min', decimals: 0 },
  temperature: { min: 34, max: 42, unit: '℃', decimals: 1 },
  spo2: { min: 50, max: 100, unit: '%', decimals: 0 },
  weight: { min: 10, max: 300, unit: 'kg', decimals: 1 },
} as const;
export type VitalSign = keyof typeof vitalRanges;
