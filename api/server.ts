// The Express app: /graphql, /healthz and the built admin panel, on one origin.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import cookieParser from 'cookie-parser';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { buildContext, type Context, type Viewer } from './context.js';
import { buildAppSchema } from './schema.js';
import { AppError, formatError } from './common/errors.js';
import { isDatabaseUnavailable } from './common/db-errors.js';
import { DEFAULT_LIMITS, queryLimitsPlugin } from './common/limits.js';
import { localeFromHeader, requestScope } from './common/request-context.js';
import { clearSessionCookie, clientIp, cookieName, resolveSession } from './auth/sessions.js';
import { resolveApiToken } from './tokens/api-token.service.js';
import { auditRefusals, readOnlyTokens, unavailableStatus } from './authz/plugins.js';
import { readLogBarrier } from './audit/read-log.plugin.js';
import { SessionStage } from './auth/session.entity.js';
import type { SecretBox } from './auth/secret-box.js';
import type { User } from './users/user.entity.js';
import { Attachment } from './applications/application.entity.js';
import { applicationScope } from './applications/application.service.js';
import { ROOM_TYPES } from './applications/application.enums.js';
import { PostAttachment } from './posts/post.entity.js';
import { readableRoom } from './rooms/room.access.js';
import { Audit } from './audit/audit.js';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface AppServer {
  app: Express;
  stop: () => Promise<void>;
}

const toViewer = (u: User): Viewer => ({
  id: u.id,
  loginId: u.loginId,
  role: u.role,
  municipalityId: u.municipality?.id ?? null,
  officeId: u.office?.id ?? null,
  officeAdmin: u.officeAdmin,
});

function securityHeaders(_req: express.Request, res: express.Response, next: express.NextFunction) {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
  next();
}

export async function createServer(orm: MikroORM, config: Config, secrets: SecretBox): Promise<AppServer> {
  const app = express();
  app.disable('x-powered-by');
  // behind a load balancer, TRUST_PROXY=1 makes req.ip the client's address (audit, rate limits)
  if (process.env.TRUST_PROXY) app.set('trust proxy', Number(process.env.TRUST_PROXY) || process.env.TRUST_PROXY);
  app.use(securityHeaders);
  app.use((req, _res, next) => requestScope.run({ locale: localeFromHeader(req.get('accept-language')), requestId: randomUUID(), production: config.production }, next));

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
    // no cache hints are used; the cache-control plugin would wrap every field of every row for nothing
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), queryLimitsPlugin(DEFAULT_LIMITS), readOnlyTokens, readLogBarrier, auditRefusals, unavailableStatus],
  });
  await apollo.start();

  // Files (scanned forms, post attachments) for callers who may see them, with the API's session cookie.
  const sendFile = (res: express.Response, file: { contentType: string; filename: string; data: Buffer }, inline: boolean) => {
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(file.data);
  };
  const fileRoute = (path: string, load: (em: EntityManager, viewer: Viewer, id: string, ip: string | null) => Promise<{ contentType: string; filename: string; data: Buffer } | null>) =>
    app.get(path, cookieParser(), async (req, res) => {
      const em = orm.em.fork();
      const { session } = await resolveSession(em, config, req.cookies?.[cookieName(config)]);
      if (session?.stage !== SessionStage.SIGNED_IN) return void res.status(401).json({ error: 'UNAUTHENTICATED' });
      const id = String(req.params.id);
      const file = /^[0-9a-f-]{36}$/.test(id) ? await load(em, toViewer(session.user.getEntity()), id, clientIp(req)).catch(() => null) : null;
      if (!file) return void res.status(404).json({ error: 'NOT_FOUND' });
      sendFile(res, file, req.query.inline === '1' && file.contentType.startsWith('image/'));
    });
  fileRoute('/attachments/:id', async (em, viewer, id, ip) => {
    const file = await em.findOne(Attachment, { id, application: applicationScope(viewer) }, { populate: ['data', 'application'] });
    const app = file?.application.getEntity();
    // a room form's scans are the signed consent (様式5): reading one is logged like other patient data
    if (app && ROOM_TYPES.includes(app.type)) {
      await new Audit(em, () => viewer, ip).recordRead({ action: 'attachment.read', target: { type: 'Attachment', id }, municipalityId: app.municipality.id, detail: { applicationId: app.id } });
    }
    return file;
  });
  fileRoute('/post-attachments/:id', async (em, viewer, id, ip) => {
    const file = await em.findOne(PostAttachment, { id }, { populate: ['data', 'post'] });
    if (!file) return null;
    const { room } = await readableRoom(em, viewer, file.post.getEntity().room.id); // NOT_FOUND unless the viewer may read the room
    await new Audit(em, () => viewer, ip).recordRead({ action: 'attachment.read', target: { type: 'PostAttachment', id }, roomId: room.id, patientId: room.patient.id, municipalityId: room.municipality.id });
    return file;
  });

  app.use(
    '/graphql',
    cookieParser(),
    // room for three scanned forms of 5 MB each, base64-encoded (applications/attachment.ts)
    express.json({ limit: '24mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        try {
          return await requestContext(req, res);
        } catch (e) {
          if (isDatabaseUnavailable(e)) throw new AppError('SERVICE_UNAVAILABLE', { http: { status: 503 } });
          throw e;
        }
      },
    }),
  );

  /** Who is calling: an API token (read-only) or the browser session cookie. */
  async function requestContext(req: express.Request, res: express.Response): Promise<Context> {
    const em = orm.em.fork();
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (bearer) {
      // reporting clients: the token's owner, read-only, no cookie session
      const owner = await resolveApiToken(em, bearer);
      return buildContext({ em, config, secrets, req, res, ip: clientIp(req), locale: localeFromHeader(req.get('accept-language')), session: null, sessionProblem: owner ? null : 'INVALID_TOKEN', viewer: owner ? toViewer(owner) : null, viaToken: true });
    }
    const token = req.cookies?.[cookieName(config)] as string | undefined;
    const { session, problem } = await resolveSession(em, config, token);
    if (problem) clearSessionCookie(config, res);
    const viewer = session?.stage === SessionStage.SIGNED_IN ? toViewer(session.user.getEntity()) : null;
    return buildContext({
      viaToken: false,
      em,
      config,
      secrets,
      req,
      res,
      ip: clientIp(req),
      locale: localeFromHeader(req.get('accept-language')),
      session,
      sessionProblem: problem,
      viewer,
    });
  }

  // The admin panel (built by Vite), with client-side routes falling back to index.html.
  const index = path.join(config.adminDist, 'index.html');
  if (fs.existsSync(index)) {
    app.use(express.static(config.adminDist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!graphql|healthz|attachments|post-attachments).*/, (_req, res) => res.sendFile(path.resolve(index), { headers: { 'Cache-Control': 'no-cache' } }));
  }

  // Body-parser and other middleware errors: a code, never an HTML page with a stack trace.
  app.use((err: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const status = err.status && err.status < 500 ? err.status : 500;
    if (status === 500) console.error('[http] unexpected error:', err);
    res.status(status).json({ errors: [{ message: status === 500 ? 'Internal server error' : 'Bad request', extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  return { app, stop: () => apollo.stop() };
}
