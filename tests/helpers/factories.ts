// Builders for test data, written straight to the database (the API paths are tested elsewhere).
import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { generateSecret } from 'otplib';
import { hashPassword } from '../../api/auth/password.js';
import './password-cost.js';
import type { SecretBox } from '../../api/auth/secret-box.js';
import { Municipality } from '../../api/municipalities/municipality.entity.js';
import { Office } from '../../api/offices/office.entity.js';
import { OfficeKind, ServiceType } from '../../api/offices/office.enums.js';
import { User } from '../../api/users/user.entity.js';
import { JobType, Role, UserStatus } from '../../api/users/user.enums.js';
import { Application, ApplicationChannel } from '../../api/applications/application.entity.js';
import { ApplicationState, ApplicationType } from '../../api/applications/application.enums.js';
import { Patient } from '../../api/patients/patient.entity.js';
import { Consent } from '../../api/patients/consent.entity.js';
import { CareLevel, ConsentSigner, Sex } from '../../api/patients/patient.enums.js';
import { Room, RoomMember } from '../../api/rooms/room.entity.js';
import { RoomPermission } from '../../api/rooms/room.enums.js';
import { Post, PostKind } from '../../api/posts/post.entity.js';
import { AuditEvent, AuditOutcome } from '../../api/audit/audit-event.entity.js';
import { Notification, NotificationCategory, NotificationStatus, newMessageId } from '../../api/mail/notification.entity.js';

export const TEST_PASSWORD = 'test-password-2026';
let passwordHash: Promise<string> | undefined;
const uniq = () => randomBytes(3).toString('hex');
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

export async function buildMunicipality(em: EntityManager, name = `市${uniq()}`): Promise<Municipality> {
  const m = em.create(Municipality, { code: digits(6), name, prefecture: '茨城県' });
  await em.persistAndFlush(m);
  return m;
}

export async function buildOffice(em: EntityManager, municipality: Municipality, kind = OfficeKind.SERVICE, extra: Partial<Office> = {}): Promise<Office> {
  const o = em.create(Office, {
    municipality,
    kind,
    name: `事業所${uniq()}`,
    nameKana: 'ジギョウショ',
    officeNumber: kind === OfficeKind.MEDICAL ? null : digits(10),
    address: '茨城県水戸市中央1-4-1',
    phone: '029-232-9110',
    serviceTypes: kind === OfficeKind.SERVICE ? [ServiceType.HOME_NURSING] : [],
    corporationName: '株式会社テスト',
    corporationNameKana: 'カブシキガイシャテスト',
    representativeName: '代表 太郎',
    representativeNameKana: 'ダイヒョウ タロウ',
    corporationAddress: '茨城県水戸市中央1-4-1',
    corporationPhone: '029-232-9110',
    contactEmail: 'office@example.jp',
    ...extra,
  });
  await em.persistAndFlush(o);
  return o;
}

export interface BuiltUser {
  user: User;
  loginId: string;
  password: string;
  /** null when the user has not enrolled TOTP */
  totpSecret: string | null;
}

export interface UserOptions {
  role: Role;
  office?: Office | null;
  municipality?: Municipality | null;
  officeAdmin?: boolean;
  totp?: boolean;
  mustChangePassword?: boolean;
  status?: UserStatus;
  jobType?: JobType;
  name?: string;
}

export async function buildUser(em: EntityManager, secrets: SecretBox, o: UserOptions): Promise<BuiltUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const totpSecret = o.totp === false ? null : generateSecret();
  const loginId = `u-${uniq()}${uniq()}`;
  const user = em.create(User, {
    loginId,
    role: o.role,
    office: o.office ?? null,
    municipality: o.municipality ?? o.office?.municipality ?? null,
    officeAdmin: o.officeAdmin ?? false,
    name: o.name ?? `利用者 ${uniq()}`,
    nameKana: 'リヨウシャ',
    jobType: o.jobType ?? JobType.NURSE,
    status: o.status ?? UserStatus.ACTIVE,
    passwordHash: await passwordHash,
    mustChangePassword: o.mustChangePassword ?? false,
    totpSecret: totpSecret ? secrets.seal(totpSecret) : null,
    totpEnabledAt: totpSecret ? new Date() : null,
  });
  await em.persistAndFlush(user);
  return { user, loginId, password: TEST_PASSWORD, totpSecret };
}

/** The cast of the authorization table: two municipalities, offices, and a user of every kind. */
export async function buildWorld(em: EntityManager, secrets: SecretBox) {
  const city = await buildMunicipality(em, '水戸市');
  const otherCity = await buildMunicipality(em, '笠間市');
  const office = await buildOffice(em, city, OfficeKind.SERVICE);
  const otherOffice = await buildOffice(em, city, OfficeKind.MEDICAL);
  const otherCityOffice = await buildOffice(em, otherCity, OfficeKind.CARE_MANAGEMENT);
  const users = {
    staff: await buildUser(em, secrets, { role: Role.OFFICE, office }),
    officeAdmin: await buildUser(em, secrets, { role: Role.OFFICE, office, officeAdmin: true }),
    otherOfficeStaff: await buildUser(em, secrets, { role: Role.OFFICE, office: otherOffice }),
    otherCityStaff: await buildUser(em, secrets, { role: Role.OFFICE, office: otherCityOffice, officeAdmin: true }),
    city: await buildUser(em, secrets, { role: Role.CITY, municipality: city, jobType: JobType.ADMINISTRATOR }),
    otherCity: await buildUser(em, secrets, { role: Role.CITY, municipality: otherCity, jobType: JobType.ADMINISTRATOR }),
    vendor: await buildUser(em, secrets, { role: Role.VENDOR, jobType: JobType.ADMINISTRATOR }),
  };
  return { city, otherCity, office, otherOffice, otherCityOffice, users };
}

/** An application in any state, written directly (the workflow itself is tested through the API). */
export async function buildApplication(
  em: EntityManager,
  o: {
    office: Office;
    applicant?: User | null;
    type?: ApplicationType;
    state?: ApplicationState;
    channel?: ApplicationChannel;
    staffNames?: string[];
    userIds?: string[];
    payload?: Record<string, unknown>;
  },
): Promise<Application> {
  const type = o.type ?? ApplicationType.STAFF_ADDITION;
  const staff = (o.staffNames ?? [`新人 ${uniq()}`]).map((name) => ({ name, nameKana: 'シンジン', jobType: JobType.NURSE, ictLinkage: false, officeAdmin: false, pledgedOn: '2026-11-01' }));
  const app = em.create(Application, {
    municipality: o.office.municipality,
    office: o.office,
    type,
    state: o.state ?? ApplicationState.SUBMITTED,
    channel: o.channel ?? ApplicationChannel.OFFICE,
    applicant: o.applicant ?? null,
    applicantName: '申請 担当',
    applicantEmail: 'applicant@example.jp',
    summary: `${o.office.name}: 申請${uniq()}`,
    payload: o.payload ?? (type === ApplicationType.ID_STOP ? { userIds: o.userIds ?? [], stopDate: null, users: [] } : { staff }),
  });
  await em.persistAndFlush(app);
  return app;
}

/** A room with its patient and consent; `members` get access from today. */
export async function buildRoom(
  em: EntityManager,
  o: {
    municipality: Municipality;
    explainingOffice: Office;
    coveredOffices: Office[];
    members: { user: User; permission?: RoomPermission; fromDate?: string; untilDate?: string | null }[];
    name?: string;
  },
): Promise<Room> {
  const patient = em.create(Patient, {
    municipality: o.municipality,
    name: o.name ?? `患者 ${uniq()}`,
    nameKana: 'カンジャ',
    sex: Sex.FEMALE,
    birthDate: '1940-03-02',
    address: '茨城県水戸市中央1-1-1',
    careLevel: CareLevel.CARE_2,
    insuredNumber: digits(10),
  });
  const consent = em.create(Consent, {
    patient,
    municipality: o.municipality,
    consentDate: '2026-11-01',
    signer: ConsentSigner.SELF,
    explainingOffice: o.explainingOffice,
    explainingPersonName: '説明 太郎',
    coveredOfficeIds: o.coveredOffices.map((c) => c.id),
  });
  const room = em.create(Room, { municipality: o.municipality, patient, consent, name: patient.name, careReportTitles: ['訪問看護', '訪問介護'] });
  for (const m of o.members)
    em.create(RoomMember, { room, user: m.user, permission: m.permission ?? RoomPermission.CONTRIBUTOR, fromDate: m.fromDate ?? '2026-01-01', untilDate: m.untilDate ?? null });
  await em.flush();
  return room;
}

export async function buildPost(em: EntityManager, room: Room, author: User, over: Partial<Post> = {}): Promise<Post> {
  const post = em.create(Post, { room, author, kind: PostKind.NOTE, body: `連絡 ${uniq()}`, ...over });
  await em.flush();
  return post;
}

/**
 * `n` copies of one row of `table` written in one statement (the ORM would take a minute for
 * thousands): each with a new id, and `over` giving the SQL of the columns that must differ (unique
 * ones, or a time to spread over `n`, the copy's number from 1).
 */
export async function copyRows(em: EntityManager, table: string, id: string, n: number, over: Record<string, string> = {}): Promise<void> {
  const columns = (
    await em
      .getConnection()
      .execute<{ column_name: string }[]>(
        `select column_name from information_schema.columns where table_schema = current_schema() and table_name = ? and column_name <> 'id' and is_generated = 'NEVER'`,
        [table],
      )
  ).map((c) => c.column_name);
  const values = columns.map((c) => over[c] ?? `"${c}"`);
  await em
    .getConnection()
    .execute(`insert into "${table}" (id, ${columns.map((c) => `"${c}"`).join(', ')}) select gen_random_uuid(), ${values.join(', ')} from "${table}", generate_series(1, ?) n where id = ?`, [n, id]);
}

/** The fields of a 様式6 + 様式5 application, as the API takes them. */
export function roomCreationInput(o: { explainingOffice: Office; coveredOffices: Office[]; members: { user: User; permission?: RoomPermission }[]; name?: string }) {
  return {
    patient: {
      name: o.name ?? `水戸 花子${uniq()}`,
      nameKana: 'ミト ハナコ',
      sex: 'FEMALE',
      birthDate: '昭和15年3月2日',
      postalCode: '310-0001',
      address: '茨城県水戸市三の丸1-1',
      phone: '029-000-0000',
      careLevel: 'CARE_2',
      insuredNumber: digits(10),
    },
    consent: {
      consentDate: '2026-11-01',
      signer: 'PROXY',
      proxyName: '水戸 一郎',
      proxyRelationship: '長男',
      explainingOfficeId: o.explainingOffice.id,
      explainingPersonName: '常磐 ケア子',
      coveredOfficeIds: o.coveredOffices.map((c) => c.id),
    },
    members: o.members.map((m) => ({ userId: m.user.id, permission: m.permission ?? 'CONTRIBUTOR' })),
  };
}

/** An audit row of the city changing an account (in the city's trail and, an account event, in the vendor's), at `occurredAt`. */
export const accountEvent = (world: Awaited<ReturnType<typeof buildWorld>>, occurredAt: Date) => ({
  action: 'user.update',
  outcome: AuditOutcome.SUCCESS,
  actorId: world.users.city.user.id,
  actorLoginId: world.users.city.loginId,
  actorRole: 'CITY',
  municipalityId: world.city.id,
  targetType: 'User',
  targetId: world.users.staff.user.id,
  occurredAt,
});

/**
 * `rows` of each list of the panel beside the world's own (offices, users, applications, audit
 * events, outbox rows), so that a large page is really full: what the statement-count tests page
 * through.
 */
export async function buildListRows(em: EntityManager, secrets: SecretBox, world: Awaited<ReturnType<typeof buildWorld>>, rows: number): Promise<void> {
  const { city, office, otherOffice } = world;
  for (let i = 0; i < rows; i++) await buildOffice(em, city, i % 3 === 0 ? OfficeKind.MEDICAL : OfficeKind.SERVICE);
  for (let i = 0; i < rows; i++) await buildUser(em, secrets, { role: Role.OFFICE, office: i % 2 ? office : otherOffice, totp: false });
  for (let i = 0; i < rows; i++) await buildApplication(em, { office: i % 2 ? office : otherOffice, applicant: world.users.officeAdmin.user });
  await em.insertMany(
    AuditEvent,
    Array.from({ length: rows }, (_, i) => accountEvent(world, new Date(Date.now() - i * 60_000))),
  );
  for (let i = 0; i < rows; i++)
    em.create(Notification, {
      municipalityId: city.id,
      kind: 'post.new',
      category: NotificationCategory.OTHER,
      carriesCredential: false,
      messageId: newMessageId(),
      to: `n${i}@example.jp`,
      subject: '新しい書き込み',
      body: '本文',
      status: NotificationStatus.SENT,
      attempts: 1,
      nextAttemptAt: new Date(),
      createdAt: new Date(Date.now() - i * 60_000),
    });
  await em.flush();
}
