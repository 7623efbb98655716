// Start-up check that SECRET_KEY is the key this database's TOTP secrets were sealed with.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SecretBox } from './secret-box.js';

const CHECK_TEXT = 'zaitaku secret key check v1';

export class WrongSecretKey extends Error {}

const wrong = (what: string) =>
  new WrongSecretKey(`SECRET_KEY does not match the key this database was set up with (it cannot open ${what}): start with the original SECRET_KEY (kept with the backups).`);

const opens = (secrets: SecretBox, sealed: string, expected?: string) => {
  try {
    const plain = secrets.open(sealed);
    return expected === undefined || plain === expected;
  } catch {
    return false;
  }
};

/**
 * Opens the stored check value; on the first start (no row yet) tries one stored TOTP secret, for
 * databases from before the check existed, then stores the check value sealed with this key.
 * Throws WrongSecretKey with a one-line message when the key cannot open them.
 */
export async function checkSecretKey(orm: MikroORM, secrets: SecretBox): Promise<void> {
  const conn = orm.em.fork().getConnection();
  const read = async () => (await conn.execute<{ sealed: string }[]>('select sealed from secret_key_check where id = 1'))[0];
  let row = await read();
  if (!row) {
    const [user] = await conn.execute<{ totp_secret: string }[]>('select totp_secret from app_user where totp_secret is not null limit 1');
    if (user && !opens(secrets, user.totp_secret)) throw wrong('the stored TOTP secrets');
    // two processes starting at once: the first insert wins, and both check against it
    await conn.execute('insert into secret_key_check (id, sealed, created_at) values (1, ?, now()) on conflict (id) do nothing', [secrets.seal(CHECK_TEXT)]);
    row = await read();
  }
  if (!opens(secrets, row.sealed, CHECK_TEXT)) throw wrong('its key check value');
}
