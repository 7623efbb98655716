// Node-side checks of the panel's pieces that need no browser: translations complete in both
// languages, the client's data formats equal to the server's, the GraphQL documents and inputs
// built from the schema, and the error mapping.
import { describe, expect, it } from 'vitest';
import englishMessages from 'ra-language-english';
import type { Validator } from 'react-admin';
import { jaMessages } from '../../admin/i18n/ja.js';
import { patterns as clientPatterns } from '../../api/common/formats.js';
import { patterns as serverPatterns, passwordPolicy } from '../../api/common/validation.js';
import { fieldMessages } from '../../api/common/messages.js';
import { toKatakana, toPhone } from '../../api/common/normalize.js';

type Tree = { [key: string]: string | Tree };

/** Every leaf path of a message tree, e.g. `ra.action.save`. */
function leafPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leafPaths(v, `${prefix}${k}.`)));
}

describe('translations', () => {
  it("the Japanese react-admin messages have exactly ra-language-english's keys", () => {
    expect(leafPaths({ ra: jaMessages.ra } as Tree).sort()).toEqual(leafPaths({ ra: englishMessages.ra } as unknown as Tree).sort());
  });

  it('English has every key of Japanese (panel messages, fields, enums)', async () => {
    const { enMessages } = await import('../../admin/i18n/en.js');
    expect(leafPaths(enMessages as unknown as Tree).sort()).toEqual(leafPaths(jaMessages as unknown as Tree).sort());
  });

  it('no Japanese message is empty, and the validation texts are the server’s', () => {
    for (const path of leafPaths(jaMessages as unknown as Tree)) {
      const value = path.split('.').reduce<unknown>((t, k) => (t as Tree)[k], jaMessages);
      if (path !== 'ra.boolean.null') expect(String(value).trim(), path).not.toBe('');
    }
    for (const [code, text] of Object.entries(fieldMessages)) expect(jaMessages.app.validation[code as keyof typeof fieldMessages]).toBe(text.ja);
  });
});

describe('client validation', () => {
  it('the panel’s validators answer as the server’s rules do, with the server’s codes', async () => {
    const v = await import('../../admin/common/validators.js');
    const cases: [string, Validator, RegExp | ((s: string) => boolean), string, string[]][] = [
      // the server stores input normalized (api/common/normalize.ts): hiragana and numbers without hyphens are fine
      ['KATAKANA', v.katakana(), (s: string) => serverPatterns.katakana.test(toKatakana(s)), 'みと いちこ', ['三田', 'Mito']],
      ['PHONE', v.phone(), (s: string) => serverPatterns.phone.test(toPhone(s)), '0292329110', ['029-232-91100', 'abc']],
      ['LOGIN_ID', v.loginId(), serverPatterns.loginId, 'sato.n', ['ab', 'さとう']],
      ['PASSWORD_POLICY', v.passwordPolicy(), passwordPolicy, 'kaigo-renkei-2026', ['short1', 'onlyletterslong', '123456789012']],
    ];
    for (const [code, validate, rule, good, bad] of cases) {
      const server = (s: string) => (rule instanceof RegExp ? rule.test(s) : rule(s));
      expect(
        [good, ...bad].map((s) => validate(s, {}, {}) === undefined),
        code,
      ).toEqual([good, ...bad].map(server));
      expect(validate(bad[0], {}, {}), code).toBe(`app.validation.${code}`);
    }
  });

  it('accepts and refuses the same examples', () => {
    expect(clientPatterns.katakana.test('ミト イチコ')).toBe(true);
    expect(clientPatterns.katakana.test('みと')).toBe(false);
    expect(clientPatterns.phone.test('029-232-9110')).toBe(true);
    expect(clientPatterns.phone.test('0292329110')).toBe(false);
    expect(clientPatterns.postalCode.test('310-0015')).toBe(true);
  });
});

describe('data provider queries (buildQuery over the bundled schema)', async () => {
  const { print } = await import('graphql');
  const { introspectionSchema } = await import('../../admin/graphql/schema.js');
  const { buildQuery } = await import('../../admin/graphql/buildQuery.js');
  const { fieldPathMapper } = await import('../../admin/graphql/fieldPaths.js');
  const build = buildQuery({ schema: introspectionSchema, types: [], queries: [], resources: [] });

  it('lists with the API convention: filter (declared keys only), sort enum, page', () => {
    const q = build('GET_LIST', 'offices', {
      filter: { q: ' みと ', kind: 'SERVICE', status: '', bogus: 1 },
      sort: { field: 'officeNumber', order: 'DESC' },
      pagination: { page: 2, perPage: 10 },
    });
    expect(print(q.query)).toContain('data: offices(filter: $filter, page: $page, sort: $sort)');
    expect(q.variables).toEqual({ filter: { q: 'みと', kind: 'SERVICE' }, sort: { field: 'officeNumber', order: 'DESC' }, page: { page: 2, perPage: 10 } });
  });

  it('falls back to the default sort for a column the API cannot sort', () => {
    const q = build('GET_LIST', 'users', { sort: { field: 'office.name', order: 'ASC' }, pagination: { page: 1, perPage: 25 }, filter: {} });
    expect(q.variables!.sort).toEqual({ field: 'nameKana', order: 'ASC' });
    // a status is a filter, not an order (api/users/user.inputs.ts): the panel reads that from the schema
    expect(build('GET_LIST', 'users', { sort: { field: 'status', order: 'DESC' }, pagination: { page: 1, perPage: 25 }, filter: {} }).variables!.sort).toEqual({ field: 'nameKana', order: 'DESC' });
  });

  it('the hand-written providers (applications, consents) take their orders from the schema too', async () => {
    const { listSorts, apiSort } = await import('../../admin/graphql/buildQuery.js');
    expect(listSorts(introspectionSchema, 'applications')).toEqual({ fields: ['submittedAt', 'updatedAt'], defaultField: 'submittedAt' });
    expect(listSorts(introspectionSchema, 'consents').fields.sort()).toEqual(['consentDate', 'patientNameKana', 'withdrawnAt']);
    // and fall back as every other list does: the schema's default field, ASC unless DESC is asked for
    expect(apiSort(introspectionSchema, 'applications', { field: 'state', order: 'DESC' })).toEqual({ field: 'submittedAt', order: 'DESC' });
    expect(apiSort(introspectionSchema, 'consents', undefined)).toEqual({ field: 'consentDate', order: 'ASC' });
    expect(apiSort(introspectionSchema, 'consents', { field: 'withdrawnAt', order: 'DESC' })).toEqual({ field: 'withdrawnAt', order: 'DESC' });
  });

  it('getMany filters by ids; getManyReference by the target', () => {
    expect(build('GET_MANY', 'offices', { ids: ['a', 'b'] }).variables!.filter).toEqual({ ids: ['a', 'b'] });
    const ref = build('GET_MANY_REFERENCE', 'users', { target: 'officeId', id: 'o1', filter: {}, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 50 } });
    expect(ref.variables!.filter).toEqual({ officeId: 'o1' });
  });

  it('updates send the loaded version and only the fields of the input type', () => {
    const record = { id: 'u1', version: 3, name: '水戸 市子', nameKana: 'ミト イチコ', jobType: 'NURSE', email: null, office: { id: 'o1', name: 'x' }, createdAt: '2026-01-01', __typename: 'User' };
    const q = build('UPDATE', 'users', { id: 'u1', data: { ...record, version: 99 }, previousData: record });
    expect(print(q.query)).toContain('data: updateUser(id: $id, input: $input, version: $version)');
    expect(q.variables).toEqual({
      id: 'u1',
      version: 3,
      input: { name: '水戸 市子', nameKana: 'ミト イチコ', jobType: 'NURSE', jobTypeOther: null, careManagerNumber: null, email: null },
    });
  });

  it('creates a user with the account as its own argument; delete stops the account', () => {
    const q = build('CREATE', 'users', { data: { account: { loginId: 'new-user', role: 'OFFICE', officeId: 'o1', initialPassword: 'x', extra: 1 }, name: 'N', nameKana: 'エヌ', jobType: 'NURSE' } });
    // the account carries no secret: a stray password field is not sent (the API has no such argument)
    expect(q.variables!.account).toEqual({ loginId: 'new-user', role: 'OFFICE', officeId: 'o1', municipalityId: null });
    expect(q.variables!.input).not.toHaveProperty('account');
    const d = build('DELETE', 'users', { id: 'u1', previousData: { id: 'u1', version: 5 } });
    expect(print(d.query)).toContain('stopUser(id: $id, version: $version)');
    expect(d.variables).toEqual({ id: 'u1', version: 5 });
  });

  it('municipalities (an unpaged list) are filtered, sorted and paged in the panel', () => {
    const q = build('GET_LIST', 'municipalities', { filter: { q: '笠間' }, sort: { field: 'code', order: 'ASC' }, pagination: { page: 1, perPage: 10 } });
    const rows = [
      { id: '1', code: '082015', name: '水戸市' },
      { id: '2', code: '082163', name: '笠間市' },
    ];
    expect(q.parseResponse({ data: { data: rows } } as never)).toEqual({ data: [rows[1]], total: 1 });
  });

  it('puts server field errors on the form paths', () => {
    const map = fieldPathMapper(introspectionSchema, 'createUser');
    expect(map('loginId')).toBe('account.loginId');
    expect(map('account.loginId')).toBe('account.loginId');
    expect(map('nameKana')).toBe('nameKana');
    expect(fieldPathMapper(introspectionSchema, 'createOffice')('municipalityId')).toBe('municipalityId');
  });
});

describe('API errors → react-admin', async () => {
  const { apiErrorFrom, toApiError, isApiError } = await import('../../admin/graphql/errors.js');

  it('BAD_USER_INPUT becomes form errors by field path, plus the general message', () => {
    const e = apiErrorFrom(
      [
        {
          message: '入力内容に誤りがあります。',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { field: 'loginId', code: 'TAKEN', message: 'すでに使われています。' },
              { field: 'nameKana', code: 'KATAKANA', message: 'カタカナで入力してください。' },
            ],
          },
        },
      ],
      (f) => (f === 'loginId' ? 'account.loginId' : f),
    );
    expect(e.status).toBe(400);
    expect(e.body.errors).toEqual({ root: { serverError: '入力内容に誤りがあります。' }, account: { loginId: 'すでに使われています。' }, nameKana: 'カタカナで入力してください。' });
    expect(e.message).toBe('入力内容に誤りがあります。 すでに使われています。 カタカナで入力してください。');
  });

  it('reads the GraphQL errors out of the transport error, keeping code and reason', () => {
    const fromApollo = toApiError({ body: { graphQLErrors: [{ message: 'セッション', extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' } }] } });
    expect(isApiError(fromApollo)).toBe(true);
    expect((fromApollo as { body: { code: string; reason: string } }).body).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
    const conflict = toApiError({ graphQLErrors: [{ message: '他の利用者が先に更新しました。', extensions: { code: 'CONFLICT' } }] });
    expect((conflict as Error).message).toBe('他の利用者が先に更新しました。');
    expect((conflict as { status: number }).status).toBe(409);
  });
});

describe('CSV exports read every page (admin/common/allPages.ts)', async () => {
  const { readAllPages } = await import('../../admin/common/allPages.js');
  /** A list of `n` rows as the API pages it: counted (`total`) or not (`hasNextPage`, the audit trail); `reads` counts the requests. */
  const list = (n: number, counted: boolean) => {
    const rows = Array.from({ length: n }, (_, i) => i);
    const source = async (page: number, perPage: number) => {
      source.reads++;
      const items = rows.slice((page - 1) * perPage, page * perPage);
      return counted ? { items, total: n } : { items, hasNextPage: page * perPage < n };
    };
    source.reads = 0;
    return source;
  };

  it.each([false, true])('reads to the last page, no further, and says when rows were left past the limit (counted: %s)', async (counted) => {
    for (const [n, max, rows, more, reads] of [
      [25, Number.POSITIVE_INFINITY, 25, false, 3],
      [30, Number.POSITIVE_INFINITY, 30, false, 3], // a full last page: no fourth request
      [25, 20, 20, true, 2],
      [20, 20, 20, false, 2],
      [0, 20, 0, false, 1],
    ] as const) {
      const source = list(n, counted);
      const result = await readAllPages(source, 10, max);
      expect(result.rows).toEqual(Array.from({ length: rows }, (_, i) => i));
      expect(result.more, `${n} rows, at most ${max}`).toBe(more);
      expect(source.reads, `${n} rows, at most ${max}`).toBe(reads);
    }
  });
});

describe('the lists that grow for years (HistoryPageResult)', async () => {
  const { AuditEventsDocument, NotificationsDocument } = await import('../../admin/graphql/generated/graphql.js');
  it.each([
    ['auditEvents', AuditEventsDocument],
    ['notifications', NotificationsDocument],
  ])('the panel pages %s by hasNextPage and never asks for the total (a count of the whole history)', (_name, document) => {
    expect(String(document)).toContain('hasNextPage');
    expect(String(document)).not.toMatch(/\btotal\b/);
  });
});
