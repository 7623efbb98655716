// Demo data for a fresh embedded database: 水戸市 and a second municipality (笠間市), offices of all
// three kinds, users of every role. Never loaded when DATABASE_URL is set.
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../auth/password.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Office } from '../offices/office.entity.js';
import { OfficeKind, ServiceType } from '../offices/office.enums.js';
import { User } from '../users/user.entity.js';
import { JobType, Role } from '../users/user.enums.js';

export const DEMO_PASSWORD = 'demo-password-2026';

export interface DemoLogin {
  loginId: string;
  role: Role;
  description: string;
}

export async function isEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(Municipality, {})) === 0;
}

export async function seedDemoData(em: EntityManager): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const mito = em.create(Municipality, { code: '082015', name: '水戸市', prefecture: '茨城県', contactName: '高齢福祉課 地域支援センター', contactEmail: 'tiikisien@example.jp' });
  const kasama = em.create(Municipality, { code: '082163', name: '笠間市', prefecture: '茨城県', contactName: '高齢福祉課', contactEmail: 'kourei@example.jp' });
  const corp = {
    corporationPostalCode: '310-0015',
    corporationAddress: '茨城県水戸市宮町1-1-1',
    corporationPhone: '029-000-0001',
  };
  const clinic = em.create(Office, {
    municipality: mito, kind: OfficeKind.MEDICAL, name: 'みと在宅クリニック', nameKana: 'ミトザイタククリニック',
    postalCode: '310-0015', address: '茨城県水戸市宮町2-2-2', phone: '029-000-1001',
    corporationName: '医療法人 みと会', corporationNameKana: 'イリョウホウジン ミトカイ', representativeName: '水戸 一郎', representativeNameKana: 'ミト イチロウ',
    contactEmail: 'clinic@example.jp', ...corp,
  });
  const nursing = em.create(Office, {
    municipality: mito, kind: OfficeKind.SERVICE, name: '訪問看護ステーションみと', nameKana: 'ホウモンカンゴステーションミト', officeNumber: '0860100001',
    postalCode: '310-0021', address: '茨城県水戸市南町3-3-3', phone: '029-000-2001',
    serviceTypes: [ServiceType.HOME_NURSING, ServiceType.HOME_REHABILITATION],
    corporationName: '株式会社 みとケア', corporationNameKana: 'カブシキガイシャ ミトケア', representativeName: '千波 花子', representativeNameKana: 'センバ ハナコ',
    contactEmail: 'nursing@example.jp', ...corp,
  });
  const careMgmt = em.create(Office, {
    municipality: mito, kind: OfficeKind.CARE_MANAGEMENT, name: '居宅介護支援事業所 偕楽園', nameKana: 'キョタクカイゴシエンジギョウショ カイラクエン', officeNumber: '0870100002',
    postalCode: '310-0033', address: '茨城県水戸市常磐町4-4-4', phone: '029-000-3001',
    corporationName: '社会福祉法人 偕楽会', corporationNameKana: 'シャカイフクシホウジン カイラクカイ', representativeName: '常磐 次郎', representativeNameKana: 'トキワ ジロウ',
    contactEmail: 'care@example.jp', ...corp,
  });
  const kasamaHelp = em.create(Office, {
    municipality: kasama, kind: OfficeKind.SERVICE, name: 'ヘルパーステーションかさま', nameKana: 'ヘルパーステーションカサマ', officeNumber: '0860200003',
    postalCode: '309-1611', address: '茨城県笠間市笠間5-5-5', phone: '0296-00-4001',
    serviceTypes: [ServiceType.HOME_HELP],
    corporationName: '株式会社 かさま福祉', corporationNameKana: 'カブシキガイシャ カサマフクシ', representativeName: '笠間 三郎', representativeNameKana: 'カサマ サブロウ',
    contactEmail: 'kasama-help@example.jp', corporationAddress: '茨城県笠間市笠間5-5-5', corporationPhone: '0296-00-4001',
  });

  const offices = { clinic, nursing, careMgmt, kasamaHelp };
  const municipalities = { mito, kasama };
  for (const p of DEMO_PEOPLE) {
    const office = p.office ? offices[p.office] : null;
    em.create(User, {
      loginId: p.loginId, role: p.role, name: p.name, nameKana: p.nameKana, jobType: p.jobType, office,
      municipality: p.municipality ? municipalities[p.municipality] : (office?.municipality ?? null),
      passwordHash, mustChangePassword: false, email: `${p.loginId}@example.jp`, ...p.extra,
    });
  }
  await em.flush();
}

type OfficeKey = 'clinic' | 'nursing' | 'careMgmt' | 'kasamaHelp';
interface DemoPerson extends DemoLogin {
  name: string;
  nameKana: string;
  jobType: JobType;
  office?: OfficeKey;
  municipality?: 'mito' | 'kasama';
  extra?: Partial<Pick<User, 'officeAdmin' | 'ictLinkage' | 'careManagerNumber'>>;
}

const DEMO_PEOPLE: DemoPerson[] = [
  { loginId: 'vendor', role: Role.VENDOR, name: 'ベンダー 管理者', nameKana: 'ベンダー カンリシャ', jobType: JobType.ADMINISTRATOR, description: 'VENDOR: registers offices and accounts, never sees patient data' },
  { loginId: 'mito-city', role: Role.CITY, name: '水戸 市子', nameKana: 'ミト イチコ', jobType: JobType.ADMINISTRATOR, municipality: 'mito', description: 'CITY of 水戸市 (user administrator)' },
  { loginId: 'kasama-city', role: Role.CITY, name: '笠間 市郎', nameKana: 'カサマ イチロウ', jobType: JobType.ADMINISTRATOR, municipality: 'kasama', description: 'CITY of 笠間市 (the second municipality)' },
  { loginId: 'clinic-admin', role: Role.OFFICE, name: '宮町 医子', nameKana: 'ミヤマチ イコ', jobType: JobType.DOCTOR, office: 'clinic', extra: { officeAdmin: true }, description: 'office admin (doctor), みと在宅クリニック' },
  { loginId: 'clinic-nurse', role: Role.OFFICE, name: '宮町 看子', nameKana: 'ミヤマチ カンコ', jobType: JobType.NURSE, office: 'clinic', description: 'nurse, みと在宅クリニック' },
  { loginId: 'nursing-admin', role: Role.OFFICE, name: '南町 護', nameKana: 'ミナミマチ マモル', jobType: JobType.NURSE, office: 'nursing', extra: { officeAdmin: true, ictLinkage: true }, description: 'office admin, 訪問看護ステーションみと' },
  { loginId: 'nursing-staff', role: Role.OFFICE, name: '南町 理恵', nameKana: 'ミナミマチ リエ', jobType: JobType.THERAPIST, office: 'nursing', description: 'therapist, 訪問看護ステーションみと' },
  { loginId: 'caremgr-admin', role: Role.OFFICE, name: '常磐 ケア子', nameKana: 'トキワ ケアコ', jobType: JobType.CARE_MANAGER, office: 'careMgmt', extra: { officeAdmin: true, careManagerNumber: '08123456' }, description: 'office admin and care manager, 居宅介護支援事業所 偕楽園' },
  { loginId: 'caremgr-staff', role: Role.OFFICE, name: '常磐 支援', nameKana: 'トキワ シエン', jobType: JobType.CARE_MANAGER, office: 'careMgmt', extra: { careManagerNumber: '08123457' }, description: 'care manager, 居宅介護支援事業所 偕楽園' },
  { loginId: 'kasama-helper', role: Role.OFFICE, name: '笠間 ヘル子', nameKana: 'カサマ ヘルコ', jobType: JobType.CARE_WORKER, office: 'kasamaHelp', extra: { officeAdmin: true }, description: 'office admin, ヘルパーステーションかさま (笠間市)' },
];

export const demoLogins = (): DemoLogin[] => DEMO_PEOPLE.map(({ loginId, role, description }) => ({ loginId, role, description }));
