// The city's month of paperwork: every application type in every state the workflow allows
// (application.workflow.ts) — filed online by offices, typed in from paper by the city, or sent
// from the public page; returned with a comment, rejected, withdrawn, forwarded to the vendor,
// completed (a new office with accounts waiting for activation, an account stopped, another stop
// scheduled). The completed room forms and closing requests are the rooms' own story (rooms.ts).
import { Application, ApplicationChannel } from '../../applications/application.entity.js';
import { ApplicationAction as A, ApplicationType } from '../../applications/application.enums.js';
import { ApplicationService } from '../../applications/application.service.js';
import type { ApplicationInput, OfficeRegistrationInput, StaffInput } from '../../applications/application.inputs.js';
import type { OfficeInput } from '../../offices/office.inputs.js';
import { CredentialsDelivery, OfficeKind, ServiceType } from '../../offices/office.enums.js';
import { CareLevel, ConsentSigner, Sex } from '../../patients/patient.enums.js';
import { RoomPermission } from '../../rooms/room.enums.js';
import { JobType } from '../../users/user.enums.js';
import { scannedForm } from './images.js';
import { planDueStop } from './rooms.js';
import type { StepTools, Timeline } from './timeline.js';
import { act, officeId, userId, type World } from './world.js';

const office = (
  o: Partial<OfficeInput> & Pick<OfficeInput, 'kind' | 'name' | 'address' | 'phone' | 'corporationName' | 'corporationNameKana' | 'representativeName' | 'representativeNameKana' | 'contactEmail'>,
): OfficeInput => ({
  nameKana: null,
  officeNumber: null,
  postalCode: null,
  serviceTypes: [],
  serviceTypeOther: null,
  corporationPostalCode: o.postalCode ?? null,
  corporationAddress: o.address,
  corporationPhone: o.phone,
  credentialsDelivery: CredentialsDelivery.OFFICE_ADDRESS,
  credentialsPostalCode: null,
  credentialsAddress: null,
  note: null,
  ...o,
});

const staff = (name: string, nameKana: string, jobType: JobType, pledgedOn: string, extra: Partial<StaffInput> = {}): StaffInput =>
  ({ name, nameKana, jobType, jobTypeOther: null, careManagerNumber: null, ictLinkage: false, email: null, officeAdmin: false, pledgedOn, ...extra }) as StaffInput;

const scan = (t: StepTools, name: string, seed: number) => t.upload({ filename: name, contentType: 'image/png', data: scannedForm(seed) });

export function planApplications(tl: Timeline, world: World): void {
  const cal = tl.cal;
  /** the date of a working day, for pledges signed then */
  const dateOf = (k: number) => cal.date(cal.workday(k, '12:00'));
  const file = (key: string, k: number, hhmm: string, actor: string | null, submit: (t: StepTools, svc: ApplicationService) => Promise<{ id: string }>) =>
    tl.at(cal.workday(k, hhmm), actor, async (t) => world.set(key, (await submit(t, new ApplicationService(t.ctx))).id));
  const step = (key: string, k: number, hhmm: string, actor: string, action: A, comment: string | null = null, input?: (t: StepTools) => Promise<ApplicationInput>) =>
    tl.at(cal.workday(k, hhmm), actor, async (t) => void (await act(t.ctx, world.get(key), action, comment, input ? await input(t) : undefined)));
  const publicForm = (key: string, k: number, hhmm: string, ip: string, municipalityCode: string, applicantName: string, applicantEmail: string, input: OfficeRegistrationInput) =>
    tl.at(
      cal.workday(k, hhmm),
      null,
      async (t) => {
        const upload = await scan(t, '様式2-2B_4-1_申請書一式.png', k);
        await new ApplicationService(t.ctx).submitPublic({ municipalityCode, input, applicantName, applicantEmail, attachments: [upload] });
        // the receipt number is all the public page answers: the row is found by its sender
        world.set(key, (await t.em.findOneOrFail(Application, { applicantEmail, channel: ApplicationChannel.PUBLIC })).id);
      },
      ip,
    );

  // ── 事業所登録 ───────────────────────────────────────────────────────────────
  // completed: a paper form typed in by the city, forwarded, registered by the vendor, letter printed
  file('reg:senba', 19, '10:20', 'mito-city', async (t, svc) =>
    svc.submit(
      ApplicationType.OFFICE_REGISTRATION,
      {
        officeRegistration: {
          office: office({
            kind: OfficeKind.SERVICE,
            name: 'ヘルパーステーション千波',
            nameKana: 'ヘルパーステーションセンバ',
            officeNumber: '0870101234',
            serviceTypes: [ServiceType.HOME_HELP, ServiceType.COMPREHENSIVE_HOME_VISIT],
            postalCode: '310-0851',
            address: '茨城県水戸市千波町1650-2',
            phone: '029-244-8810',
            corporationName: '株式会社 せんば介護サービス',
            corporationNameKana: 'カブシキガイシャ センバカイゴサービス',
            representativeName: '大内 明美',
            representativeNameKana: 'オオウチ アケミ',
            contactEmail: 'senba-helper@example.jp',
          }),
          officePledgedOn: dateOf(21),
          staff: [
            staff('大内 明美', 'オオウチ アケミ', JobType.CARE_WORKER, dateOf(21), { officeAdmin: true, ictLinkage: true, email: 'oouchi@example.jp' }),
            staff('菊池 陽子', 'キクチ ヨウコ', JobType.CARE_WORKER, dateOf(21), { ictLinkage: true }),
          ],
        },
      },
      null,
      [await scan(t, '様式2-2B_4-1_ヘルパーステーション千波.png', 1)],
    ),
  );
  step('reg:senba', 18, '14:30', 'mito-city', A.FORWARD, '書類に不備はありません。登録をお願いします。');
  step('reg:senba', 16, '11:00', 'vendor', A.COMPLETE);
  tl.at(cal.workday(15, '09:30'), 'mito-city', async (t) => void (await new ApplicationService(t.ctx).activationLetter(world.get('reg:senba'))));

  // forwarded: from the public page, approved by the city, waiting for the vendor
  publicForm('reg:uchihara', 6, '20:15', '203.0.113.61', '082015', '内原 修', 'uchihara-clinic@example.jp', {
    office: office({
      kind: OfficeKind.MEDICAL,
      name: '水戸うちはらクリニック',
      nameKana: 'ミトウチハラクリニック',
      postalCode: '319-0317',
      address: '茨城県水戸市内原町1380-6',
      phone: '029-259-3100',
      corporationName: '医療法人 うちはら会',
      corporationNameKana: 'イリョウホウジン ウチハラカイ',
      representativeName: '内原 修',
      representativeNameKana: 'ウチハラ オサム',
      contactEmail: 'uchihara-clinic@example.jp',
    }),
    officePledgedOn: dateOf(7),
    staff: [staff('内原 修', 'ウチハラ オサム', JobType.DOCTOR, dateOf(7), { officeAdmin: true, email: 'uchihara-clinic@example.jp' }), staff('関 京子', 'セキ キョウコ', JobType.NURSE, dateOf(7))],
  });
  step('reg:uchihara', 4, '10:45', 'mito-city', A.FORWARD);

  // submitted: from the public page to 笠間市, waiting for its city
  publicForm('reg:tomobe', 1, '13:05', '203.0.113.88', '082163', '小松崎 由香', 'tomobe-vns@example.jp', {
    office: office({
      kind: OfficeKind.SERVICE,
      name: '訪問看護ステーションともべ',
      nameKana: 'ホウモンカンゴステーショントモベ',
      officeNumber: '0860200455',
      serviceTypes: [ServiceType.HOME_NURSING],
      postalCode: '309-1700',
      address: '茨城県笠間市友部駅前8-12',
      phone: '0296-77-6600',
      corporationName: '株式会社 ともべナース',
      corporationNameKana: 'カブシキガイシャ トモベナース',
      representativeName: '小松崎 由香',
      representativeNameKana: 'コマツザキ ユカ',
      contactEmail: 'tomobe-vns@example.jp',
    }),
    officePledgedOn: dateOf(2),
    staff: [staff('小松崎 由香', 'コマツザキ ユカ', JobType.NURSE, dateOf(2), { officeAdmin: true, ictLinkage: true, email: 'tomobe-vns@example.jp' })],
  });

  // returned: the office number does not match the designation notice
  publicForm('reg:mikawa', 9, '16:40', '203.0.113.23', '082015', '見川 博', 'mikawa-day@example.jp', {
    office: office({
      kind: OfficeKind.SERVICE,
      name: 'デイサービス みかわ',
      nameKana: 'デイサービス ミカワ',
      officeNumber: '0870107789',
      serviceTypes: [ServiceType.DAY_SERVICE],
      postalCode: '310-0913',
      address: '茨城県水戸市見川町2131-40',
      phone: '029-291-4455',
      corporationName: '有限会社 みかわ',
      corporationNameKana: 'ユウゲンガイシャ ミカワ',
      representativeName: '見川 博',
      representativeNameKana: 'ミカワ ヒロシ',
      contactEmail: 'mikawa-day@example.jp',
    }),
    officePledgedOn: dateOf(10),
    staff: [staff('見川 博', 'ミカワ ヒロシ', JobType.SOCIAL_WORKER, dateOf(10), { officeAdmin: true, ictLinkage: true, email: 'mikawa-day@example.jp' })],
  });
  step('reg:mikawa', 8, '10:05', 'mito-city', A.RETURN, '事業所番号が指定通知書の番号と一致しません。通知書の写しを添付のうえ、修正して再度ご提出ください。');

  // rejected: an office outside the city
  publicForm('reg:naka', 13, '11:30', '203.0.113.140', '082015', '額田 和夫', 'naka-helper@example.jp', {
    office: office({
      kind: OfficeKind.SERVICE,
      name: '那珂訪問介護センター',
      nameKana: 'ナカホウモンカイゴセンター',
      officeNumber: '0870309911',
      serviceTypes: [ServiceType.HOME_HELP],
      postalCode: '311-0105',
      address: '茨城県那珂市菅谷3321-1',
      phone: '029-298-1200',
      corporationName: '株式会社 なかケア',
      corporationNameKana: 'カブシキガイシャ ナカケア',
      representativeName: '額田 和夫',
      representativeNameKana: 'ヌカダ カズオ',
      contactEmail: 'naka-helper@example.jp',
    }),
    officePledgedOn: dateOf(14),
    staff: [staff('額田 和夫', 'ヌカダ カズオ', JobType.CARE_WORKER, dateOf(14), { officeAdmin: true })],
  });
  step('reg:naka', 12, '15:20', 'mito-city', A.REJECT, '事業所の所在地が那珂市のため、本市の制度ではお受けできません。那珂市の担当窓口へご相談ください。');

  // withdrawn: a paper form the applicant had also sent online
  file('reg:akatsuka', 11, '09:50', 'mito-city', async (t, svc) =>
    svc.submit(
      ApplicationType.OFFICE_REGISTRATION,
      {
        officeRegistration: {
          office: office({
            kind: OfficeKind.CARE_MANAGEMENT,
            name: 'ケアプラン赤塚',
            nameKana: 'ケアプランアカツカ',
            officeNumber: '0870105566',
            postalCode: '311-4141',
            address: '茨城県水戸市赤塚2-210',
            phone: '029-309-7720',
            corporationName: '合同会社 あかつか',
            corporationNameKana: 'ゴウドウガイシャ アカツカ',
            representativeName: '本田 隆',
            representativeNameKana: 'ホンダ タカシ',
            contactEmail: 'akatsuka-cp@example.jp',
          }),
          officePledgedOn: dateOf(12),
          staff: [staff('本田 隆', 'ホンダ タカシ', JobType.CARE_MANAGER, dateOf(12), { officeAdmin: true, careManagerNumber: '08129876' })],
        },
      },
      null,
      [await scan(t, '様式2-2C_ケアプラン赤塚.png', 2)],
    ),
  );
  step('reg:akatsuka', 10, '16:05', 'mito-city', A.WITHDRAW, '申請者から、同じ内容をウェブで申請し直したいので取り下げたいとの電話がありました。');

  // ── 職員追加 ─────────────────────────────────────────────────────────────────
  // completed after one correction (the care manager's number), account waiting for its letter
  const mori = (number: string) => async (): Promise<ApplicationInput> => ({
    staffAddition: { staff: [staff('森 千尋', 'モリ チヒロ', JobType.CARE_MANAGER, dateOf(20), { careManagerNumber: number, ictLinkage: true, email: 'mori@example.jp' })] },
  });
  file('staff:mori', 19, '15:10', 'caremgr-admin', async (t, svc) => svc.submit(ApplicationType.STAFF_ADDITION, await mori('08123999')(), null, [await scan(t, '様式4-2_誓約書_森.png', 3)]));
  step('staff:mori', 18, '09:40', 'mito-city', A.RETURN, '介護支援専門員番号が、添付の登録証の番号と異なります。ご確認のうえ再提出してください。');
  step('staff:mori', 17, '10:30', 'caremgr-admin', A.RESUBMIT, '番号を訂正しました。', mori('08123461'));
  step('staff:mori', 16, '13:15', 'mito-city', A.FORWARD);
  step('staff:mori', 14, '10:00', 'vendor', A.COMPLETE);

  // forwarded, waiting for the vendor
  file('staff:shimizu', 5, '11:20', 'nursing-admin', async (t, svc) =>
    svc.submit(
      ApplicationType.STAFF_ADDITION,
      {
        staffAddition: { staff: [staff('清水 彩', 'シミズ アヤ', JobType.NURSE, dateOf(6), { ictLinkage: true, email: 'shimizu@example.jp' })] },
      },
      null,
      [await scan(t, '様式4-2_誓約書_清水.png', 4)],
    ),
  );
  step('staff:shimizu', 3, '09:55', 'mito-city', A.FORWARD);

  // submitted, waiting for the city
  file('staff:fujita', 1, '17:40', 'clinic-admin', async (t, svc) =>
    svc.submit(
      ApplicationType.STAFF_ADDITION,
      {
        staffAddition: { staff: [staff('藤田 美和', 'フジタ ミワ', JobType.NURSE, dateOf(1), { email: 'fujita@example.jp' })] },
      },
      null,
      [await scan(t, '様式4-2_誓約書_藤田.png', 5)],
    ),
  );

  // returned in 笠間市: the pledge is missing
  file('staff:owada', 7, '14:00', 'kasama-helper', async (_t, svc) =>
    svc.submit(
      ApplicationType.STAFF_ADDITION,
      {
        staffAddition: { staff: [staff('大和田 文子', 'オオワダ フミコ', JobType.CARE_WORKER, dateOf(7))] },
      },
      null,
    ),
  );
  step('staff:owada', 6, '10:15', 'kasama-city', A.RETURN, '従業者の誓約書（様式4-2）の写しが添付されていません。添付のうえ再提出してください。');

  // rejected: the person already has an account elsewhere
  file('staff:okada', 10, '13:30', 'nursing-admin', async (t, svc) =>
    svc.submit(
      ApplicationType.STAFF_ADDITION,
      {
        staffAddition: { staff: [staff('岡田 翔太', 'オカダ ショウタ', JobType.THERAPIST, dateOf(10), { ictLinkage: true })] },
      },
      null,
      [await scan(t, '様式4-2_誓約書_岡田.png', 6)],
    ),
  );
  step('staff:okada', 9, '11:45', 'mito-city', A.REJECT, '同じ方のアカウントが他の事業所で発行済みです（重複発行はできません）。異動の場合は、前の事業所のID停止とあわせてご相談ください。');

  // withdrawn by the office
  file('staff:ishii', 8, '16:20', 'clinic-admin', async (t, svc) =>
    svc.submit(
      ApplicationType.STAFF_ADDITION,
      {
        staffAddition: { staff: [staff('石井 裕子', 'イシイ ユウコ', JobType.NURSE, dateOf(8))] },
      },
      null,
      [await scan(t, '様式4-2_誓約書_石井.png', 7)],
    ),
  );
  step('staff:ishii', 7, '09:05', 'clinic-admin', A.WITHDRAW, '採用が見送りとなったため取り下げます。');

  // ── ID停止 ───────────────────────────────────────────────────────────────────
  const stop =
    (login: string, stopDate: string | null) =>
    async (t: StepTools): Promise<ApplicationInput> => ({ idStop: { userIds: [await userId(t.em, login)], stopDate } });
  // completed and carried out: a nurse who left the clinic (blank date = the day the vendor completes it)
  file('stop:kimura', 14, '17:10', 'clinic-admin', async (t, svc) => svc.submit(ApplicationType.ID_STOP, await stop('082015-31207', null)(t), null));
  step('stop:kimura', 13, '10:20', 'mito-city', A.FORWARD);
  step('stop:kimura', 12, '15:30', 'vendor', A.COMPLETE);
  planDueStop(tl, 12);

  // completed with a stop date ahead: a scheduled ID stop (退職日)
  const endOfNextMonth = cal.endOfNextMonth();
  file('stop:saito', 6, '10:40', 'nursing-admin', async (t, svc) => svc.submit(ApplicationType.ID_STOP, await stop('082015-40518', endOfNextMonth)(t), null));
  step('stop:saito', 5, '14:10', 'mito-city', A.FORWARD);
  step('stop:saito', 4, '11:30', 'vendor', A.COMPLETE);

  // forwarded in 笠間市
  file('stop:iida', 3, '15:00', 'kasama-helper', async (t, svc) => svc.submit(ApplicationType.ID_STOP, await stop('082163-21876', cal.dateAhead(20))(t), null));
  step('stop:iida', 2, '09:30', 'kasama-city', A.FORWARD);

  // withdrawn (the leaving date moved), then filed again and waiting for the city
  file('stop:matsumoto-1', 9, '11:00', 'nursing-admin', async (t, svc) => svc.submit(ApplicationType.ID_STOP, await stop('082015-52964', endOfNextMonth)(t), null));
  step('stop:matsumoto-1', 8, '10:00', 'nursing-admin', A.WITHDRAW, '退職の予定が延期になったため取り下げます。');
  file('stop:matsumoto-2', 1, '11:25', 'nursing-admin', async (t, svc) => svc.submit(ApplicationType.ID_STOP, await stop('082015-52964', cal.dateAhead(45))(t), null));

  // rejected (a transfer within the corporation), later filed again and returned for its date
  file('stop:inoue-1', 11, '14:45', 'caremgr-admin', async (t, svc) => svc.submit(ApplicationType.ID_STOP, await stop('082015-67342', endOfNextMonth)(t), null));
  step('stop:inoue-1', 10, '11:10', 'mito-city', A.REJECT, '法人内の異動で、異動先でも引き続き本システムを利用される予定と伺いました。ID停止は不要です。');
  file('stop:inoue-2', 3, '16:30', 'caremgr-admin', async (t, svc) => svc.submit(ApplicationType.ID_STOP, await stop('082015-67342', cal.dateAhead(3))(t), null));
  step('stop:inoue-2', 2, '13:50', 'mito-city', A.RETURN, '停止日が退職日より前になっています。退職日（最終出勤日）を停止日としてください。');

  // ── 部屋作成（様式6）: the ones that did not become rooms ─────────────────────────
  const roomForm = async (
    t: StepTools,
    p: { applicant: string; patient: NonNullable<ApplicationInput['roomCreation']>['patient']; proxy?: [string, string]; members: [string, RoomPermission][]; consentDaysAgo: number; note: string },
  ) => {
    const offices: string[] = [];
    for (const name of ['みと在宅クリニック', '訪問看護ステーションみと', '居宅介護支援事業所 偕楽園']) offices.push(await officeId(t.em, name));
    const members: { userId: string; permission: RoomPermission }[] = [];
    for (const [login, permission] of p.members) members.push({ userId: await userId(t.em, login), permission });
    return {
      roomCreation: {
        patient: p.patient,
        consent: {
          consentDate: cal.date(cal.day(p.consentDaysAgo, '10:00')),
          signer: p.proxy ? ConsentSigner.PROXY : ConsentSigner.SELF,
          proxyName: p.proxy?.[0] ?? null,
          proxyRelationship: p.proxy?.[1] ?? null,
          explainingOfficeId: offices[2],
          explainingPersonName: p.applicant === 'caremgr-admin' ? '渡辺 直子' : p.applicant === 'caremgr-staff' ? '伊藤 大輔' : '鈴木 香織',
          coveredOfficeIds: offices,
        },
        members,
        note: p.note,
      },
    };
  };
  const roomFile = (key: string, k: number, hhmm: string, p: Parameters<typeof roomForm>[1], seed: number) =>
    file(key, k, hhmm, p.applicant, async (t, svc) =>
      svc.submit(ApplicationType.ROOM_CREATION, await roomForm(t, p), null, [await scan(t, `様式5_同意書_${p.patient.name.replace(' ', '')}.png`, seed)]),
    );

  roomFile(
    'room-form:miyamoto',
    1,
    '15:30',
    {
      applicant: 'caremgr-admin',
      consentDaysAgo: cal.workdaysAgo(1) + 2,
      proxy: ['宮本 和子', '妻'],
      note: '退院後の在宅療養（胃ろう管理あり）。退院前カンファレンスは来週の予定です。',
      patient: {
        name: '宮本 清',
        nameKana: 'ミヤモト キヨシ',
        sex: Sex.MALE,
        birthDate: '昭和11年8月15日',
        postalCode: '310-0836',
        address: '茨城県水戸市元吉田町1040-7',
        phone: '029-247-0193',
        careLevel: CareLevel.CARE_4,
        insuredNumber: '0820150815',
      },
      members: [
        ['clinic-admin', RoomPermission.CONTRIBUTOR],
        ['nursing-admin', RoomPermission.CONTRIBUTOR],
        ['caremgr-admin', RoomPermission.COORDINATOR],
      ],
    },
    11,
  );
  roomFile(
    'room-form:sugaya',
    4,
    '10:50',
    {
      applicant: 'caremgr-staff',
      consentDaysAgo: cal.workdaysAgo(4) + 1,
      proxy: ['菅谷 進', '長男'],
      note: '骨折後の在宅復帰。訪問リハビリを中心に支援予定です。',
      patient: {
        name: '菅谷 ふみ',
        nameKana: 'スガヤ フミ',
        sex: Sex.FEMALE,
        birthDate: '昭和9年11月3日',
        postalCode: '310-0034',
        address: '茨城県水戸市緑町3-2-18',
        phone: '029-226-4471',
        careLevel: CareLevel.CARE_3,
        insuredNumber: '0820151103',
      },
      members: [
        ['nursing-staff', RoomPermission.CONTRIBUTOR],
        ['nursing-admin', RoomPermission.CONTRIBUTOR],
        ['caremgr-staff', RoomPermission.COORDINATOR],
      ],
    },
    12,
  );
  step('room-form:sugaya', 3, '11:40', 'mito-city', A.RETURN, '添付の同意書（様式5）の署名欄が空欄のようです。署名済みの同意書を添付して再提出してください。');
  roomFile(
    'room-form:nemoto',
    10,
    '09:20',
    {
      applicant: 'nursing-admin',
      consentDaysAgo: cal.workdaysAgo(10) + 2,
      note: '独居、糖尿病でインスリン自己注射。',
      patient: {
        name: '根本 茂',
        nameKana: 'ネモト シゲル',
        sex: Sex.MALE,
        birthDate: '昭和17年5月21日',
        postalCode: '312-0012',
        address: '茨城県ひたちなか市馬渡2820-5',
        phone: '029-272-0356',
        careLevel: CareLevel.CARE_1,
        insuredNumber: '0822110521',
      },
      members: [
        ['nursing-admin', RoomPermission.CONTRIBUTOR],
        ['clinic-admin', RoomPermission.CONTRIBUTOR],
      ],
    },
    13,
  );
  step('room-form:nemoto', 9, '14:25', 'mito-city', A.REJECT, '利用者の住所がひたちなか市のため、本市では部屋を作成できません。ひたちなか市の担当窓口へご相談ください。');
  roomFile(
    'room-form:kawasaki',
    8,
    '13:40',
    {
      applicant: 'caremgr-staff',
      consentDaysAgo: cal.workdaysAgo(8) + 3,
      proxy: ['川崎 正', '長男'],
      note: '在宅での看取りも視野に入れた支援を予定しています。',
      patient: {
        name: '川崎 ちよ',
        nameKana: 'カワサキ チヨ',
        sex: Sex.FEMALE,
        birthDate: '昭和5年3月30日',
        postalCode: '310-0055',
        address: '茨城県水戸市袴塚2-8-14',
        phone: '029-221-9034',
        careLevel: CareLevel.CARE_4,
        insuredNumber: '0820150330',
      },
      members: [
        ['clinic-admin', RoomPermission.CONTRIBUTOR],
        ['nursing-admin', RoomPermission.CONTRIBUTOR],
        ['caremgr-staff', RoomPermission.COORDINATOR],
      ],
    },
    14,
  );
  step('room-form:kawasaki', 6, '09:10', 'caremgr-staff', A.WITHDRAW, 'ご本人が入院され、在宅療養の開始時期が未定となったため取り下げます。');

  // ── 部屋への招待依頼: the ones not (yet) carried out ──────────────────────────────
  const join = (key: string, k: number, hhmm: string, asker: string, room: string, login: string, permission: RoomPermission, note: string | null) =>
    file(key, k, hhmm, asker, async (t, svc) => svc.submit(ApplicationType.ROOM_JOIN, { roomJoin: { roomId: world.get(`room:${room}`), userId: await userId(t.em, login), permission, note } }, null));
  join(
    'join:otsuka-pt',
    1,
    '14:20',
    'nursing-admin',
    'otsuka',
    'nursing-staff',
    RoomPermission.CONTRIBUTOR,
    '退院後の体力低下に対し、呼吸リハビリを始めます。理学療法士（田中）の参加をお願いします。',
  );
  join('join:komatsu-nurse', 5, '15:35', 'caremgr-staff', 'komatsu', 'clinic-nurse', RoomPermission.VIEWER, null);
  step('join:komatsu-nurse', 4, '10:25', 'mito-city', A.RETURN, '参加を希望される理由と、閲覧のみでよいかをご記入ください。');
  join('join:hanako-cm', 12, '10:40', 'caremgr-admin', 'hanako', 'caremgr-staff', RoomPermission.CONTRIBUTOR, '担当（渡辺）の休暇中の代行として参加をお願いします。');
  step('join:hanako-cm', 11, '13:05', 'mito-city', A.REJECT, '休暇中の代行であれば、期間を区切っての参加となります。参加期間をご記入のうえ、改めてご依頼ください。');
  join('join:kato-pt', 14, '12:10', 'clinic-admin', 'kato', 'nursing-staff', RoomPermission.CONTRIBUTOR, '歩行状態の評価をお願いしたいため、理学療法士の参加を希望します。');
  step('join:kato-pt', 13, '09:35', 'clinic-admin', A.WITHDRAW, 'ケアマネジャーさんから改めて依頼していただくことになったため、取り下げます。');
}
