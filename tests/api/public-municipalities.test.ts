// The public registration page's choice of municipality: anyone may list them, and the answer
// carries the code the form submits, the name and the prefecture — nothing a municipality keeps
// for itself (contact person and address).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality } from '../helpers/factories.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';

describe('publicMunicipalities', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    const em = server.orm.em.fork();
    const m = await buildMunicipality(em, '水戸市');
    m.contactName = '高齢福祉課 担当 秘匿';
    m.contactEmail = 'secret-contact@city.example.jp';
    await em.flush();
  });
  afterAll(() => server?.close());

  it('lists code, name and prefecture to an anonymous visitor', async () => {
    const r = await new Client(server.url).gql('{ publicMunicipalities { code name prefecture } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.publicMunicipalities).toContainEqual({ code: expect.stringMatching(/^\d{6}$/), name: '水戸市', prefecture: '茨城県' });
  });

  it('has no field for what the municipality keeps for itself', async () => {
    const r = await new Client(server.url).gql('{ publicMunicipalities { name contactEmail } }');
    expect(codesOf(r)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(r)).not.toContain('secret-contact');
  });
});
