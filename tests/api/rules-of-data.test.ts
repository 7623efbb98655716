// Small rules with legal or security weight: Japan-time dates, formats, and no secret in the schema.
import { describe, expect, it } from 'vitest';
import { isObjectType } from 'graphql';
import { todayInTokyo, isValidDate } from '../../api/common/dates.js';
import { patterns, passwordPolicy } from '../../api/common/validation.js';
import { buildBareSchema } from '../../api/schema.js';
import { SecretBox } from '../../api/auth/secret-box.js';
import { hashPassword, verifyPassword } from '../../api/auth/password.js';
import '../helpers/password-cost.js';

describe('dates with a legal meaning are Japan calendar dates', () => {
  it('switches to the next day at midnight in Tokyo, not at UTC midnight', () => {
    expect(todayInTokyo(new Date('2026-11-24T14:59:59Z'))).toBe('2026-11-24');
    expect(todayInTokyo(new Date('2026-11-24T15:00:00Z'))).toBe('2026-11-25');
  });
  it('validates calendar dates', () => {
    expect(isValidDate('2026-02-28')).toBe(true);
    expect(isValidDate('2026-02-30')).toBe(false);
    expect(isValidDate('26-2-3')).toBe(false);
  });
});

describe('Japanese formats', () => {
  it.each([
    ['katakana', 'ミト タロウ', true],
    ['katakana', 'ヴァーチャル・ケア', true],
    ['katakana', 'みと', false],
    ['katakana', 'Mito', false],
    ['tenDigits', '0812345678', true],
    ['tenDigits', '081234567', false],
    ['careManagerNumber', '12345678', true],
    ['careManagerNumber', '1234567a', false],
    ['postalCode', '310-8610', true],
    ['postalCode', '3108610', false],
    ['phone', '029-232-9110', true],
    ['phone', '090-1234-5678', true],
    ['phone', '0120-12-345', false],
    ['phone', '12-3456-7890', false],
  ] as const)('%s %s → %s', (pattern, value, ok) => {
    expect(patterns[pattern].test(value)).toBe(ok);
  });
  it('password policy: 12+ characters with letters and digits', () => {
    expect(passwordPolicy('abcdefghijk1')).toBe(true);
    expect(passwordPolicy('abcdefghijkl')).toBe(false);
    expect(passwordPolicy('abc1')).toBe(false);
  });
});

describe('secrets', () => {
  it('no type in the API has a field that could carry a password, hash, TOTP secret or token', async () => {
    const schema = await buildBareSchema();
    const suspicious: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Query' || type.name === 'Mutation') continue;
      for (const f of Object.keys(type.getFields())) {
        if (/password|hash|secret|token|failedSignIns/i.test(f)) suspicious.push(`${type.name}.${f}`);
      }
    }
    // Shown once, to their owner, by design: the TOTP key to set up the app (manualEntryKey, not
    // matched here) and a new API token. Nothing else may look like a secret.
    expect(suspicious.sort()).toEqual(['CreatedApiToken.secret', 'CreatedApiToken.token']);
  });
  it('passwords are salted scrypt hashes; TOTP secrets are sealed with AES-GCM', async () => {
    const [a, b] = [await hashPassword('same-password-1'), await hashPassword('same-password-1')];
    expect(a).not.toBe(b);
    expect(await verifyPassword('same-password-1', a)).toBe(true);
    expect(await verifyPassword('other-password-1', a)).toBe(false);
    const box = new SecretBox('k'.repeat(40));
    const sealed = box.seal('JBSWY3DPEHPK3PXPJBSWY3DP');
    expect(sealed).not.toContain('JBSWY3DP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXPJBSWY3DP');
    expect(() => new SecretBox('another-key-another-key-another-key').open(sealed)).toThrow();
  });
});
