// A GraphQL client over real HTTP with its own cookie jar: one per simulated browser.
import { totpCode } from './totp.js';

// biome-ignore lint/suspicious/noExplicitAny: a GraphQL answer is untyped JSON; the tests assert its shape with expect(), and a caller that relies on one names T
export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; reason?: string; fields?: { field: string; code: string; message: string }[] } }[];
}

export class Client {
  private cookie: string | null = null;

  constructor(
    readonly baseUrl: string,
    readonly locale = 'ja',
  ) {}

  // biome-ignore lint/suspicious/noExplicitAny: a GraphQL answer is untyped JSON; the tests assert its shape with expect(), and a caller that relies on one names T
  async gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': this.locale,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.getSetCookie();
    for (const c of setCookie) {
      const [pair] = c.split(';');
      const [, value] = pair.split('=');
      this.cookie = value ? pair : null;
    }
    const body = (await res.json()) as GqlResult<T>;
    return { ...body, status: res.status };
  }

  /** Data, or throws with the error codes (for calls that must succeed). */
  // biome-ignore lint/suspicious/noExplicitAny: a GraphQL answer is untyped JSON; the tests assert its shape with expect(), and a caller that relies on one names T
  async ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await this.gql<T>(query, variables);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data as T;
  }

  get cookieHeader(): string | null {
    return this.cookie;
  }

  setCookieHeader(cookie: string | null): void {
    this.cookie = cookie;
  }

  /** Both factors, as a browser would do them. */
  async signIn(loginId: string, password: string, totpSecret: string): Promise<void> {
    const login = await this.ok(`mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`, { l: loginId, p: password });
    if (login.login.step !== 'TOTP_REQUIRED') throw new Error(`unexpected step ${login.login.step}`);
    const r = await this.ok(`mutation($c: String!) { verifyTotp(code: $c) { step } }`, { c: await totpCode(totpSecret) });
    if (r.verifyTotp.step !== 'SIGNED_IN') throw new Error(`unexpected step ${r.verifyTotp.step}`);
  }
}

export const codesOf = (r: GqlResult) => (r.errors ?? []).map((e) => e.extensions?.code);

/** A Client signed in (password + TOTP, as the panel signs in) for each of the named users, one after another. */
export async function signedIn<K extends string>(url: string, users: Record<K, { loginId: string; password: string; totpSecret?: string | null }>, kinds: readonly K[]): Promise<Record<K, Client>> {
  const clients = {} as Record<K, Client>;
  for (const k of kinds) {
    clients[k] = new Client(url);
    await clients[k].signIn(users[k].loginId, users[k].password, users[k].totpSecret!);
  }
  return clients;
}
