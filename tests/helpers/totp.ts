import { generate } from 'otplib';

/**
 * The TOTP code for now, or `steps` time steps (30 s each) away. Waits out the last second of
 * a step so that the server checks the code in the same step the test meant.
 */
export async function totpCode(secret: string, steps = 0): Promise<string> {
  const intoStep = (Date.now() / 1000) % 30;
  if (intoStep > 29) await new Promise((r) => setTimeout(r, (30 - intoStep) * 1000 + 50));
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}
