// Sign-in: password, then TOTP (or enrollment, or a recovery code), then a forced password change
// when the password was issued by someone else. Lockout counts failures of either factor.
import QRCode from 'qrcode';
import type { Context } from '../context.js';
import { AppError, assertValid, validationError } from '../common/errors.js';
import { passwordPolicy } from '../common/validation.js';
import { AuditOutcome } from '../audit/audit-event.entity.js';
import { User } from '../users/user.entity.js';
import { Session, SessionStage } from './session.entity.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from './password.js';
import { checkTotp, newTotpSecret, totpUri } from './totp.js';
import { hashRecoveryCode, newRecoveryCode } from './tokens.js';
import { accountUsable, clearSessionCookie, createSession, revokeSessions } from './sessions.js';
import { minutes } from '../common/dates.js';
import { UserStatus } from '../users/user.enums.js';
import { claimActivationCode } from './activation.js';
import { inTransaction } from '../db/transaction.js';
import { beginSignIn, type SignInAttempt } from '../http/rate-limits.js';

export enum AuthStep {
  SIGNED_OUT = 'SIGNED_OUT',
  TOTP_REQUIRED = 'TOTP_REQUIRED',
  TOTP_ENROLLMENT = 'TOTP_ENROLLMENT',
  PASSWORD_CHANGE = 'PASSWORD_CHANGE',
  SIGNED_IN = 'SIGNED_IN',
}

const RECOVERY_CODE_COUNT = 10;

const actorOf = (user: User) => ({
  id: user.id,
  loginId: user.loginId,
  role: user.role,
  municipalityId: user.municipality?.id ?? null,
  officeId: user.office?.id ?? null,
});

export class AuthService {
  constructor(private readonly ctx: Context) {}

  private get em() {
    return this.ctx.em;
  }

  step(): AuthStep {
    return (this.ctx.session?.stage as unknown as AuthStep) ?? AuthStep.SIGNED_OUT;
  }

  async login(loginId: string, password: string): Promise<AuthStep> {
    const attempt = await this.throttle('auth.login', loginId);
    const user = await this.em.findOne(User, { loginId: loginId.trim() }, { populate: ['passwordHash'] });
    const now = new Date();
    if (!user?.passwordHash) {
      await burnPasswordCheck(password);
      await this.fail('auth.login', null, loginId, 'unknown_login_id');
    }
    const u = user!;
    if (this.isLocked(u, now)) {
      await burnPasswordCheck(password);
      await this.fail('auth.login', u, loginId, 'locked', false);
    }
    if (!(await verifyPassword(password, u.passwordHash!))) {
      await this.fail('auth.login', u, loginId, 'wrong_password');
    }
    if (!accountUsable(u, now)) {
      await this.fail('auth.login', u, loginId, `account_${u.status.toLowerCase()}`, false);
    }
    await attempt.succeeded();
    // the password is known now: a hash made at an older, lower cost is replaced by one at today's
    const rehashed = needsRehash(u.passwordHash!) ? await this.rehash(u, password) : false;
    // a fresh sign-in replaces any half-finished one in this browser
    if (this.ctx.session) {
      this.ctx.session.revokedAt = now;
      this.ctx.session.revokedReason = 'replaced';
    }
    const stage = u.totpEnabledAt ? SessionStage.TOTP_REQUIRED : SessionStage.TOTP_ENROLLMENT;
    const session = await createSession(this.em, this.ctx.config, u, stage, this.ctx);
    this.ctx.session = session;
    this.ctx.audit.record({ action: 'auth.password', actor: actorOf(u), target: { type: 'User', id: u.id }, detail: rehashed ? { passwordRehashed: true } : null });
    await this.em.flush();
    return stage as unknown as AuthStep;
  }

  /**
   * First sign-in of an issued account: login ID + the code from the credentials letter + a
   * password of the user's own choosing; TOTP enrollment follows. Every failure answers
   * INVALID_CREDENTIALS, so pending accounts cannot be told from active or unknown ones; only a
   * wrong code for a pending account counts toward its lockout (an activation attempt cannot sign
   * in to an active account, so it must not lock one either).
   */
  async activate(loginId: string, code: string, newPassword: string): Promise<AuthStep> {
    // the policy looks at the new password only: the same answer whichever account the ID names
    assertValid(passwordPolicy(newPassword) ? [] : [{ field: 'newPassword', code: 'PASSWORD_POLICY' }]);
    const attempt = await this.throttle('auth.activate', loginId);
    // every attempt pays for the hash before any check, so timing does not tell the cases apart
    const passwordHash = await hashPassword(newPassword);
    const user = await this.em.findOne(User, { loginId: loginId.trim() });
    const now = new Date();
    if (!user || user.status !== UserStatus.PENDING) await this.fail('auth.activate', user, loginId, user ? 'not_pending' : 'unknown_login_id', false);
    const u = user!;
    if (this.isLocked(u, now)) await this.fail('auth.activate', u, loginId, 'locked', false);
    if (!(await claimActivationCode(this.em, u, code))) await this.fail('auth.activate', u, loginId, 'wrong_code');
    await attempt.succeeded();
    return inTransaction(this.em, async () => {
      u.passwordHash = passwordHash;
      u.status = UserStatus.ACTIVE;
      u.mustChangePassword = false;
      this.ctx.session = await createSession(this.em, this.ctx.config, u, SessionStage.TOTP_ENROLLMENT, this.ctx);
      this.ctx.audit.record({ action: 'auth.activate', actor: actorOf(u), target: { type: 'User', id: u.id } });
      return AuthStep.TOTP_ENROLLMENT;
    });
  }

  async verifyTotp(code: string): Promise<AuthStep> {
    const session = this.requireStage(SessionStage.TOTP_REQUIRED);
    const user = await this.loadSessionUser(session);
    const secret = this.ctx.secrets.open(user.totpSecret!);
    const last = user.totpLastTimeStep != null ? Number(user.totpLastTimeStep) : null;
    const step = await checkTotp(secret, code, last);
    // the step is claimed atomically: two requests with one code cannot both pass
    if (step === null || !(await this.claimTimeStep(user, step))) {
      const replayed = (await checkTotp(secret, code)) !== null;
      await this.fail('auth.totp', user, user.loginId, replayed ? 'replayed_code' : 'wrong_code', true, session);
    }
    return this.completeSecondFactor(session, user, 'auth.totp');
  }

  async useRecoveryCode(code: string): Promise<AuthStep> {
    const session = this.requireStage(SessionStage.TOTP_REQUIRED);
    const user = await this.loadSessionUser(session);
    // claimed atomically: a code works once, even when sent twice at the same moment
    const used = await this.em.nativeUpdate(RecoveryCode, { user, codeHash: hashRecoveryCode(code), usedAt: null }, { usedAt: new Date() });
    if (used !== 1) await this.fail('auth.recovery_code', user, user.loginId, 'wrong_code', true, session, 'INVALID_RECOVERY_CODE');
    const remaining = await this.em.count(RecoveryCode, { user, usedAt: null });
    return this.completeSecondFactor(session, user, 'auth.recovery_code', { remaining });
  }

  async beginTotpEnrollment(): Promise<{ otpauthUri: string; qrCodeDataUrl: string; manualEntryKey: string }> {
    const session = this.requireStage(SessionStage.TOTP_ENROLLMENT);
    const user = session.user.getEntity();
    const secret = newTotpSecret();
    session.pendingTotpSecret = this.ctx.secrets.seal(secret);
    await this.em.flush();
    const otpauthUri = totpUri(this.ctx.config.totpIssuer, user.loginId, secret);
    return { otpauthUri, qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 240 }), manualEntryKey: secret };
  }

  async confirmTotpEnrollment(code: string): Promise<{ step: AuthStep; recoveryCodes: string[] }> {
    const session = this.requireStage(SessionStage.TOTP_ENROLLMENT);
    await this.em.populate(session, ['pendingTotpSecret']);
    const user = await this.loadSessionUser(session);
    if (!session.pendingTotpSecret) throw validationError([{ field: 'code', code: 'INVALID_VALUE' }]);
    const secret = this.ctx.secrets.open(session.pendingTotpSecret);
    const step = await checkTotp(secret, code);
    if (step === null) await this.fail('auth.totp_enroll', user, user.loginId, 'wrong_code', true, session);
    return inTransaction(this.em, async () => {
      user.totpSecret = this.ctx.secrets.seal(secret);
      user.totpEnabledAt = new Date();
      user.totpLastTimeStep = String(step);
      session.pendingTotpSecret = null;
      // new codes replace any earlier set
      await this.em.nativeUpdate(RecoveryCode, { user, usedAt: null }, { usedAt: new Date() });
      const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      for (const c of recoveryCodes) this.em.persist(this.em.create(RecoveryCode, { user, codeHash: hashRecoveryCode(c) }));
      const next = await this.completeSecondFactor(session, user, 'auth.totp_enroll');
      return { step: next, recoveryCodes };
    });
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<AuthStep> {
    const session = this.ctx.session;
    if (!session || (session.stage !== SessionStage.PASSWORD_CHANGE && session.stage !== SessionStage.SIGNED_IN)) throw new AppError('UNAUTHENTICATED');
    const user = await this.em.findOneOrFail(User, { id: session.user.id }, { populate: ['passwordHash'] });
    if (!(await verifyPassword(currentPassword, user.passwordHash!))) {
      this.ctx.audit.record({
        action: 'auth.password_change',
        outcome: AuditOutcome.FAILURE,
        actor: actorOf(user),
        target: { type: 'User', id: user.id },
        detail: { reason: 'wrong_current_password' },
      });
      await this.em.flush();
      throw new AppError('WRONG_PASSWORD', { fields: [{ field: 'currentPassword', code: 'INVALID_VALUE' }] });
    }
    assertValid(!passwordPolicy(newPassword) ? [{ field: 'newPassword', code: 'PASSWORD_POLICY' }] : newPassword === currentPassword ? [{ field: 'newPassword', code: 'PASSWORD_REUSED' }] : []);
    const passwordHash = await hashPassword(newPassword);
    return inTransaction(this.em, async () => {
      user.passwordHash = passwordHash;
      user.mustChangePassword = false;
      session.stage = SessionStage.SIGNED_IN;
      await revokeSessions(this.em, user.id, 'password_changed', session.id);
      this.ctx.audit.record({ action: 'auth.password_change', actor: actorOf(user), target: { type: 'User', id: user.id } });
      return AuthStep.SIGNED_IN;
    });
  }

  async logout(): Promise<boolean> {
    const session = this.ctx.session;
    clearSessionCookie(this.ctx.config, this.ctx.res);
    if (!session) return true;
    session.revokedAt = new Date();
    session.revokedReason = 'logout';
    const user = session.user.getEntity();
    this.ctx.audit.record({ action: 'auth.logout', actor: actorOf(user), target: { type: 'User', id: user.id } });
    await this.em.flush();
    this.ctx.session = null;
    return true;
  }

  // ---- internals ----

  /**
   * Sign-in limits per client address and per login ID, taken before any lookup or hashing.
   * Refused attempts are audited and answer TOO_MANY_REQUESTS with the seconds to wait.
   */
  private async throttle(action: string, loginId: string): Promise<SignInAttempt> {
    try {
      return await beginSignIn(this.ctx.limits, this.ctx.ip, loginId);
    } catch (e) {
      if (e instanceof AppError && e.code === 'TOO_MANY_REQUESTS') {
        await inTransaction(this.em, async () => {
          this.ctx.audit.record({ action, outcome: AuditOutcome.FAILURE, actor: { loginId: loginId.slice(0, 64) }, target: null, detail: { reason: 'throttled' } });
        });
      }
      throw e;
    }
  }

  /** Replaces the hash unless it changed meanwhile (a password change in another request wins). */
  private async rehash(user: User, password: string): Promise<boolean> {
    const fresh = await hashPassword(password);
    // written natively: sign-in bookkeeping must not bump the record's edit version
    const rows = await this.em.execute<{ id: string }[]>('update app_user set password_hash = ? where id = ? and password_hash = ? returning id', [fresh, user.id, user.passwordHash]);
    return rows.length === 1;
  }

  private requireStage(stage: SessionStage): Session {
    const session = this.ctx.session;
    if (!session || session.stage !== stage) throw new AppError('UNAUTHENTICATED', { reason: 'WRONG_SIGN_IN_STEP' });
    return session;
  }

  private async loadSessionUser(session: Session): Promise<User> {
    const user = session.user.getEntity();
    await this.em.populate(user, ['totpSecret']);
    if (this.isLocked(user, new Date())) await this.fail('auth.totp', user, user.loginId, 'locked', false, session);
    return user;
  }

  /** Marks a TOTP time step used; false if it (or a later one) already was. */
  private async claimTimeStep(user: User, step: number): Promise<boolean> {
    const rows = await this.em.execute<{ id: string }[]>('update app_user set totp_last_time_step = ? where id = ? and (totp_last_time_step is null or totp_last_time_step < ?) returning id', [
      step,
      user.id,
      step,
    ]);
    return rows.length === 1;
  }

  private async completeSecondFactor(session: Session, user: User, action: string, detail?: Record<string, unknown>): Promise<AuthStep> {
    // sign-in bookkeeping is written natively: it must not bump the record's edit version
    return inTransaction(this.em, async () => {
      await this.em.execute('update app_user set failed_sign_ins = 0, first_failed_sign_in_at = null, locked_until = null, last_sign_in_at = ? where id = ?', [new Date(), user.id]);
      session.stage = user.mustChangePassword ? SessionStage.PASSWORD_CHANGE : SessionStage.SIGNED_IN;
      this.ctx.audit.record({ action, actor: actorOf(user), target: { type: 'User', id: user.id }, detail: detail ?? null });
      return session.stage as unknown as AuthStep;
    });
  }

  private isLocked(user: User, now: Date): boolean {
    return !!user.lockedUntil && user.lockedUntil > now;
  }

  /**
   * Records a failed attempt (audit + lockout counter) and throws. The same error for unknown
   * user, wrong password, locked or unusable account, so the answer reveals nothing.
   */
  private async fail(
    action: string,
    user: User | null,
    loginId: string,
    reason: string,
    count = true,
    session?: Session,
    code: 'INVALID_CREDENTIALS' | 'INVALID_TOTP' | 'INVALID_RECOVERY_CODE' = session ? 'INVALID_TOTP' : 'INVALID_CREDENTIALS',
  ): Promise<never> {
    await inTransaction(this.em, () => this.recordFailure(action, user, loginId, reason, count, session));
    throw new AppError(code);
  }

  private async recordFailure(action: string, user: User | null, loginId: string, reason: string, count: boolean, session?: Session): Promise<void> {
    const now = new Date();
    const { maxFailures, windowMinutes, durationMinutes } = this.ctx.config.lockout;
    let lockedUntil: Date | null = null;
    if (user && count) {
      // one atomic statement, so parallel attempts cannot slip past the limit
      const windowStart = new Date(now.getTime() - minutes(windowMinutes));
      const until = new Date(now.getTime() + minutes(durationMinutes));
      const [row] = await this.em
        .execute<{ locked_until: Date | null }[]>(
          `update app_user set
           failed_sign_ins = case when first_failed_sign_in_at is null or first_failed_sign_in_at < ? then 1 else failed_sign_ins + 1 end,
           first_failed_sign_in_at = case when first_failed_sign_in_at is null or first_failed_sign_in_at < ? then ? else first_failed_sign_in_at end
         where id = ?`,
          [windowStart, windowStart, now, user.id],
        )
        .then(() =>
          this.em.execute<{ locked_until: Date | null }[]>(
            `update app_user set locked_until = ?, failed_sign_ins = 0, first_failed_sign_in_at = null
           where id = ? and failed_sign_ins >= ? returning locked_until`,
            [until, user.id, maxFailures],
          ),
        );
      lockedUntil = row?.locked_until ?? null;
    }
    const lockedNow = lockedUntil !== null;
    if (session && (lockedNow || reason === 'locked')) {
      // a locked account keeps no half-signed-in session
      session.revokedAt = now;
      session.revokedReason = 'locked';
      clearSessionCookie(this.ctx.config, this.ctx.res);
    }
    this.ctx.audit.record({
      action,
      outcome: AuditOutcome.FAILURE,
      actor: user ? actorOf(user) : { loginId: loginId.slice(0, 64) },
      target: user ? { type: 'User', id: user.id } : null,
      detail: { reason, ...(lockedNow ? { lockedUntil: new Date(lockedUntil!).toISOString() } : {}) },
    });
  }
}
