// Activation codes for issued accounts: printed on the credentials letter the city mails, valid
// for 14 days, single use, stored hashed. Printing a new letter replaces the earlier codes.
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../users/user.entity.js';
import { ActivationCode } from './activation-code.entity.js';
import { hashToken, newRecoveryCode, normalizeRecoveryCode } from './tokens.js';

export const ACTIVATION_DAYS = 14;

export const hashActivationCode = (code: string) => hashToken(`activation:${normalizeRecoveryCode(code)}`);

/** New codes for these (pending) users; returns the plain codes, to be shown once. */
export async function issueActivationCodes(em: EntityManager, users: User[]): Promise<Map<string, { code: string; expiresAt: Date }>> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ACTIVATION_DAYS * 86_400_000);
  await em.nativeUpdate(ActivationCode, { user: { $in: users.map((u) => u.id) }, usedAt: null, revokedAt: null }, { revokedAt: now });
  const out = new Map<string, { code: string; expiresAt: Date }>();
  for (const user of users) {
    const code = newRecoveryCode().toUpperCase();
    em.create(ActivationCode, { user, codeHash: hashActivationCode(code), expiresAt });
    out.set(user.id, { code, expiresAt });
  }
  return out;
}

/** Claims a valid code atomically: true once, false for wrong, used, replaced or expired codes. */
export async function claimActivationCode(em: EntityManager, user: User, code: string): Promise<boolean> {
  const now = new Date();
  const claimed = await em.nativeUpdate(ActivationCode, { user, codeHash: hashActivationCode(code), usedAt: null, revokedAt: null, expiresAt: { $gt: now } }, { usedAt: now });
  return claimed === 1;
}
