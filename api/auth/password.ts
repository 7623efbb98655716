// Passwords: scrypt (memory-hard, salted). The cost parameters are stored in each hash
// (scrypt$N$r$p$salt$key), so a hash made with a lower cost still verifies and is replaced by one
// at the current cost on the next successful sign-in (needsRehash).
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet: scrypt's minimum is N=2^17, r=8, p=1 (128 MiB per hash). */
export const OWASP_MIN_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const KEYLEN = 32;
let target: ScryptCost = OWASP_MIN_COST;
let runs = 0;

// scrypt needs 128·N·r bytes (plus 128·r·p); Node refuses anything above maxmem
const maxmemFor = ({ N, r, p }: ScryptCost) => 128 * N * r + 128 * r * p + 16 * 1024 * 1024;

const scrypt = (password: string, salt: Buffer, keylen: number, cost: ScryptCost) => {
  runs += 1;
  const opts: ScryptOptions = { ...cost, maxmem: maxmemFor(cost) };
  return new Promise<Buffer>((resolve, reject) => scryptCb(password.normalize('NFC'), salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));
};

/** How many scrypt computations this process has run (tests check that refused sign-ins run none). */
export const scryptRuns = () => runs;

/**
 * Test suites only: a cheaper cost for the hashes they make, so hundreds of sign-ins stay fast.
 * Set from code, never from the environment, and refused outright under NODE_ENV=production;
 * `null` restores the real cost.
 */
export function setPasswordCostForTests(cost: ScryptCost | null): void {
  if (process.env.NODE_ENV === 'production') throw new Error('the password hashing cost cannot be lowered in production');
  target = cost ?? OWASP_MIN_COST;
}

export async function hashPassword(password: string, cost: ScryptCost = target): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

function parse(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const [scheme, n, rr, pp, saltB64, keyB64, extra] = stored.split('$');
  const cost = { N: Number(n), r: Number(rr), p: Number(pp) };
  const sane = Number.isInteger(Math.log2(cost.N)) && cost.N >= 2 && cost.N <= 2 ** 20 && cost.r >= 1 && cost.r <= 32 && cost.p >= 1 && cost.p <= 16;
  if (scheme !== 'scrypt' || !keyB64 || extra !== undefined || !sane) return null;
  return { cost, salt: Buffer.from(saltB64, 'base64'), key: Buffer.from(keyB64, 'base64') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.key.length === 0) return false;
  const key = await scrypt(password, parsed.salt, parsed.key.length, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}

/** True for a hash made with less than today's cost: replace it once the password is known. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return false;
  return parsed.cost.N < target.N || parsed.cost.r < target.r || parsed.cost.p < target.p;
}

// Unknown login IDs still cost one hash at today's cost, so response time does not reveal which IDs exist.
const dummyHashes = new Map<number, Promise<string>>();
export async function burnPasswordCheck(password: string): Promise<void> {
  const cost = target;
  if (!dummyHashes.has(cost.N)) dummyHashes.set(cost.N, hashPassword('not-a-real-password-0', cost));
  await verifyPassword(password, await dummyHashes.get(cost.N)!);
}
