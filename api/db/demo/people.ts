// The demo's cast: 水戸市 and 笠間市, offices of all three kinds, the accounts one signs in with
// (one per role) and a few colleagues who only appear in the rosters and rooms. The sign-in
// accounts of the embedded demo come with their TOTP enrolled (random secrets per data folder,
// sealed like any TOTP secret), printed at every start so that an authenticator app can take them.
import QRCode from 'qrcode';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { SecretBox } from '../../auth/secret-box.js';
import { hashPassword } from '../../auth/password.js';
import { newTotpSecret, totpUri } from '../../auth/totp.js';
import { Municipality } from '../../municipalities/municipality.entity.js';
import { Office } from '../../offices/office.entity.js';
import { OfficeKind, ServiceType } from '../../offices/office.enums.js';
import { User } from '../../users/user.entity.js';
import { JobType, Role } from '../../users/user.enums.js';

export const DEMO_PASSWORD = 'demo-password-2026';

export type OfficeKey = 'clinic' | 'nursing' | 'careMgmt' | 'kasamaHelp' | 'kasamaCare';

export interface DemoLogin {
  loginId: string;
  role: Role;
  description: string;
}

interface DemoPerson {
  loginId: string;
  role: Role;
  name: string;
  nameKana: string;
  jobType: JobType;
  office?: OfficeKey;
  municipality?: 'mito' | 'kasama';
  extra?: Partial<Pick<User, 'officeAdmin' | 'ictLinkage' | 'careManagerNumber'>>;
  /** printed with the demo logins (and given a pre-enrolled TOTP); the others are colleagues in the rosters */
  description?: string;
}

/** Everyone in the demo. Names, addresses and numbers are fictional. */
export const DEMO_PEOPLE: DemoPerson[] = [
  { loginId: 'vendor', role: Role.VENDOR, name: '青木 誠', nameKana: 'アオキ マコト', jobType: JobType.ADMINISTRATOR, description: 'VENDOR: registers offices and accounts, never sees patient data' },
  { loginId: 'mito-city', role: Role.CITY, name: '小林 由美', nameKana: 'コバヤシ ユミ', jobType: JobType.ADMINISTRATOR, municipality: 'mito', description: 'CITY of 水戸市 (user administrator)' },
  {
    loginId: 'kasama-city',
    role: Role.CITY,
    name: '石川 健一',
    nameKana: 'イシカワ ケンイチ',
    jobType: JobType.ADMINISTRATOR,
    municipality: 'kasama',
    description: 'CITY of 笠間市 (the second municipality)',
  },
  {
    loginId: 'clinic-admin',
    role: Role.OFFICE,
    name: '佐藤 浩二',
    nameKana: 'サトウ コウジ',
    jobType: JobType.DOCTOR,
    office: 'clinic',
    extra: { officeAdmin: true },
    description: 'office admin (doctor), みと在宅クリニック',
  },
  { loginId: 'clinic-nurse', role: Role.OFFICE, name: '高橋 美穂', nameKana: 'タカハシ ミホ', jobType: JobType.NURSE, office: 'clinic', description: 'nurse, みと在宅クリニック' },
  {
    loginId: 'nursing-admin',
    role: Role.OFFICE,
    name: '鈴木 香織',
    nameKana: 'スズキ カオリ',
    jobType: JobType.NURSE,
    office: 'nursing',
    extra: { officeAdmin: true, ictLinkage: true },
    description: 'office admin (nurse), 訪問看護ステーションみと',
  },
  {
    loginId: 'nursing-staff',
    role: Role.OFFICE,
    name: '田中 理恵',
    nameKana: 'タナカ リエ',
    jobType: JobType.THERAPIST,
    office: 'nursing',
    extra: { ictLinkage: true },
    description: 'physiotherapist, 訪問看護ステーションみと',
  },
  {
    loginId: 'caremgr-admin',
    role: Role.OFFICE,
    name: '渡辺 直子',
    nameKana: 'ワタナベ ナオコ',
    jobType: JobType.CARE_MANAGER,
    office: 'careMgmt',
    extra: { officeAdmin: true, careManagerNumber: '08123456' },
    description: 'office admin and care manager, 居宅介護支援事業所 偕楽園',
  },
  {
    loginId: 'caremgr-staff',
    role: Role.OFFICE,
    name: '伊藤 大輔',
    nameKana: 'イトウ ダイスケ',
    jobType: JobType.CARE_MANAGER,
    office: 'careMgmt',
    extra: { careManagerNumber: '08123457' },
    description: 'care manager, 居宅介護支援事業所 偕楽園',
  },
  {
    loginId: 'kasama-helper',
    role: Role.OFFICE,
    name: '山本 節子',
    nameKana: 'ヤマモト セツコ',
    jobType: JobType.CARE_WORKER,
    office: 'kasamaHelp',
    extra: { officeAdmin: true },
    description: 'office admin (home helper), ヘルパーステーションかさま (笠間市)',
  },
  {
    loginId: 'kasama-caremgr',
    role: Role.OFFICE,
    name: '小野 健太',
    nameKana: 'オノ ケンタ',
    jobType: JobType.CARE_MANAGER,
    office: 'kasamaCare',
    extra: { officeAdmin: true, careManagerNumber: '08223344' },
    description: 'office admin and care manager, ケアプランセンターいなだ (笠間市)',
  },
  // colleagues: in the rosters and the rooms, issued IDs, no pre-enrolled TOTP
  { loginId: '082015-31207', role: Role.OFFICE, name: '木村 さおり', nameKana: 'キムラ サオリ', jobType: JobType.NURSE, office: 'clinic' },
  { loginId: '082015-40518', role: Role.OFFICE, name: '斎藤 恵', nameKana: 'サイトウ メグミ', jobType: JobType.NURSE, office: 'nursing', extra: { ictLinkage: true } },
  { loginId: '082015-52964', role: Role.OFFICE, name: '松本 由紀', nameKana: 'マツモト ユキ', jobType: JobType.NURSE, office: 'nursing', extra: { ictLinkage: true } },
  { loginId: '082015-67342', role: Role.OFFICE, name: '井上 和也', nameKana: 'イノウエ カズヤ', jobType: JobType.CARE_MANAGER, office: 'careMgmt', extra: { careManagerNumber: '08123458' } },
  { loginId: '082163-21876', role: Role.OFFICE, name: '飯田 光子', nameKana: 'イイダ ミツコ', jobType: JobType.CARE_WORKER, office: 'kasamaHelp' },
];

/** The sign-in accounts, as printed at start. */
export const demoLogins = (): DemoLogin[] => DEMO_PEOPLE.filter((p) => p.description).map(({ loginId, role, description }) => ({ loginId, role, description: description! }));

/** The login ID of a colleague by name (the demo's stories refer to people by name). */
export const loginOf = (name: string): string => {
  const p = DEMO_PEOPLE.find((x) => x.name === name);
  if (!p) throw new Error(`demo: nobody called ${name}`);
  return p.loginId;
};

/**
 * Pre-enrolled TOTP is for the embedded demo database only: never with DATABASE_URL (someone's real
 * PostgreSQL) nor in production. Throws otherwise, so no caller can get it wrong quietly.
 */
export function assertDemoTotpAllowed(config: Pick<Config, 'databaseUrl' | 'production'>): void {
  if (config.databaseUrl) throw new Error('demo TOTP secrets exist only for the embedded demo database, not with DATABASE_URL');
  if (config.production) throw new Error('demo TOTP secrets are never made or printed under NODE_ENV=production');
}

export const demoTotpAllowed = (config: Pick<Config, 'databaseUrl' | 'production'>) => !config.databaseUrl && !config.production;

const corp = { corporationPostalCode: '310-0015', corporationAddress: '茨城県水戸市宮町1-7-33', corporationPhone: '029-224-0101' };

/** Municipalities, offices and accounts (written directly: they exist before the demo's month). */
export async function seedPeople(em: EntityManager, secrets: SecretBox, config: Config, withTotp: boolean): Promise<void> {
  if (withTotp) assertDemoTotpAllowed(config);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const mito = em.create(Municipality, { code: '082015', name: '水戸市', prefecture: '茨城県', contactName: '高齢福祉課 地域支援センター', contactEmail: 'tiikisien@example.jp' });
  const kasama = em.create(Municipality, { code: '082163', name: '笠間市', prefecture: '茨城県', contactName: '高齢福祉課', contactEmail: 'kourei@example.jp' });
  const offices: Record<OfficeKey, Office> = {
    clinic: em.create(Office, {
      municipality: mito,
      kind: OfficeKind.MEDICAL,
      name: 'みと在宅クリニック',
      nameKana: 'ミトザイタククリニック',
      postalCode: '310-0015',
      address: '茨城県水戸市宮町2-5-18',
      phone: '029-224-1001',
      corporationName: '医療法人 みと会',
      corporationNameKana: 'イリョウホウジン ミトカイ',
      representativeName: '佐藤 浩二',
      representativeNameKana: 'サトウ コウジ',
      contactEmail: 'clinic@example.jp',
      ...corp,
    }),
    nursing: em.create(Office, {
      municipality: mito,
      kind: OfficeKind.SERVICE,
      name: '訪問看護ステーションみと',
      nameKana: 'ホウモンカンゴステーションミト',
      officeNumber: '0860100001',
      postalCode: '310-0021',
      address: '茨城県水戸市南町3-4-12',
      phone: '029-224-2001',
      serviceTypes: [ServiceType.HOME_NURSING, ServiceType.HOME_REHABILITATION],
      corporationName: '株式会社 みとケア',
      corporationNameKana: 'カブシキガイシャ ミトケア',
      representativeName: '千葉 孝',
      representativeNameKana: 'チバ タカシ',
      contactEmail: 'nursing@example.jp',
      ...corp,
    }),
    careMgmt: em.create(Office, {
      municipality: mito,
      kind: OfficeKind.CARE_MANAGEMENT,
      name: '居宅介護支援事業所 偕楽園',
      nameKana: 'キョタクカイゴシエンジギョウショ カイラクエン',
      officeNumber: '0870100002',
      postalCode: '310-0033',
      address: '茨城県水戸市常磐町1-3-6',
      phone: '029-224-3001',
      corporationName: '社会福祉法人 偕楽会',
      corporationNameKana: 'シャカイフクシホウジン カイラクカイ',
      representativeName: '大森 昭',
      representativeNameKana: 'オオモリ アキラ',
      contactEmail: 'care@example.jp',
      ...corp,
    }),
    kasamaHelp: em.create(Office, {
      municipality: kasama,
      kind: OfficeKind.SERVICE,
      name: 'ヘルパーステーションかさま',
      nameKana: 'ヘルパーステーションカサマ',
      officeNumber: '0860200003',
      postalCode: '309-1611',
      address: '茨城県笠間市笠間1520-3',
      phone: '0296-72-4001',
      serviceTypes: [ServiceType.HOME_HELP],
      corporationName: '株式会社 かさま福祉',
      corporationNameKana: 'カブシキガイシャ カサマフクシ',
      representativeName: '山本 節子',
      representativeNameKana: 'ヤマモト セツコ',
      contactEmail: 'kasama-help@example.jp',
      corporationPostalCode: '309-1611',
      corporationAddress: '茨城県笠間市笠間1520-3',
      corporationPhone: '0296-72-4001',
    }),
    kasamaCare: em.create(Office, {
      municipality: kasama,
      kind: OfficeKind.CARE_MANAGEMENT,
      name: 'ケアプランセンターいなだ',
      nameKana: 'ケアプランセンターイナダ',
      officeNumber: '0870200004',
      postalCode: '309-1635',
      address: '茨城県笠間市稲田2208-1',
      phone: '0296-74-5001',
      corporationName: '合同会社 いなだ',
      corporationNameKana: 'ゴウドウガイシャ イナダ',
      representativeName: '小野 健太',
      representativeNameKana: 'オノ ケンタ',
      contactEmail: 'inada-care@example.jp',
      corporationPostalCode: '309-1635',
      corporationAddress: '茨城県笠間市稲田2208-1',
      corporationPhone: '0296-74-5001',
    }),
  };
  const municipalities = { mito, kasama };
  for (const p of DEMO_PEOPLE) {
    const office = p.office ? offices[p.office] : null;
    const totp = withTotp && p.description ? secrets.seal(newTotpSecret()) : null;
    em.create(User, {
      loginId: p.loginId,
      role: p.role,
      name: p.name,
      nameKana: p.nameKana,
      jobType: p.jobType,
      office,
      municipality: p.municipality ? municipalities[p.municipality] : (office?.municipality ?? null),
      passwordHash,
      mustChangePassword: false,
      email: `${p.loginId}@example.jp`,
      ...p.extra,
      totpSecret: totp,
      totpEnabledAt: totp ? new Date() : null,
    });
  }
  await em.flush();
}

/**
 * What `npm start` prints for the embedded demo: each sign-in account with its TOTP as an
 * otpauth:// URI and a terminal QR code. Only accounts that still have a TOTP are listed (one who
 * re-enrolled in the panel gets the new secret printed: the data folder is theirs).
 */
export async function demoSignInSheet(orm: MikroORM, secrets: SecretBox, config: Config): Promise<string> {
  assertDemoTotpAllowed(config);
  const ids = demoLogins().map((l) => l.loginId);
  const users = await orm.em.fork().find(User, { loginId: { $in: ids }, totpSecret: { $ne: null } }, { populate: ['totpSecret'] });
  const byLogin = new Map(users.map((u) => [u.loginId, u]));
  const parts: string[] = [];
  for (const l of demoLogins()) {
    const u = byLogin.get(l.loginId);
    if (!u?.totpSecret) continue;
    const uri = totpUri(config.totpIssuer, u.loginId, secrets.open(u.totpSecret));
    // the lowest error correction keeps each code small enough for a terminal (it is read from a screen)
    const qr = await QRCode.toString(uri, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
    parts.push(`── ${l.loginId} (${l.role}): ${l.description}\n   ${uri}\n${qr}`);
  }
  if (!parts.length) return '';
  return [
    'Demo TOTP (embedded demo database only): add each account to an authenticator app once — scan its QR code',
    'or open its otpauth:// link on the phone — then sign in with the password and the app’s 6-digit code.',
    '',
    ...parts,
  ].join('\n');
}
