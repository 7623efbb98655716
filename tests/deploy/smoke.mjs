#!/usr/bin/env node
// The deployment smoke test's HTTP part (tests/deploy/run.sh drives it): a browser's steps over
// plain HTTP against the deployed processes, TOTP codes from Debian's oathtool (an implementation
// independent of the server's otplib).
//
//   smoke.mjs activate-and-share <base1> <base2> <loginId> <activationCode> <password> <secretFile>
//     activation + TOTP enrollment on process 1, a write on process 1 read on process 2,
//     logout on process 1 refused on process 2
//   smoke.mjs sign-in <base> <loginId> <password> <secretFile>
//     password + TOTP sign-in (the restored database)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const fail = (m) => {
  console.error(`smoke: FAILED: ${m}`);
  process.exit(1);
};
const check = (ok, m) => (ok ? console.log(`smoke: ok   ${m}`) : fail(m));

/** One browser: a cookie jar of one cookie, sent to whichever process it talks to. */
class Browser {
  cookie = null;
  async gql(base, query, variables = {}) {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      this.cookie = pair.split('=')[1] ? pair : null;
    }
    const body = await res.json();
    return { status: res.status, ...body };
  }
  async ok(base, query, variables) {
    const r = await this.gql(base, query, variables);
    if (r.errors?.length) fail(`${query.slice(0, 60)}…: ${JSON.stringify(r.errors)}`);
    return r.data;
  }
}

/** oathtool's code for `offset` seconds from now (a code's time step is usable once: +30 s after an enrollment) */
const totp = (secret, offset = 0) => execFileSync('oathtool', ['--totp', '-b', ...(offset ? ['-N', `now + ${offset} sec`] : []), secret], { encoding: 'utf8' }).trim();

const [mode, ...args] = process.argv.slice(2);

if (mode === 'activate-and-share') {
  const [base1, base2, loginId, code, password, secretFile] = args;
  const b = new Browser();
  const a = await b.ok(base1, `mutation($l: String!, $c: String!, $p: String!) { activateAccount(loginId: $l, activationCode: $c, newPassword: $p) { step } }`, { l: loginId, c: code, p: password });
  check(a.activateAccount.step === 'TOTP_ENROLLMENT', `activated ${loginId} with the printed code on ${base1} → ${a.activateAccount.step}`);
  const e = await b.ok(base1, `mutation { beginTotpEnrollment { manualEntryKey } }`);
  const secret = e.beginTotpEnrollment.manualEntryKey.replace(/\s+/g, '');
  fs.writeFileSync(secretFile, secret, { mode: 0o600 });
  const c = await b.ok(base1, `mutation($c: String!) { confirmTotpEnrollment(code: $c) { step recoveryCodes } }`, { c: totp(secret) });
  check(c.confirmTotpEnrollment.step === 'SIGNED_IN' && c.confirmTotpEnrollment.recoveryCodes.length === 10, `TOTP enrolled with an oathtool code → ${c.confirmTotpEnrollment.step}`);

  const created = await b.ok(base1, `mutation { createMunicipality(input: { code: "082015", name: "水戸市", prefecture: "茨城県", contactEmail: "kaigo@city.mito.example.jp" }) { id name } }`);
  check(!!created.createMunicipality.id, `write on process 1 (${base1}): createMunicipality 水戸市`);
  const read = await b.ok(base2, `{ me { loginId } municipalities { id name } }`);
  check(read.me.loginId === loginId && read.municipalities.some((m) => m.id === created.createMunicipality.id), `read on process 2 (${base2}) with the same session: 水戸市 is there`);

  const cookie = b.cookie;
  const out = await b.ok(base1, `mutation { logout }`);
  check(out.logout === true, `logout on process 1`);
  const stale = new Browser();
  stale.cookie = cookie;
  const refused = await stale.gql(base2, `{ me { loginId } }`);
  check(refused.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED', `the logged-out cookie is refused on process 2 (${refused.errors?.[0]?.extensions?.code})`);
} else if (mode === 'sign-in') {
  const [base, loginId, password, secretFile] = args;
  const secret = fs.readFileSync(secretFile, 'utf8').trim();
  const b = new Browser();
  const l = await b.ok(base, `mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`, { l: loginId, p: password });
  check(l.login.step === 'TOTP_REQUIRED', `password accepted on ${base} → ${l.login.step}`);
  // the next time step: the current one may be the step the enrollment already used
  const v = await b.ok(base, `mutation($c: String!) { verifyTotp(code: $c) { step } }`, { c: totp(secret, 30) });
  check(v.verifyTotp.step === 'SIGNED_IN', `TOTP accepted (the key opens the restored secret) → ${v.verifyTotp.step}`);
  const me = await b.ok(base, `{ me { loginId } municipalities { name } }`);
  check(me.me.loginId === loginId && me.municipalities.some((m) => m.name === '水戸市'), `signed in on the restored database; 水戸市 restored`);
} else {
  fail(`unknown mode ${mode}`);
}
