// Writes audit events into the caller's unit of work, so they commit (or roll back) with the change.
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEvent, AuditOutcome } from './audit-event.entity.js';
import type { Viewer } from '../context.js';

export interface AuditEntry {
  action: string;
  outcome?: AuditOutcome;
  target?: { type: string; id: string } | null;
  /** overrides for events whose actor is not (yet) the viewer, e.g. a sign-in attempt */
  actor?: { id?: string | null; loginId?: string | null; role?: string | null; municipalityId?: string | null; officeId?: string | null };
  municipalityId?: string | null;
  officeId?: string | null;
  patientId?: string | null;
  roomId?: string | null;
  /** what changed: field names and non-secret values only */
  detail?: Record<string, unknown> | null;
}

export class Audit {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: () => Viewer | null,
    private readonly ip: string | null,
  ) {}

  /** Adds the event to the unit of work; the caller's flush/transaction writes it. */
  record(entry: AuditEntry): AuditEvent {
    const event = this.em.create(AuditEvent, this.row(entry));
    this.em.persist(event);
    return event;
  }

  /**
   * Writes a read of patient data at once (a single INSERT, in the caller's transaction if any), so
   * the answer is not sent unless its access log row exists. Safe from parallel field resolvers.
   */
  async recordRead(entry: AuditEntry): Promise<void> {
    await this.em.insert(AuditEvent, this.row(entry));
  }

  private row(entry: AuditEntry) {
    const v = this.viewer();
    return {
      action: entry.action,
      outcome: entry.outcome ?? AuditOutcome.SUCCESS,
      actorId: entry.actor?.id ?? v?.id ?? null,
      actorLoginId: entry.actor?.loginId ?? v?.loginId ?? null,
      actorRole: entry.actor?.role ?? v?.role ?? null,
      municipalityId: entry.municipalityId ?? entry.actor?.municipalityId ?? v?.municipalityId ?? null,
      officeId: entry.officeId ?? entry.actor?.officeId ?? v?.officeId ?? null,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      patientId: entry.patientId ?? null,
      roomId: entry.roomId ?? null,
      ip: this.ip,
      detail: entry.detail ?? null,
      occurredAt: new Date(),
    };
  }
}

/** Field names that changed between two plain snapshots, for the audit detail (values of secrets never appear). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
