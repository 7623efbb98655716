// Data entry that forgives: what people type for Japanese data is stored in one normalized form
// (フリガナ in hiragana or half-width katakana, postal codes and phone numbers without hyphens or
// with full-width digits), and a vital sign out of range says which range is accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDigits, toKatakana, toPhone, toPostalCode } from '../../api/common/normalize.js';
import { buildRoom, buildWorld } from '../helpers/factories.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';

describe('normalizers', () => {
  it.each([
    [toKatakana, 'みと はなこ', 'ミト ハナコ'],
    [toKatakana, 'ﾐﾄ ﾊﾅｺ', 'ミト ハナコ'],
    [toKatakana, 'ゔぁーちゃる', 'ヴァーチャル'],
    [toKatakana, ' ミト　ハナコ ', 'ミト　ハナコ'],
    [toPostalCode, '3100011', '310-0011'],
    [toPostalCode, '３１０－００１１', '310-0011'],
    [toPostalCode, '310ー0011', '310-0011'],
    [toPostalCode, '31000', '31000'],
    [toPhone, '0292223333', '029-222-3333'],
    [toPhone, '０９０１２３４５６７８', '090-1234-5678'],
    [toPhone, '0312345678', '03-1234-5678'],
    [toPhone, '029-232-9110', '029-232-9110'],
    [toPhone, 'abc', 'abc'],
    [toDigits, '０８１２３４５６７８', '0812345678'],
  ] as const)('%o(%s) → %s', (fn, input, expected) => {
    expect(fn(input)).toBe(expected);
  });
});

describe('through the API', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let city: Client;
  let staff: Client;
  let roomId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const em = server.orm.em.fork();
    world = await buildWorld(em, server.secrets);
    const room = await buildRoom(em, { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.staff.user }] });
    roomId = room.id;
    city = new Client(server.url);
    await city.signIn(world.users.city.loginId, world.users.city.password, world.users.city.totpSecret!);
    staff = new Client(server.url);
    await staff.signIn(world.users.staff.loginId, world.users.staff.password, world.users.staff.totpSecret!);
  });
  afterAll(() => server?.close());

  it('stores フリガナ, postal code, phone and office number as the forms write them', async () => {
    const r = await city.ok(`mutation($i: OfficeInput!) { createOffice(input: $i) { nameKana postalCode phone officeNumber corporationNameKana corporationPhone } }`, {
      i: {
        kind: 'SERVICE',
        name: '訪問看護ステーション やさしい',
        nameKana: 'ほうもんかんごすてーしょん やさしい',
        officeNumber: '０８１２３４５６７８',
        postalCode: '３１０００１１',
        address: '茨城県水戸市三の丸1-1',
        phone: '0292223333',
        serviceTypes: ['HOME_NURSING'],
        corporationName: '株式会社やさしい',
        corporationNameKana: 'ｶﾌﾞｼｷｶﾞｲｼｬﾔｻｼｲ',
        representativeName: '優 太郎',
        representativeNameKana: 'ゆう たろう',
        corporationAddress: '茨城県水戸市三の丸1-1',
        corporationPhone: '０９０１２３４５６７８',
        contactEmail: 'yasashii@example.jp',
      },
    });
    expect(r.createOffice).toEqual({
      nameKana: 'ホウモンカンゴステーション ヤサシイ',
      postalCode: '310-0011',
      phone: '029-222-3333',
      officeNumber: '0812345678',
      corporationNameKana: 'カブシキガイシャヤサシイ',
      corporationPhone: '090-1234-5678',
    });
  });

  it('a vital sign out of range names the accepted range, in Japanese and in English', async () => {
    const post = `mutation($r: ID!, $i: PostInput!) { createPost(roomId: $r, input: $i) { id } }`;
    const input = { kind: 'CARE_REPORT', title: '訪問看護', body: '体温を測定', vitals: { temperature: 46.8 } };
    const ja = await staff.gql(post, { r: roomId, i: input });
    expect(codesOf(ja)).toEqual(['BAD_USER_INPUT']);
    const field = ja.errors![0].extensions!.fields!.find((f: { field: string }) => f.field.endsWith('temperature'));
    expect(field).toMatchObject({ code: 'VITAL_TEMPERATURE', message: '体温は 34.0〜42.0 ℃ の範囲で入力してください。' });

    const en = new Client(server.url, 'en');
    en.setCookieHeader(staff.cookieHeader);
    const r = await en.gql(post, { r: roomId, i: { ...input, vitals: { pulse: 300 } } });
    expect(r.errors![0].extensions!.fields![0]).toMatchObject({ code: 'VITAL_PULSE', message: 'Pulse must be between 20 and 250 /min.' });
  });
});
