// The FHIR routes (outside GraphQL: a FHIR client expects application/fhir+json and
// OperationOutcome errors). Callers are the panel's session cookie or a read-only API token, as in
// /graphql; both only read here.
import express, { type Request, type Response, type Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { Viewer } from '../context.js';
import type { User } from '../users/user.entity.js';
import { AppError } from '../common/errors.js';
import { errorMessages, type ErrorCode } from '../common/messages.js';
import { localeFromHeader } from '../common/request-context.js';
import { clientIp, resolveSession, sessionToken } from '../auth/sessions.js';
import { SessionStage } from '../auth/session.entity.js';
import { resolveApiToken } from '../tokens/api-token.service.js';
import { exportRoom } from './room-export.js';
import { exportFile } from './bulk-export.js';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

const STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };
const ISSUE: Partial<Record<ErrorCode, string>> = { UNAUTHENTICATED: 'login', FORBIDDEN: 'forbidden', NOT_FOUND: 'not-found' };

/** A refusal as FHIR's OperationOutcome, with our stable code and the message in the caller's language. */
function refuse(req: Request, res: Response, code: ErrorCode): void {
  const locale = localeFromHeader(req.get('accept-language'));
  res
    .status(STATUS[code] ?? 500)
    .type(FHIR_JSON)
    .send(
      JSON.stringify({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: ISSUE[code] ?? 'exception', details: { coding: [{ system: 'urn:zaitaku:error-code', code }], text: errorMessages[code][locale] } }],
      }),
    );
}

export function fhirRoutes(orm: MikroORM, config: Config, toViewer: (u: User) => Viewer): Router {
  const router = express.Router();

  /** The caller: an API token's owner (Authorization: Bearer) or the signed-in session. */
  async function caller(req: Request, em: ReturnType<MikroORM['em']['fork']>): Promise<Viewer | null> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (bearer) {
      const token = await resolveApiToken(em, bearer);
      return token ? toViewer(token.owner.getEntity()) : null;
    }
    const { session } = await resolveSession(em, config, sessionToken(config, req));
    return session?.stage === SessionStage.SIGNED_IN ? toViewer(session.user.getEntity()) : null;
  }

  const handle = (answer: (req: Request, res: Response, viewer: Viewer, em: ReturnType<MikroORM['em']['fork']>) => Promise<void>) => async (req: Request, res: Response) => {
    const em = orm.em.fork();
    try {
      const viewer = await caller(req, em);
      if (!viewer) return refuse(req, res, 'UNAUTHENTICATED');
      await answer(req, res, viewer, em);
    } catch (e) {
      if (e instanceof AppError && STATUS[e.code]) return refuse(req, res, e.code);
      console.error('[fhir] export failed:', e);
      refuse(req, res, 'INTERNAL_SERVER_ERROR');
    }
  };

  // Express 5's path syntax has no literal "$": the FHIR operation name is matched by a regular expression
  router.get(
    /^\/fhir\/Room\/([^/]+)\/\$export$/,
    handle(async (req, res, viewer, em) => {
      const roomId = String((req.params as Record<string, string>)[0]);
      if (!/^[0-9a-f-]{36}$/.test(roomId)) throw new AppError('NOT_FOUND');
      const bundle = await exportRoom(em, viewer, roomId, clientIp(req, config), config.publicUrl.replace(/\/$/, ''));
      res.setHeader('Cache-Control', 'private, no-store');
      res.type(FHIR_JSON).send(JSON.stringify(bundle));
    }),
  );

  // a municipality export's NDJSON files (Bulk Data layout: one per resource type)
  router.get(
    '/fhir/exports/:jobId/:type.ndjson',
    handle(async (req, res, viewer, em) => {
      const file = await exportFile(em, viewer, String(req.params.jobId), String(req.params.type), clientIp(req, config));
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Content-Disposition', `attachment; filename="${file.type}.ndjson"`);
      res.type('application/fhir+ndjson').send(file.data);
    }),
  );

  return router;
}
