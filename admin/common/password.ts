// A random initial password that meets the server's policy (12+ characters, letters and digits),
// without look-alike characters, for a person to read out or print.
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

export function generatePassword(length = 16): string {
  const all = LETTERS + DIGITS;
  const random = new Uint32Array(length);
  crypto.getRandomValues(random);
  const chars = Array.from(random, (n) => all[n % all.length]);
  chars[0] = LETTERS[random[0] % LETTERS.length];
  chars[length - 1] = DIGITS[random[length - 1] % DIGITS.length];
  return chars.join('');
}
