// TOTP (RFC 6238, 30 s, 6 digits) with otplib 13: ±1 time step of drift, and replay refusal
// through the last accepted time step kept per user.
import { generateSecret, generateURI, verify } from 'otplib';

export const TOTP_PERIOD = 30;

export const newTotpSecret = () => generateSecret();

export const totpUri = (issuer: string, label: string, secret: string) => generateURI({ issuer, label, secret });

/** The accepted time step, or null. `afterTimeStep`: the last step already used. */
export async function checkTotp(secret: string, code: string, afterTimeStep?: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code.trim())) return null;
  try {
    const result = await verify({
      secret,
      token: code.trim(),
      // 30 s each way = the previous and the next step, no more
      epochTolerance: TOTP_PERIOD,
      ...(afterTimeStep != null ? { afterTimeStep } : {}),
    });
    return result.valid ? (result as { timeStep: number }).timeStep : null;
  } catch {
    return null; // malformed secret or token: treated as a wrong code
  }
}
