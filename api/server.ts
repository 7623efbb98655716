// The API's HTTP handler: /graphql on Node's own objects (api/http/graphql-route.ts), and Express
// for the rest (/healthz, files, uploads, FHIR, the built admin panel), on one origin.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { buildContext, viewerOf, type Context, type Viewer } from './context.js';
import { buildAppSchema } from './schema.js';
import { AppError, formatError } from './common/errors.js';
import { isDatabaseUnavailable } from './common/db-errors.js';
import { DEFAULT_LIMITS, queryLimitRules, queryLimitsPlugin } from './common/limits.js';
import { localeFromHeader, requestScope } from './common/request-context.js';
import { accountUsable, clearSessionCookie, clientIp, resolveSession, sessionOf, sessionToken, type AuthCacheEntry } from './auth/sessions.js';
import { AuthCache } from './auth/session-cache.js';
import { hashToken } from './auth/tokens.js';
import { resolveApiToken, TOKEN_TOUCH_EVERY_MS } from './tokens/api-token.service.js';
import { apiTokenPolicy } from './tokens/api-token.policy.js';
import { auditRefusals, readOnlyTokens, unavailableStatus } from './authz/plugins.js';
import { readLogBarrier } from './audit/read-log.plugin.js';
import { SessionStage } from './auth/session.entity.js';
import type { SecretBox } from './auth/secret-box.js';
import { downloadableAttachment } from './applications/attachment.download.js';
import { FORMS, type FormName, printableForm } from './forms/form.download.js';
import { PostAttachment } from './posts/post.entity.js';
import { readableRoom } from './rooms/room.access.js';
import { Audit } from './audit/audit.js';
import { uploadRoutes } from './uploads/upload.route.js';
import { fhirRoutes } from './fhir/fhir.route.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { rateLimitsFor } from './http/rate-limits.js';
import { errorMessages } from './common/messages.js';
import { servePanel } from './http/panel.js';
import { graphqlEndpoint, isGraphqlRequest, type GraphqlRequest, type Middleware } from './http/graphql-route.js';

export interface AppServer {
  /** Node's request listener: http.createServer(server.handler) */
  handler: RequestListener;
  /** everything but /graphql */
  app: Express;
  stop: () => Promise<void>;
}

const toViewer = viewerOf;

/** helmet's headers, with the panel's CSP spelled out (no defaults merged in) and HSTS only in production. */
const securityHeaders = (config: Config) =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // plain-HTTP local use must not pin the browser to HTTPS for a year
    strictTransportSecurity: config.production ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
  });

export async function createServer(orm: MikroORM, config: Config, secrets: SecretBox): Promise<AppServer> {
  const app = express();
  app.disable('x-powered-by');
  // the same two first steps for /graphql and for Express's routes: the headers, the request's scope
  const headers = securityHeaders(config);
  const inRequestScope: Middleware = (req, _res, next) => requestScope.run({ locale: localeFromHeader(req.headers['accept-language']), requestId: randomUUID(), production: config.production }, next);
  app.use(headers, inRequestScope);
  const limits = rateLimitsFor(orm, config);
  // sessions and tokens in memory, each dropped as soon as any process commits a change to it
  const authCache = new AuthCache<AuthCacheEntry>(orm.config.getClientUrl());
  await authCache.start();

  app.get('/healthz', async (_req, res) => {
    try {
      await orm.em.fork().execute('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  const apollo = new ApolloServer<Context>({
    schema: await buildAppSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    introspection: !config.production,
    // depth and alias limits (GraphQL Armor); the page-aware cost is queryLimitsPlugin below
    validationRules: queryLimitRules(DEFAULT_LIMITS),
    // no cache hints are used; the cache-control plugin would wrap every field of every row for nothing
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), queryLimitsPlugin(DEFAULT_LIMITS), readOnlyTokens, readLogBarrier, auditRefusals, unavailableStatus],
  });
  await apollo.start();

  const graphql = graphqlEndpoint(apollo, {
    before: [
      headers,
      inRequestScope,
      // files travel through /uploads: a GraphQL body is small, and a larger one is refused from its
      // Content-Length (or once the limit is streamed past) and discarded, never buffered or parsed
      express.json({ limit: config.graphqlBodyLimit }),
    ],
    context: async (req, res) => {
      try {
        return await requestContext(req, res);
      } catch (e) {
        if (isDatabaseUnavailable(e)) throw new AppError('SERVICE_UNAVAILABLE', { http: { status: 503 } });
        throw e;
      }
    },
    fail: httpError,
  });

  // Files (scanned forms, post attachments) for callers who may see them, with the API's session cookie.
  const sendFile = (res: express.Response, file: { contentType: string; filename: string; data: Buffer }, inline: boolean) => {
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(file.data);
  };
  const fileRoute = (path: string, load: (em: EntityManager, viewer: Viewer, id: string, ip: string | null) => Promise<{ contentType: string; filename: string; data: Buffer } | null>) =>
    app.get(path, async (req, res) => {
      const em = orm.em.fork();
      const session = sessionOf(em, await resolveSession(em, config, sessionToken(config, req), authCache));
      if (session?.stage !== SessionStage.SIGNED_IN) return void res.status(401).json({ error: 'UNAUTHENTICATED' });
      const id = String(req.params.id);
      const file = /^[0-9a-f-]{36}$/.test(id) ? await load(em, toViewer(session.user.getEntity()), id, clientIp(req, config)).catch(() => null) : null;
      if (!file) return void res.status(404).json({ error: 'NOT_FOUND' });
      sendFile(res, file, req.query.inline === '1' && file.contentType.startsWith('image/'));
    });
  // a room form's scans are the signed consent (様式5): the form's patient-data rule, and logged with the patient
  fileRoute('/attachments/:id', downloadableAttachment);
  fileRoute('/post-attachments/:id', async (em, viewer, id, ip) => {
    const file = await em.findOne(PostAttachment, { id }, { populate: ['data', 'post'] });
    if (!file) return null;
    const { room } = await readableRoom(em, viewer, file.post.getEntity().room.id); // NOT_FOUND unless the viewer may read the room
    await new Audit(em, () => viewer, ip).recordRead({
      action: 'attachment.read',
      target: { type: 'PostAttachment', id },
      roomId: room.id,
      patientId: room.patient.id,
      municipalityId: room.municipality.id,
    });
    return file;
  });
  // the paper forms of an application filled from it (api/forms/): printed, signed, scanned and attached to it
  for (const form of Object.keys(FORMS) as FormName[]) fileRoute(`/forms/applications/:id/${form}.pdf`, (em, viewer, id, ip) => printableForm(em, viewer, id, form, ip));

  // Files first (streamed, checked, size-limited), then their ids in a mutation: /graphql stays small.
  app.use(uploadRoutes(orm, config));

  // FHIR R4 exports (api/fhir/): a room's Bundle, a municipality's NDJSON files
  app.use(fhirRoutes(orm, config, toViewer));

  /** Who is calling: an API token (read-only) or the browser session cookie. */
  async function requestContext(req: GraphqlRequest, res: ServerResponse): Promise<Context> {
    const em = orm.em.fork();
    const ip = clientIp(req, config);
    const locale = localeFromHeader(req.headers['accept-language']);
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      // reporting clients: the token's owner, read-only, no cookie session
      const viewer = await tokenViewer(em, bearer);
      return buildContext({
        em,
        config,
        secrets,
        limits,
        req,
        res,
        ip,
        locale,
        session: null,
        sessionProblem: viewer ? null : 'INVALID_TOKEN',
        viewer,
        viaToken: true,
      });
    }
    const resolved = await resolveSession(em, config, sessionToken(config, req), authCache);
    const { session, problem } = resolved;
    if (problem) clearSessionCookie(config, res);
    const fromMemory = 'cached' in resolved ? resolved.cached : null;
    const viewer = fromMemory ? fromMemory.viewer : session?.stage === SessionStage.SIGNED_IN ? toViewer(session.user.getEntity()) : null;
    return buildContext(
      {
        viaToken: false,
        em,
        config,
        limits,
        secrets,
        req,
        res,
        ip,
        locale,
        session,
        sessionProblem: problem,
        viewer,
      },
      // most requests need only the viewer: the entity is built if a resolver asks for the session
      fromMemory ? () => sessionOf(em, resolved)! : null,
    );
  }

  /** A bearer token's owner: from memory while nothing the database decides is due (as resolveSession). */
  async function tokenViewer(em: EntityManager, bearer: string): Promise<Viewer | null> {
    const key = `t:${hashToken(bearer)}`;
    const cached = await authCache.get(key);
    const now = Date.now();
    if (cached?.kind === 'token' && now < cached.expiresAt && now - cached.lastUsedAt <= TOKEN_TOUCH_EVERY_MS && accountUsable(cached.account) && apiTokenPolicy.usableBy(cached.account)) {
      return cached.viewer;
    }
    const ticket = await authCache.ticket();
    const token = await resolveApiToken(em, bearer);
    if (!token) return null;
    const owner = token.owner.getEntity();
    const viewer = Object.freeze(toViewer(owner));
    authCache.set(
      key,
      {
        kind: 'token',
        userId: owner.id,
        expiresAt: token.expiresAt.getTime(),
        lastUsedAt: token.lastUsedAt!.getTime(),
        account: { status: owner.status, stopDate: owner.stopDate, role: owner.role },
        viewer,
      },
      ticket,
    );
    return viewer;
  }

  // The admin panel (built by Vite): compressed, cached, client-side routes falling back to index.html.
  servePanel(app, config.adminDist);

  // Body-parser and other middleware errors: a code, never an HTML page with a stack trace.
  app.use((err: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => (res.headersSent ? next(err) : httpError(err, req, res)));

  return {
    handler: (req, res) => (isGraphqlRequest(req.url) ? graphql(req, res) : app(req, res)),
    app,
    stop: async () => {
      await apollo.stop();
      await authCache.stop();
    },
  };
}

/** A request that failed outside GraphQL (body-parser's limit or JSON, an unexpected error): a code, never a page. */
function httpError(err: unknown, req: IncomingMessage, res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const given = (err as { status?: number } | null)?.status;
  const status = given && given < 500 ? given : 500;
  const answer = (code: string, message: string) => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  };
  // body-parser stopped at the limit and read off the rest without keeping it: a code, not a page
  if (status === 413) answer('PAYLOAD_TOO_LARGE', errorMessages.PAYLOAD_TOO_LARGE[localeFromHeader(req.headers['accept-language'])]);
  else if (status === 500) {
    console.error('[http] unexpected error:', err);
    answer('INTERNAL_SERVER_ERROR', 'Internal server error');
  } else answer('BAD_REQUEST', 'Bad request');
}
