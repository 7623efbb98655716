// The account lifecycle: applications through the state machine, completion effects, activation,
// ID stops, and e-mail through a real SMTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf, signedIn } from '../helpers/client.js';
import { buildApplication, buildUser, buildWorld } from '../helpers/factories.js';
import { startSmtpSink } from '../helpers/smtp.js';
import { postUpload, uploaded, uploadedPublic } from '../helpers/uploads.js';
import { totpCode } from '../helpers/totp.js';
import { ApplicationChannel } from '../../api/applications/application.entity.js';
import { ApplicationAction, ApplicationState, ApplicationType } from '../../api/applications/application.enums.js';
import { TRANSITIONS, type Party } from '../../api/applications/application.workflow.js';
import { MailWorker, MAX_ATTEMPTS } from '../../api/mail/worker.js';
import { applyDueStops } from '../../api/users/due-stops.js';
import { todayInTokyo } from '../../api/common/dates.js';
import { Role } from '../../api/users/user.enums.js';

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let mailer: MailWorker;
const as = {} as Record<'officeAdmin' | 'city' | 'vendor' | 'otherCity', Client>;

const sql = (q: string, params: unknown[] = []) => em.fork().getConnection().execute(q, params);
let seq = 0;
const staffRow = (over: Record<string, unknown> = {}) => ({ name: `看護 ${++seq}子`, nameKana: 'カンゴ', jobType: 'NURSE', pledgedOn: '2026-11-20', email: `nurse${seq}@example.jp`, ...over });
const pdfFile = (name = 'form.pdf') => ({ filename: name, contentType: 'application/pdf', data: Buffer.from('%PDF-1.7\n1 0 obj\n') });
/** A scanned form sent to POST /uploads by this client, as a mutation names it. */
const pdf = (c: Client, name?: string) => uploaded(c, pdfFile(name));
const medicalOffice = (name: string, over: Record<string, unknown> = {}) => ({
  kind: 'MEDICAL',
  name,
  nameKana: 'テストイイン',
  postalCode: '310-0001',
  address: '茨城県水戸市三の丸1-1',
  phone: '029-111-2222',
  corporationName: '医療法人 テスト会',
  corporationNameKana: 'イリョウホウジン テストカイ',
  representativeName: '代表 一郎',
  representativeNameKana: 'ダイヒョウ イチロウ',
  corporationAddress: '茨城県水戸市三の丸1-1',
  corporationPhone: '029-111-2222',
  contactEmail: 'clinic-new@example.jp',
  ...over,
});

const SUBMIT = `mutation($t: ApplicationType!, $i: ApplicationInput!, $o: ID, $f: [AttachmentUpload!]) { submitApplication(type: $t, input: $i, officeId: $o, attachments: $f) { id version state summary attachments { filename size contentType } } }`;
const STATE = `query($id: ID!) { application(id: $id) { id version state allowedActions events { action fromState toState actorName comment } } }`;
const verbOf: Record<ApplicationAction, string> = { SUBMIT: 'submit', RESUBMIT: 'resubmit', RETURN: 'return', REJECT: 'reject', FORWARD: 'forward', COMPLETE: 'complete', WITHDRAW: 'withdraw' };

function actionCall(action: ApplicationAction, id: string, version: number, comment = 'コメント') {
  if (action === ApplicationAction.RESUBMIT)
    return {
      query: `mutation($id: ID!, $v: Int!, $i: ApplicationInput!) { resubmitApplication(id: $id, version: $v, input: $i) { id version state } }`,
      variables: { id, v: version, i: { staffAddition: { staff: [staffRow()] } } },
    };
  return { query: `mutation($id: ID!, $v: Int!, $c: String!) { ${verbOf[action]}Application(id: $id, version: $v, comment: $c) { id version state } }`, variables: { id, v: version, c: comment } };
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startTestServer({ smtpUrl: smtp.url, publicSubmissionsPerHour: 3 });
  mailer = new MailWorker(server.orm, smtp.url, 'system@example.jp');
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  await sql(`update municipality set contact_email = 'city-desk@example.jp' where id = ?`, [world.city.id]);
  await sql(`update app_user set email = 'vendor-ops@example.jp' where id = ?`, [world.users.vendor.user.id]);
  Object.assign(as, await signedIn(server.url, world.users, ['officeAdmin', 'city', 'vendor', 'otherCity'] as const));
});
afterAll(async () => {
  mailer.close();
  await server.close();
  await smtp.close();
});

describe('the state machine', () => {
  const states = Object.values(ApplicationState);
  const actions = Object.values(ApplicationAction).filter((a) => a !== ApplicationAction.SUBMIT);
  const parties: [Party, 'officeAdmin' | 'city' | 'vendor'][] = [
    ['APPLICANT', 'officeAdmin'],
    ['CITY', 'city'],
    ['VENDOR', 'vendor'],
  ];

  it('allows exactly the transitions in the table, for exactly their party, and leaves refused ones untouched', async () => {
    const wrong: string[] = [];
    for (const state of states)
      for (const action of actions)
        for (const [party, caller] of parties) {
          const app = await buildApplication(em.fork(), { office: world.office, applicant: world.users.officeAdmin.user, state, channel: ApplicationChannel.OFFICE });
          const call = actionCall(action, app.id, app.version);
          const r = await as[caller].gql(call.query, call.variables);
          const allowed = TRANSITIONS.find((t) => t.types.includes(ApplicationType.STAFF_ADDITION) && t.from === state && t.action === action && t.by === party);
          const [row] = await sql(`select state from application where id = ?`, [app.id]);
          const label = `${state} --${action}--> by ${party}`;
          if (allowed && (r.errors || row.state !== allowed.to)) wrong.push(`${label}: refused (${codesOf(r)})`);
          if (!allowed && (!r.errors || row.state !== state)) wrong.push(`${label}: allowed`);
          if (!allowed && r.errors && !['FORBIDDEN', 'NOT_FOUND', 'INVALID_TRANSITION'].includes(codesOf(r)[0]!)) wrong.push(`${label}: ${codesOf(r)}`);
        }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('lets the city speak for the applicant of a paper form (return, correct, resubmit, withdraw)', async () => {
    const app = await buildApplication(em.fork(), { office: world.office, applicant: world.users.city.user, state: ApplicationState.RETURNED, channel: ApplicationChannel.CITY });
    const r = await as.city.ok(actionCall(ApplicationAction.RESUBMIT, app.id, app.version).query, actionCall(ApplicationAction.RESUBMIT, app.id, app.version).variables);
    expect(r.resubmitApplication.state).toBe('SUBMITTED');
    const s = await as.city.ok(STATE, { id: app.id });
    expect(s.application.allowedActions.sort()).toEqual(['FORWARD', 'REJECT', 'RETURN', 'WITHDRAW']);
  });

  it('requires a reason to return or reject', async () => {
    const app = await buildApplication(em.fork(), { office: world.office, applicant: world.users.officeAdmin.user });
    const r = await as.city.gql(actionCall(ApplicationAction.REJECT, app.id, app.version, '   ').query, actionCall(ApplicationAction.REJECT, app.id, app.version, '   ').variables);
    expect(r.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'comment', code: 'REQUIRED' })]);
  });

  it('two clerks acting on the same application at once: exactly one wins, the other is told', async () => {
    const app = await buildApplication(em.fork(), { office: world.office, applicant: world.users.officeAdmin.user });
    const second = new Client(server.url);
    const clerk2 = await buildUser(em.fork(), server.secrets, { role: Role.CITY, municipality: world.city });
    await second.signIn(clerk2.loginId, clerk2.password, clerk2.totpSecret!);
    const fwd = actionCall(ApplicationAction.FORWARD, app.id, app.version);
    const rej = actionCall(ApplicationAction.REJECT, app.id, app.version, '不備があります');
    const results = await Promise.all([as.city.gql(fwd.query, fwd.variables), second.gql(rej.query, rej.variables)]);
    const outcomes = results.map((r) => codesOf(r)[0] ?? 'ok');
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.find((o) => o !== 'ok')).toMatch(/^(CONFLICT|INVALID_TRANSITION)$/);
    const events = await sql(`select action from application_event where application_id = ?`, [app.id]);
    expect(events).toHaveLength(1);
  });
});

describe('staff addition, end to end: apply → return → correct → forward → complete → letter → activation', () => {
  it('creates the account only at completion, with its pledge, and the new user activates with a real TOTP code', async () => {
    await sql(`update notification set status = 'SENT' where status = 'PENDING'`); // earlier tests' mail is not this story's
    smtp.mails.length = 0;
    const person = staffRow({ name: '新規 看護師', nameKana: 'シンキ カンゴシ', pledgedOn: '2026-11-21' });
    const submitted = await as.officeAdmin
      .ok(SUBMIT, { t: 'STAFF_ADDITION', i: { staffAddition: { staff: [{ ...person, pledgedOn: '2026-13-40' }] } }, f: [await pdf(as.officeAdmin)] })
      .catch((e) => e);
    expect(String(submitted)).toMatch(/DATE/); // an impossible pledge date is refused
    const s = await as.officeAdmin.ok(SUBMIT, { t: 'STAFF_ADDITION', i: { staffAddition: { staff: [person] } }, f: [await pdf(as.officeAdmin, '様式2-2B.pdf')] });
    const app = s.submitApplication;
    expect(app.state).toBe('SUBMITTED');
    expect(app.attachments).toEqual([{ filename: '様式2-2B.pdf', size: 17, contentType: 'application/pdf' }]);

    const ret = await as.city.ok(`mutation($id: ID!, $v: Int!) { returnApplication(id: $id, version: $v, comment: "誓約書の日付をご確認ください") { version state } }`, { id: app.id, v: app.version });
    expect(ret.returnApplication.state).toBe('RETURNED');
    const re = await as.officeAdmin.ok(`mutation($id: ID!, $v: Int!, $i: ApplicationInput!) { resubmitApplication(id: $id, version: $v, input: $i) { version state } }`, {
      id: app.id,
      v: ret.returnApplication.version,
      i: { staffAddition: { staff: [{ ...person, pledgedOn: '2026-11-22' }] } },
    });
    const fwd = await as.city.ok(`mutation($id: ID!, $v: Int!) { forwardApplication(id: $id, v: $v) { version state } }`.replace('v: $v', 'version: $v'), {
      id: app.id,
      v: re.resubmitApplication.version,
    });
    expect(fwd.forwardApplication.state).toBe('FORWARDED');
    expect(await sql(`select count(*)::int as n from app_user where name = '新規 看護師'`)).toEqual([{ n: 0 }]);
    const done = await as.vendor.ok(`mutation($id: ID!, $v: Int!) { completeApplication(id: $id, version: $v) { state } }`, { id: app.id, v: fwd.forwardApplication.version });
    expect(done.completeApplication.state).toBe('COMPLETED');

    const history = (await as.city.ok(STATE, { id: app.id })).application.events;
    expect(history.map((e: { action: string; fromState: string | null; toState: string }) => `${e.action}:${e.fromState}>${e.toState}`)).toEqual([
      'SUBMIT:null>SUBMITTED',
      'RETURN:SUBMITTED>RETURNED',
      'RESUBMIT:RETURNED>SUBMITTED',
      'FORWARD:SUBMITTED>FORWARDED',
      'COMPLETE:FORWARDED>COMPLETED',
    ]);
    expect(history[1].comment).toBe('誓約書の日付をご確認ください');
    // the correction moved submitted_at; the first submission (the report's days count from it) stays
    const [times] = await sql(
      `select abs(extract(epoch from a.first_submitted_at - min(e.at) filter (where e.action = 'SUBMIT'))) < 1 as first_is_submit,
              a.submitted_at > min(e.at) filter (where e.action = 'RESUBMIT') - interval '1 second' and a.submitted_at > a.first_submitted_at as moved,
              abs(extract(epoch from a.forwarded_at - min(e.at) filter (where e.action = 'FORWARD'))) < 1 as forwarded,
              abs(extract(epoch from a.completed_at - min(e.at) filter (where e.action = 'COMPLETE'))) < 1 as completed
         from application a join application_event e on e.application_id = a.id where a.id = ? group by a.id`,
      [app.id],
    );
    expect(times).toEqual({ first_is_submit: true, moved: true, forwarded: true, completed: true });

    const [user] = await sql(`select id, login_id, status, password_hash, office_id from app_user where name = '新規 看護師'`);
    expect(user).toMatchObject({ status: 'PENDING', password_hash: null, office_id: world.office.id });
    expect(user.login_id).toMatch(new RegExp(`^${world.city.code}-\\d{5}$`));
    expect(await sql(`select kind, pledged_on::text as d from pledge where user_id = ?`, [user.id])).toEqual([{ kind: 'EMPLOYEE', d: '2026-11-22' }]);

    // the credentials letter: a fresh code, shown once; a reprint replaces it
    const letter1 = (await as.city.ok(`mutation($id: ID!) { issueActivationLetter(applicationId: $id) { loginId name officeName activationCode expiresAt } }`, { id: app.id })).issueActivationLetter;
    expect(letter1).toEqual([expect.objectContaining({ loginId: user.login_id, name: '新規 看護師', officeName: world.office.name })]);
    const letter2 = (await as.city.ok(`mutation($id: ID!) { issueActivationLetter(applicationId: $id) { activationCode expiresAt } }`, { id: app.id })).issueActivationLetter;
    const days = (new Date(letter2[0].expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    const newcomer = new Client(server.url);
    const ACTIVATE = `mutation($l: String!, $c: String!, $p: String!) { activateAccount(loginId: $l, activationCode: $c, newPassword: $p) { step } }`;
    expect(codesOf(await newcomer.gql(ACTIVATE, { l: user.login_id, c: letter1[0].activationCode, p: 'my-new-password-1' }))).toEqual(['INVALID_CREDENTIALS']);
    expect(codesOf(await newcomer.gql(ACTIVATE, { l: user.login_id, c: letter2[0].activationCode, p: 'short' }))).toEqual(['BAD_USER_INPUT']);
    expect((await newcomer.ok(ACTIVATE, { l: user.login_id, c: letter2[0].activationCode.toLowerCase(), p: 'my-new-password-1' })).activateAccount.step).toBe('TOTP_ENROLLMENT');
    const e = (await newcomer.ok(`mutation { beginTotpEnrollment { manualEntryKey } }`)).beginTotpEnrollment;
    const c = await newcomer.ok(`mutation($c: String!) { confirmTotpEnrollment(code: $c) { step recoveryCodes } }`, { c: await totpCode(e.manualEntryKey) });
    expect(c.confirmTotpEnrollment.step).toBe('SIGNED_IN');
    expect((await newcomer.ok(`{ me { loginId status office { id } } }`)).me).toEqual({ loginId: user.login_id, status: 'ACTIVE', office: { id: world.office.id } });
    expect(codesOf(await new Client(server.url).gql(ACTIVATE, { l: user.login_id, c: letter2[0].activationCode, p: 'other-password-12' }))).toEqual(['INVALID_CREDENTIALS']);

    // e-mail: the city on arrival (twice), the vendor when forwarded, the applicant on each decision; never a credential
    await mailer.runOnce();
    const summary = smtp.mails.map((m) => `${m.to.join(',')}|${m.subject}`);
    expect(summary).toEqual([
      'city-desk@example.jp|【在宅医療・介護連携】職員追加申請が届きました',
      `${world.users.officeAdmin.user.email ?? world.office.contactEmail}|【在宅医療・介護連携】職員追加申請の結果のお知らせ`,
      'city-desk@example.jp|【在宅医療・介護連携】職員追加申請が届きました',
      'vendor-ops@example.jp|【在宅医療・介護連携】職員追加申請の処理依頼',
      `${world.users.officeAdmin.user.email ?? world.office.contactEmail}|【在宅医療・介護連携】職員追加申請の結果のお知らせ`,
    ]);
    // a reviewer's comment stays in the panel (it may name a person): the mail says there is one
    expect(smtp.mails[1].body).toContain('コメントがあります');
    expect(smtp.mails[1].body).not.toContain('誓約書の日付をご確認ください');
    expect(smtp.mails[4].body).toContain('処理が完了しました');
    // the headers as sent, and the subject and body decoded (the raw body is base64)
    for (const m of smtp.mails) {
      for (const text of [m.raw, m.subject, m.body]) {
        expect(text).not.toContain(letter1[0].activationCode);
        expect(text).not.toContain(letter2[0].activationCode);
        expect(text).not.toContain(user.login_id);
      }
    }
  });

  it('catches a person who is already registered, and a duplicate 事業所番号', async () => {
    const existing = world.users.staff.user;
    const dup = await as.officeAdmin.gql(SUBMIT, { t: 'STAFF_ADDITION', i: { staffAddition: { staff: [staffRow({ name: existing.name, nameKana: existing.nameKana })] } } });
    expect(dup.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'staffAddition.staff.0.name', code: 'ALREADY_REGISTERED' })]);
    const reg = await as.city.gql(SUBMIT, {
      t: 'OFFICE_REGISTRATION',
      i: {
        officeRegistration: {
          office: { ...medicalOffice('重複'), kind: 'SERVICE', serviceTypes: ['HOME_HELP'], officeNumber: world.office.officeNumber },
          officePledgedOn: '2026-11-01',
          staff: [staffRow()],
        },
      },
    });
    expect(reg.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'officeRegistration.office.officeNumber', code: 'TAKEN' })]);
  });
});

describe('the public application page', () => {
  const PUBLIC = `mutation($c: String!, $i: OfficeRegistrationInput!, $f: [AttachmentUpload!]) { submitPublicRegistration(municipalityCode: $c, input: $i, applicantName: "新規 申請者", applicantEmail: "new-office@example.jp", attachments: $f) { receiptNumber submittedAt } }`;

  it('takes a registration without an account, checks the scanned form, and lands it in the city’s queue', async () => {
    const anonymous = new Client(server.url);
    // a PNG that says it is a PDF is refused at the upload, before the form is sent
    const fake = { filename: 'form.pdf', contentType: 'application/pdf', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]) };
    const bad = await postUpload(server.url, fake, { public: true });
    expect([bad.status, bad.body.errors[0].extensions.code]).toEqual([415, 'FILE_TYPE']);
    const r = await anonymous.ok(PUBLIC, {
      c: world.city.code,
      i: { office: medicalOffice('公開クリニック'), officePledgedOn: '2026-11-01', staff: [staffRow({ jobType: 'DOCTOR', officeAdmin: true })] },
      f: [await uploadedPublic(server.url, pdfFile())],
    });
    expect(Object.keys(r.submitPublicRegistration).sort()).toEqual(['receiptNumber', 'submittedAt']);
    const queue = await as.city.ok(`{ applications(filter: { states: [SUBMITTED], type: OFFICE_REGISTRATION }) { items { id version channel summary applicantName } } }`);
    const app = queue.applications.items.find((a: { summary: string }) => a.summary.startsWith('公開クリニック'));
    expect(app).toMatchObject({ channel: 'PUBLIC', applicantName: '新規 申請者' });
    expect((await as.otherCity.ok(`{ applications { total } }`)).applications.total).toBe(0);

    // the city forwards, the vendor completes: the office and its admin account exist
    const f = await as.city.ok(`mutation($id: ID!, $v: Int!) { forwardApplication(id: $id, version: $v) { version } }`, { id: app.id, v: app.version });
    await as.vendor.ok(`mutation($id: ID!, $v: Int!) { completeApplication(id: $id, version: $v) { state } }`, { id: app.id, v: f.forwardApplication.version });
    const [office] = await sql(`select id, municipality_id, status from office where name = '公開クリニック'`);
    expect(office).toMatchObject({ municipality_id: world.city.id, status: 'ACTIVE' });
    expect(await sql(`select role, status, office_admin from app_user where office_id = ?`, [office.id])).toEqual([{ role: 'OFFICE', status: 'PENDING', office_admin: true }]);
    expect(await sql(`select kind from pledge where office_id = ? order by kind`, [office.id])).toEqual([{ kind: 'EMPLOYEE' }, { kind: 'OFFICE' }]);
  });

  it('is rate-limited per client address', async () => {
    const anonymous = new Client(server.url);
    const results: (string | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await anonymous.gql(PUBLIC, { c: world.city.code, i: { office: medicalOffice(`連続${i}`), officePledgedOn: '2026-11-01', staff: [staffRow()] } });
      results.push(codesOf(r)[0]);
    }
    expect(results.at(-1)).toBe('TOO_MANY_REQUESTS');
  });
});

describe('ID stop', () => {
  it('office admin requests → city forwards → vendor completes: sign-in works through the stop date and ends after it', async () => {
    const leaver = await buildUser(em.fork(), server.secrets, { role: Role.OFFICE, office: world.office, name: '退職 予定' });
    const session = new Client(server.url);
    await session.signIn(leaver.loginId, leaver.password, leaver.totpSecret!);
    const activeCount = async () => (await as.city.ok(`query($id: ID!) { office(id: $id) { activeUserCount } }`, { id: world.office.id })).office.activeUserCount as number;
    const before = await activeCount();
    const past = await as.officeAdmin.gql(SUBMIT, { t: 'ID_STOP', i: { idStop: { userIds: [leaver.user.id], stopDate: '2020-01-01' } } });
    expect(past.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'idStop.stopDate', code: 'DATE_IN_PAST' })]);
    const foreign = await as.officeAdmin.gql(SUBMIT, { t: 'ID_STOP', i: { idStop: { userIds: [world.users.otherOfficeStaff.user.id] } } });
    expect(foreign.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'idStop.userIds', code: 'NOT_IN_SCOPE' })]);

    const s = (await as.officeAdmin.ok(SUBMIT, { t: 'ID_STOP', i: { idStop: { userIds: [leaver.user.id], stopDate: null } } })).submitApplication;
    const f = await as.city.ok(`mutation($id: ID!, $v: Int!) { forwardApplication(id: $id, version: $v) { version } }`, { id: s.id, v: s.version });
    await as.vendor.ok(`mutation($id: ID!, $v: Int!) { completeApplication(id: $id, version: $v) { state } }`, { id: s.id, v: f.forwardApplication.version });
    const [row] = await sql(`select status, stop_date::text as d from app_user where id = ?`, [leaver.user.id]);
    expect(row).toEqual({ status: 'ACTIVE', d: todayInTokyo() }); // blank = today; usable until the day ends
    expect((await session.ok(`{ me { id } }`)).me.id).toBe(leaver.user.id);
    expect(await applyDueStops(em.fork())).toBe(0);

    // the next day in Tokyo: the account is stopped, its open session refused, the roster says so
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await applyDueStops(em.fork(), tomorrow)).toBe(1);
    expect(codesOf(await session.gql(`{ me { id } }`))).toEqual(['UNAUTHENTICATED']);
    expect(await activeCount()).toBe(before - 1);
    const roster = await as.officeAdmin.ok(`query($id: ID!) { user(id: $id) { status stopDate } }`, { id: leaver.user.id });
    expect(roster.user).toEqual({ status: 'STOPPED', stopDate: todayInTokyo() });
    expect(await sql(`select action, actor_login_id from audit_event where target_id = ? and action like 'user.stop%' order by id`, [leaver.user.id])).toEqual([
      { action: 'user.stop_scheduled', actor_login_id: world.users.vendor.loginId },
      { action: 'user.stop', actor_login_id: 'system' },
    ]);
  });
});

describe('the mail outbox', () => {
  it('retries while the SMTP server refuses, then gives up; the city sees it in the outbox', async () => {
    await sql(`update notification set status = 'SENT' where status = 'PENDING'`);
    await buildApplication(em.fork(), { office: world.office });
    await as.officeAdmin.ok(SUBMIT, { t: 'STAFF_ADDITION', i: { staffAddition: { staff: [staffRow()] } } });
    smtp.refuse(true);
    try {
      for (let i = 1; i <= MAX_ATTEMPTS; i++) {
        expect(await mailer.runOnce()).toBe(0);
        const [n] = await sql(`select attempts, status, last_error from notification where status <> 'SENT' order by created_at desc limit 1`);
        expect(n.attempts).toBe(i);
        expect(n.status).toBe(i < MAX_ATTEMPTS ? 'PENDING' : 'FAILED');
        expect(n.last_error).toMatch(/451/);
        await sql(`update notification set next_attempt_at = now() - interval '1 second' where status = 'PENDING'`);
      }
    } finally {
      smtp.refuse(false);
    }
    const outbox = await as.city.ok(`{ notifications(filter: { status: FAILED }) { items { to subject attempts lastError } } }`);
    expect(outbox.notifications.items[0]).toMatchObject({ to: 'city-desk@example.jp', attempts: MAX_ATTEMPTS });
    expect((await as.otherCity.ok(`{ notifications { total } }`)).notifications.total).toBe(0);
  });
});
