// Applications: submission (office admin, city, public page), the state machine's transitions,
// completion effects and notices, all in one transaction per action.
import { sqlRows } from '../db/rows.js';
import { raw, type FilterQuery } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { AppError, assertValid, conflict, forbidden, notFound, validationError } from '../common/errors.js';
import { AreaService, exactFilters } from '../common/area-service.js';
import { flushOrExplain } from '../common/entity-errors.js';
import { readOne, readPage, rowAlways, type Selection } from '../common/read-rows.js';
import { findOptions, SortOrder } from '../common/list.js';
import { containsPattern } from '../common/search.js';
import { enqueueMail, enqueueMailSql } from '../mail/outbox.js';
import { rowSql, SqlValue } from '../common/insert-row.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import type { AuditEntry } from '../audit/audit.js';
import { applicationArrived, applicationDecided, applicationForwarded } from '../mail/templates.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Office } from '../offices/office.entity.js';
import { OfficeStatus } from '../offices/office.enums.js';
import { User } from '../users/user.entity.js';
import { Role, UserStatus } from '../users/user.enums.js';
import { Application, ApplicationChannel, ApplicationEvent, Attachment } from './application.entity.js';
import { ApplicationAction, ApplicationState, ApplicationType, ROOM_TYPES } from './application.enums.js';
import { checkRoomPayload, roomEffects } from '../rooms/room.applications.js';
import type { RoomSetupInput } from '../rooms/room.inputs.js';
import { Room } from '../rooms/room.entity.js';
import { RoomStatus, type ClosingReason } from '../rooms/room.enums.js';
import { completeApplication } from './application.effects.js';
import { type ApplicationInput, type ApplicationListArgs, ApplicationSortField, type PublicRegistrationArgs } from './application.inputs.js';
import { checkPayload, checkRegistration } from './application.payload.js';
import { Pledge, PledgeKind } from './pledge.entity.js';
import { attachFiles, type AttachmentUpload } from './attachment.js';
import type { ActivationLetterEntry } from './application.types.js';
import { issueActivationCodes } from '../auth/activation.js';
import { takePublicSubmission } from '../http/rate-limits.js';
import { inTransaction } from '../db/transaction.js';
import { allowedActions, findTransition, FINAL_STATES } from './application.workflow.js';
import { applicationPolicy, type ApplicationRecord } from './application.policy.js';
import { readsPatientData } from './patient-data.js';
import { authorize, is } from '../authz/policy.js';

// Which rows, which parties and whose patient data: application.policy.ts.
const { scope: applicationScope, parties: partiesOf } = applicationPolicy;

/** What a receipt number looks like: 8 hexadecimal characters. */
const RECEIPT_NUMBER = /^[0-9A-F]{8}$/;

// read with every row (api/common/read-rows.ts): what applicationPolicy decides on (parties, patient
// data) and what the read-log of a room form names (patient, room in the payload)
rowAlways(Application, ['type', 'state', 'channel', 'municipality', 'office', 'applicant', 'patientId', 'payload']);

export class ApplicationService extends AreaService {
  async list({ filter, sort, page }: ApplicationListArgs, selection: Selection): Promise<{ items: Application[]; total: number }> {
    const where: FilterQuery<Application>[] = [
      applicationScope(this.viewer),
      ...exactFilters<Application>(filter as never, { type: 'type', state: 'state', officeId: 'office', municipalityId: 'municipality' }),
    ];
    if (filter?.states?.length) where.push({ state: { $in: filter.states } });
    // a room form's summary names the patient: searched only where the viewer may read that
    const receipt = filter?.q
      ?.trim()
      .normalize('NFKC')
      .replace(/^受付番号\s*/, '')
      .toUpperCase();
    if (receipt && RECEIPT_NUMBER.test(receipt)) {
      // 受付番号 (the id's first 8 characters): the expression index application_receipt_number serves it
      where.push({ [raw((a) => `upper(left(${a}.id::text, 8))`)]: receipt });
    } else if (filter?.q?.trim()) where.push({ summary: { $ilike: containsPattern(filter.q) } }, applicationPolicy.patientDataScope(this.viewer));
    // plain rows of the selected columns (and what the policy decides on), the total with the page
    return readPage(this.ctx, {
      entity: Application,
      where: { $and: where },
      paging: findOptions(page, sort ?? { field: ApplicationSortField.submittedAt, order: SortOrder.DESC }, Object.values(ApplicationSortField)),
      selection,
    });
  }

  async get(id: string): Promise<Application> {
    const app = await this.em.findOne(Application, { $and: [{ id }, applicationScope(this.viewer)] });
    if (!app) throw notFound();
    return app;
  }

  /**
   * A detail read. A room form holds patient data: when the viewer may read it, the read is
   * logged with the patient (also before the room exists); otherwise its fields come back without it.
   */
  async read(id: string, selection: Selection): Promise<Application> {
    const app = await readOne(this.ctx, { entity: Application, where: { $and: [{ id }, applicationScope(this.viewer)] }, selection });
    if (!app) throw notFound();
    await readsPatientData(this.ctx, app);
    return app;
  }

  /** Counts per state in the viewer's scope, for the dashboard's work queues. */
  async counts(): Promise<{ state: ApplicationState; count: number }[]> {
    // counted by PostgreSQL (one row per state), not by hydrating every application in scope
    const rows = await this.em
      .createQueryBuilder(Application, 'a')
      .select(['state', raw('count(*)::int as n')])
      .where({ $and: [applicationScope(this.viewer)] })
      .groupBy('state')
      .execute<{ state: ApplicationState; n: number }[]>('all', false);
    const counts = new Map(rows.map((r) => [r.state, r.n]));
    return Object.values(ApplicationState).map((state) => ({ state, count: counts.get(state) ?? 0 }));
  }

  allowedActions(app: Application): ApplicationAction[] {
    return allowedActions(app.type, app.state, partiesOf(this.viewer, app));
  }

  /** An office admin for their office, or the city typing in a paper form. */
  async submit(type: ApplicationType, input: ApplicationInput, officeId: string | null | undefined, attachments?: AttachmentUpload[] | null): Promise<Application> {
    const v = this.viewer;
    const me = await this.em.findOneOrFail(User, { id: v.id });
    authorize(applicationPolicy.submitType(v, type));
    if (ROOM_TYPES.includes(type)) return this.submitRoomForm(type, input, me, attachments);
    // account forms: an office admin for its office, or the city
    const byCity = is.city(v);
    let office: Office | null = null;
    if (type !== ApplicationType.OFFICE_REGISTRATION) {
      const wanted = byCity ? officeId : (officeId ?? v.officeId);
      authorize(applicationPolicy.submitForOffice(v, wanted ?? null));
      if (!wanted) assertValid([{ field: 'officeId', code: 'REQUIRED' }]);
      office = await this.em.findOne(Office, { id: wanted!, ...(byCity ? { municipality: v.municipalityId } : {}) });
      if (!office) assertValid([{ field: 'officeId', code: 'NOT_IN_SCOPE' }]);
      if (office!.status !== OfficeStatus.ACTIVE) assertValid([{ field: 'officeId', code: 'OFFICE_INACTIVE' }]);
    } else if (officeId) {
      // a new office comes through the city (paper form) or the public page, not an existing office
      assertValid([{ field: 'officeId', code: 'NOT_ALLOWED_FOR_KIND' }]);
    }
    const { payload, summary } = await checkPayload(this.em, type, input, office);
    const municipalityId = byCity ? v.municipalityId! : office!.municipality.id;
    const contactEmail = byCity ? (office?.contactEmail ?? (payload as { office?: { contactEmail: string } }).office?.contactEmail ?? '') : (me.email ?? office!.contactEmail);
    const app = this.em.create(Application, {
      municipality: municipalityId,
      type,
      channel: byCity ? ApplicationChannel.CITY : ApplicationChannel.OFFICE,
      office,
      applicant: me,
      applicantName: byCity ? (office?.name ?? (payload as { office: { name: string } }).office.name) : `${me.name}（${office!.name}）`,
      applicantEmail: contactEmail,
      summary,
      payload: payload as unknown as Record<string, unknown>,
    });
    await attachFiles(this.em, app, attachments, v.id);
    await this.recorded(app, ApplicationAction.SUBMIT, null, null);
    return app;
  }

  /** 様式6 (any office user, or the city typing a paper form) and join requests (a member of the room). */
  private async submitRoomForm(type: ApplicationType, input: ApplicationInput, me: User, attachments?: AttachmentUpload[] | null): Promise<Application> {
    const v = this.viewer;
    const office = v.officeId ? await this.em.findOneOrFail(Office, { id: v.officeId }) : null;
    const { payload, summary, patientId } = await checkRoomPayload(this.ctx, type, input, v.municipalityId!);
    const app = this.em.create(Application, {
      municipality: v.municipalityId!,
      type,
      channel: is.city(v) ? ApplicationChannel.CITY : ApplicationChannel.OFFICE,
      // the patient's reference from the start: reads are logged with it before the room exists
      patientId,
      office,
      applicant: me,
      applicantName: office ? `${me.name}（${office.name}）` : me.name,
      applicantEmail: me.email ?? office?.contactEmail ?? '',
      summary,
      payload: payload as unknown as Record<string, unknown>,
    });
    await attachFiles(this.em, app, attachments, v.id);
    await this.recorded(app, ApplicationAction.SUBMIT, null, null);
    return app;
  }

  /** 部屋の終了: a member's closing post puts the room in the city's queue. */
  async fileClosingRequest(room: Room, postId: string, reason: ClosingReason): Promise<Application> {
    const me = await this.em.findOneOrFail(User, { id: this.viewer.id }, { populate: ['office'] });
    const office = me.office?.getEntity() ?? null;
    room.status = RoomStatus.CLOSING;
    const app = this.em.create(Application, {
      municipality: room.municipality.id,
      type: ApplicationType.ROOM_END,
      channel: ApplicationChannel.OFFICE,
      office,
      applicant: me,
      applicantName: `${me.name}（${office?.name ?? ''}）`,
      applicantEmail: me.email ?? office?.contactEmail ?? '',
      summary: `部屋の終了: ${room.name}`,
      patientId: room.patient.id,
      payload: { roomId: room.id, postId, reason },
    });
    await this.recorded(app, ApplicationAction.SUBMIT, null, null);
    return app;
  }

  /** The public page: a new office without an account. Nothing is readable through it. */
  async submitPublic(args: PublicRegistrationArgs): Promise<{ receiptNumber: string; submittedAt: Date }> {
    // one atomic count per address, shared by every API process, taken before any work
    const reservation = await takePublicSubmission(this.ctx.limits, this.ctx.ip);
    try {
      return await inTransaction(this.em, () => this.storePublic(args));
    } catch (e) {
      // refused for its content, nothing stored: a visitor correcting the form keeps the hour's budget
      if (e instanceof AppError && e.code === 'BAD_USER_INPUT') await reservation.refund();
      throw e;
    }
  }

  private async storePublic(args: PublicRegistrationArgs): Promise<{ receiptNumber: string; submittedAt: Date }> {
    const municipality = await this.em.findOne(Municipality, { code: args.municipalityCode });
    if (!municipality) throw validationError([{ field: 'municipalityCode', code: 'NOT_IN_SCOPE' }]);
    const { payload, summary } = await checkRegistration(this.em, args.input, 'input.');
    const app = this.em.create(Application, {
      municipality,
      type: ApplicationType.OFFICE_REGISTRATION,
      channel: ApplicationChannel.PUBLIC,
      applicantName: args.applicantName.trim(),
      applicantEmail: args.applicantEmail.trim(),
      summary,
      payload: payload as unknown as Record<string, unknown>,
    });
    await attachFiles(this.em, app, args.attachments, null);
    await this.recorded(app, ApplicationAction.SUBMIT, null, null, 'application.public_submit');
    return { receiptNumber: app.id.slice(0, 8).toUpperCase(), submittedAt: app.submittedAt };
  }

  /**
   * Every action after submission goes through here: the transition table decides, the version
   * detects a concurrent action, and the effects, history, audit and notices commit together.
   */
  async transition(id: string, version: number, action: ApplicationAction, comment: string | null | undefined, input?: ApplicationInput, setup?: RoomSetupInput): Promise<Application> {
    if (action === ApplicationAction.FORWARD) return this.forward(id, version, comment, new Map());
    const app = await this.get(id);
    const { t, text } = this.decide(app, version, action, comment);

    if (action === ApplicationAction.RESUBMIT) {
      if (!input) assertValid([{ field: 'input', code: 'REQUIRED' }]);
      const office = app.office ? await app.office.loadOrFail() : null;
      const checked = ROOM_TYPES.includes(app.type) ? await checkRoomPayload(this.ctx, app.type, input!, app.municipality.id) : await checkPayload(this.em, app.type, input!, office, '', app.id);
      app.payload = checked.payload as unknown as Record<string, unknown>;
      app.summary = checked.summary;
      // a corrected 様式6 is still about the same patient; a join request follows its (corrected) room
      if ('patientId' in checked && (app.type === ApplicationType.ROOM_JOIN || !app.patientId)) app.patientId = checked.patientId;
      app.submittedAt = new Date();
    }
    const from = app.state;
    app.state = t.to;
    if (t.to === ApplicationState.FORWARDED) app.forwardedAt = new Date();
    if (t.to === ApplicationState.COMPLETED) app.completedAt = new Date();
    if (ROOM_TYPES.includes(app.type)) await roomEffects(this.ctx, app, setup);
    else if (t.to === ApplicationState.COMPLETED) await completeApplication(this.em, this.ctx.audit, app);
    await this.recorded(app, action, from, text);
    return app;
  }

  /** What every transition decides before it changes anything: the parties, the table's row, the version, the comment. */
  private decide(app: ApplicationRecord & { version: number }, version: number, action: ApplicationAction, comment: string | null | undefined) {
    const parties = partiesOf(this.viewer, app);
    if (parties.length === 0) throw forbidden();
    const t = findTransition(app.type, app.state, action, parties);
    if (!t) {
      // the action exists for these parties, just not from this state: someone acted first
      throw new AppError('INVALID_TRANSITION', { state: app.state });
    }
    if (app.version !== version) throw conflict(); // the version the client last saw
    const text = comment?.trim() || null;
    if (t.commentRequired && !text) assertValid([{ field: 'comment', code: 'REQUIRED' }]);
    if (text && text.length > 2000) assertValid([{ field: 'comment', code: 'TOO_LONG' }]);
    return { t, text };
  }

  /**
   * The city forwards an account form to the vendor: the same decision as transition(), in two
   * statements and no unit of work (a forward has no effects beyond its records). The row is read
   * with the resolver's selection (so it is also the answer); then one statement moves the state,
   * guarded by version and state in its WHERE (0 rows: someone acted first, CONFLICT), and writes
   * the history event, the audit event and the vendors' mails exactly as recorded() does.
   * The mutation runs outside the default transaction (application.resolver.ts).
   */
  async forward(id: string, version: number, comment: string | null | undefined, selection: Selection): Promise<Application> {
    const wanted: Selection = new Map([...selection, ...['version', 'summary', 'updatedAt', 'forwardedAt'].map((f) => [f, new Map()] as const)]);
    const app = await readOne<Application, Application & { version: number }>(this.ctx, { entity: Application, where: { $and: [{ id }, applicationScope(this.viewer)] }, selection: wanted });
    if (!app) throw notFound();
    const { t, text } = this.decide(app, version, ApplicationAction.FORWARD, comment);
    if (t.to !== ApplicationState.FORWARDED || ROOM_TYPES.includes(app.type)) throw new Error('forward() writes no effects: only account forms are forwarded');
    const now = new Date();
    const actor = (column: string) => new SqlValue(`select ${column} from app_user where id = ?`, [this.viewer.id]);
    const event = rowSql(this.em, ApplicationEvent, {
      id: randomUUID(),
      application: app.id,
      action: t.action,
      fromState: app.state,
      toState: t.to,
      actorId: this.viewer.id,
      actorName: actor('name'),
      actorRole: actor('role'),
      comment: text,
      at: now,
    });
    const audit = rowSql(this.em, AuditEvent, this.ctx.audit.row(this.recordEntry(app, `application.${t.action.toLowerCase()}`, app.state, t.to)));
    const mail = enqueueMailSql(
      this.em,
      { ...applicationForwarded({ id: app.id, type: app.type, summary: app.summary, hasComment: !!text }, this.ctx.config.publicUrl), municipalityId: app.municipality.id },
      'v.email',
      { sql: 'moved cross join app_user v where v.role = ? and v.status = ? and v.email is not null', params: [Role.VENDOR, UserStatus.ACTIVE] },
      now,
    );
    const [row] = await sqlRows<{ n: number }>(
      this.em,
      `with moved as (update application set state = ?, forwarded_at = ?::timestamptz, updated_at = ?::timestamptz, version = version + 1
                       where id = ? and version = ? and state = ? returning id),
       event as (insert into ${event.table} ${event.columns} select ${event.values} from moved),
       audit as (insert into ${audit.table} ${audit.columns} select ${audit.values} from moved),
       mail as (${mail.sql})
       select count(*)::int as n from moved`,
      [t.to, now, now, app.id, version, app.state, ...event.params, ...audit.params, ...mail.params],
    );
    if (!row.n) throw conflict();
    return Object.assign(app, { state: t.to, forwardedAt: now, updatedAt: now, version: version + 1 });
  }

  /** The credentials letter for the application's new accounts (still PENDING), with fresh activation codes. */
  async activationLetter(applicationId: string): Promise<ActivationLetterEntry[]> {
    authorize(applicationPolicy.issueActivationLetter(this.viewer)); // never VENDOR (users/user.policy.ts)
    const app = await this.get(applicationId);
    if (app.state !== ApplicationState.COMPLETED || app.type === ApplicationType.ID_STOP) throw new AppError('INVALID_TRANSITION', { state: app.state });
    const pledges = await this.em.find(Pledge, { application: app, kind: PledgeKind.EMPLOYEE }, { populate: ['user', 'office'] });
    const users = pledges.map((p) => p.user!.getEntity()).filter((u) => u.status === UserStatus.PENDING);
    const codes = await issueActivationCodes(this.em, users);
    this.ctx.audit.record({
      action: 'activation.letter_issued',
      target: { type: 'Application', id: app.id },
      municipalityId: app.municipality.id,
      officeId: app.office?.id ?? null,
      detail: { loginIds: users.map((u) => u.loginId) },
    });
    await this.em.flush();
    const officeName = pledges[0]?.office.getEntity().name ?? '';
    return users.map((u) => ({ loginId: u.loginId, name: u.name, nameKana: u.nameKana, officeName, ...codes.get(u.id)!, activationCode: codes.get(u.id)!.code }));
  }

  /** Scanned forms added later by the applicant side. */
  async attach(applicationId: string, uploads: AttachmentUpload[]): Promise<Attachment[]> {
    const app = await this.get(applicationId);
    authorize(applicationPolicy.attachTo(this.viewer, app));
    if (FINAL_STATES.includes(app.state)) throw new AppError('INVALID_TRANSITION', { state: app.state });
    const files = await attachFiles(this.em, app, uploads, this.viewer.id);
    this.ctx.audit.record({
      action: 'application.attach',
      target: { type: 'Application', id: app.id },
      municipalityId: app.municipality.id,
      officeId: app.office?.id ?? null,
      detail: { files: files.map((f) => ({ id: f.id, size: f.size, sha256: f.sha256 })) },
    }); // a scan's file name may name the patient: never in the trail
    await this.em.flush();
    return files;
  }

  /** History event, audit event and e-mail notices for an action, then flush (still in the caller's transaction). */
  private async recorded(app: Application, action: ApplicationAction, from: ApplicationState | null, comment: string | null, auditAction = `application.${action.toLowerCase()}`): Promise<void> {
    const v = this.ctx.viewer;
    const actor = v ? await this.em.findOneOrFail(User, { id: v.id }) : null;
    this.em.create(ApplicationEvent, {
      application: app,
      action,
      fromState: from,
      toState: app.state,
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? app.applicantName,
      actorRole: actor?.role ?? null,
      comment,
    });
    this.ctx.audit.record(this.recordEntry(app, auditAction, from, app.state));
    await this.notify(app, comment);
    await flushOrExplain(this.em, { field: 'officeRegistration.office.officeNumber', code: 'TAKEN' });
  }

  private recordEntry(app: Pick<Application, 'id' | 'type' | 'municipality' | 'office'>, action: string, from: ApplicationState | null, to: ApplicationState): AuditEntry {
    return { action, target: { type: 'Application', id: app.id }, municipalityId: app.municipality.id, officeId: app.office?.id ?? null, detail: { type: app.type, from, to } };
  }

  /** Who hears of the new state: the city on arrival, the vendor when forwarded (forward()), the applicant on a decision. */
  private async notify(app: Application, comment: string | null): Promise<void> {
    const { publicUrl } = this.ctx.config;
    const info = { id: app.id, type: app.type, summary: app.summary, hasComment: !!comment };
    const municipalityId = app.municipality.id;
    if (app.state === ApplicationState.SUBMITTED) {
      const m = await this.em.findOneOrFail(Municipality, { id: municipalityId });
      if (m.contactEmail) enqueueMail(this.em, { ...applicationArrived(info, publicUrl), to: m.contactEmail, municipalityId });
    } else if ([ApplicationState.RETURNED, ApplicationState.REJECTED, ApplicationState.COMPLETED].includes(app.state)) {
      enqueueMail(this.em, { ...applicationDecided(info, app.state, publicUrl), to: app.applicantEmail, municipalityId });
    }
  }
}
