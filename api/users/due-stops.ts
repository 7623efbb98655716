// ID stops take effect at the end of the stop date (Japan time): from the next day the account is
// STOPPED and its sessions are gone. Sign-in and session checks already refuse such accounts on
// their own (sessions.ts accountUsable); this job makes the status and rosters say so too.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInTokyo } from '../common/dates.js';
import { AuditEvent, AuditOutcome } from '../audit/audit-event.entity.js';
import { revokeSessions } from '../auth/sessions.js';
import { inTransaction } from '../db/transaction.js';
import { User } from './user.entity.js';
import { UserStatus } from './user.enums.js';

/** Stops every account whose stop date has passed; returns how many. Safe to run from several processes (locked rows are skipped). */
export async function applyDueStops(em: EntityManager, now = new Date()): Promise<number> {
  const today = todayInTokyo(now);
  return inTransaction(em, async () => {
    const due = await em.find(User, { status: { $ne: UserStatus.STOPPED }, stopDate: { $lt: today } }, { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, limit: 500 });
    for (const user of due) {
      user.status = UserStatus.STOPPED;
      const revoked = await revokeSessions(em, user.id, 'stopped');
      em.create(AuditEvent, {
        action: 'user.stop',
        outcome: AuditOutcome.SUCCESS,
        actorLoginId: 'system',
        targetType: 'User',
        targetId: user.id,
        municipalityId: user.municipality?.id ?? null,
        officeId: user.office?.id ?? null,
        detail: { stopDate: user.stopDate, revokedSessions: revoked, cause: 'stop_date_passed' },
      });
    }
    return due.length;
  });
}
