// POST /uploads (a signed-in browser session) and POST /uploads/public (the public registration
// page, anonymous and rate-limited): one file per multipart/form-data request, streamed through
// busboy. The declared type is checked against the accepted list before any byte of the file is
// read, its first bytes against that type before the rest is, and the size as it arrives: past the
// limit the request is answered 413 at once; of the rest, at most a file's size is read and dropped
// (closeLingering), none is kept. At most the limit is ever held in memory. The file then waits as
// a PendingUpload until a mutation claims it by id.
import type { Socket } from 'node:net';
import express, { type Request, type Response, type Router } from 'express';
import busboy from 'busboy';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { errorMessages, fieldMessages, type ErrorCode, type Locale } from '../common/messages.js';
import { localeFromHeader } from '../common/request-context.js';
import { isDatabaseUnavailable } from '../common/db-errors.js';
import { clientIp, resolveSession, sessionToken } from '../auth/sessions.js';
import { SessionStage } from '../auth/session.entity.js';
import { ACCEPTED_TYPES, SIGNATURE_BYTES, cleanFilename, detectType, storeUpload } from './upload.service.js';
import { uploadPolicy } from './upload.policy.js';
import { countPublicUpload, rateLimitsFor } from '../http/rate-limits.js';

/** Room for the multipart framing around the file (boundaries, part headers) in a declared length. */
const MULTIPART_OVERHEAD = 16 * 1024;

class Refusal {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly extra: Record<string, unknown> = {},
  ) {}
}

interface Received {
  filename: string;
  contentType: string;
  data: Buffer;
}

/** Reads the one file of the request, refusing as early as the bytes allow. */
function receive(req: Request, maxBytes: number): Promise<Received> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // file names as browsers send them: UTF-8 (様式5.pdf), not busboy's default latin1
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes + 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 20 } });
    } catch {
      return reject(new Refusal(400, 'BAD_REQUEST'));
    }
    let settled = false;
    let received: Received | null = null;
    const fail = (refusal: Refusal) => {
      if (settled) return;
      settled = true;
      // stop reading: the answer goes out now, the rest of the body is never pulled in
      req.unpipe(parser);
      req.pause();
      reject(refusal);
    };
    parser.on('file', (_field, stream, info) => {
      const type = info.mimeType.toLowerCase();
      if (received || settled) return void stream.resume();
      if (!ACCEPTED_TYPES.includes(type)) return void fail(new Refusal(415, 'FILE_TYPE'));
      const chunks: Buffer[] = [];
      let size = 0;
      let headChecked = false;
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        chunks.push(chunk);
        size += chunk.length;
        if (!headChecked && size >= SIGNATURE_BYTES) {
          headChecked = true;
          if (detectType(Buffer.concat(chunks)) !== type) fail(new Refusal(415, 'FILE_TYPE'));
        }
      });
      // busboy stops at fileSize (the limit + 1 byte: the first byte too many) and says so; nothing further is kept
      stream.on('limit', () => fail(new Refusal(413, 'FILE_TOO_LARGE', { maxBytes })));
      stream.on('end', () => {
        if (settled) return;
        const data = Buffer.concat(chunks, size);
        if (size === 0 || detectType(data) !== type) return void fail(new Refusal(415, 'FILE_TYPE'));
        received = { filename: cleanFilename(info.filename), contentType: type, data };
      });
    });
    parser.on('close', () => {
      if (settled) return;
      if (!received) return void fail(new Refusal(400, 'BAD_USER_INPUT', { fields: [{ field: 'file', code: 'REQUIRED' }] }));
      settled = true;
      resolve(received);
    });
    parser.on('error', () => fail(new Refusal(400, 'BAD_REQUEST')));
    req.on('error', () => fail(new Refusal(400, 'BAD_REQUEST')));
    req.pipe(parser);
  });
}

/** How long a refused upload's connection stays half-open, for the client to read the answer. */
const LINGER_MS = 10_000;

/**
 * The rest of a refused body is not wanted, but closing at once is no better: Node closes a
 * `Connection: close` socket the moment the answer is written (`socket.destroySoon`), and with
 * unread bytes in the kernel's buffer that close is a TCP reset. A client still sending meets the
 * reset and may lose the answer it has not read yet ("connection reset" instead of our message).
 * So such a connection closes as web servers close it ("lingering close"): our side ends with the
 * answer; what the client still sends is read and dropped up to `dropBytes` (a file the panel
 * allows, so a browser finishes its upload and reads the answer at once); past that nothing is read
 * (the client stalls on a full window) and the socket goes LINGER_MS later. Node has no option for
 * this, hence the override of destroySoon on this one socket.
 */
function closeLingering(req: Request, dropBytes: number): void {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > dropBytes) req.pause();
  });
  req.resume();
  req.socket.destroySoon = function (this: Socket) {
    this.end();
    setTimeout(() => this.destroy(), LINGER_MS).unref();
  };
}

function send(req: Request, res: Response, locale: Locale, refusal: Refusal, dropBytes: number): void {
  if (res.headersSent) return;
  // the rest of a body not read to its end is dropped (up to dropBytes): the connection closes after this answer
  if (!req.complete) {
    res.setHeader('Connection', 'close');
    if (req.socket) closeLingering(req, dropBytes);
  }
  const fields = (refusal.extra.fields as { field: string; code: keyof typeof fieldMessages }[] | undefined)?.map((f) => ({ ...f, message: fieldMessages[f.code][locale] }));
  res.status(refusal.status).json({ errors: [{ message: errorMessages[refusal.code][locale], extensions: { code: refusal.code, ...refusal.extra, ...(fields ? { fields } : {}) } }] });
}

export function uploadRoutes(orm: MikroORM, config: Config): Router {
  const router = express.Router();
  const { maxBytes, pendingMinutes } = config.uploads;
  const limits = rateLimitsFor(orm, config);

  // what a refused upload may still send and have dropped: a file the panel allows (see closeLingering)
  const dropBytes = maxBytes + MULTIPART_OVERHEAD;

  const handle = (anonymous: boolean) => async (req: Request, res: Response) => {
    const locale = localeFromHeader(req.get('accept-language'));
    try {
      // uploads come from the panel itself (the session cookie is SameSite=Strict as well)
      if (req.get('sec-fetch-site') === 'cross-site') throw new Refusal(403, 'FORBIDDEN');
      // API tokens only read
      if (/^Bearer\s/i.test(req.get('authorization') ?? '')) throw new Refusal(403, 'FORBIDDEN', { reason: 'READ_ONLY_TOKEN' });
      const declared = Number(req.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD) throw new Refusal(413, 'FILE_TOO_LARGE', { maxBytes });
      const em = orm.em.fork();
      const ip = clientIp(req, config);
      let owner: { userId: string } | { anonymous: true; ip: string | null };
      if (anonymous) {
        // the public page's limit, per address, taken before a byte of the file is read
        const verdict = await countPublicUpload(limits, ip);
        if (!verdict.allowed) {
          res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
          throw new Refusal(429, 'TOO_MANY_REQUESTS', { retryAfterSeconds: verdict.retryAfterSeconds });
        }
        owner = { anonymous: true, ip };
      } else {
        const { session } = await resolveSession(em, config, sessionToken(config, req));
        if (session?.stage !== SessionStage.SIGNED_IN) throw new Refusal(401, 'UNAUTHENTICATED');
        const u = session.user.getEntity();
        const viewer = { id: u.id, loginId: u.loginId, role: u.role, municipalityId: u.municipality?.id ?? null, officeId: u.office?.id ?? null, officeAdmin: u.officeAdmin };
        if (!uploadPolicy.upload(viewer)) throw new Refusal(403, 'FORBIDDEN');
        owner = { userId: session.user.id };
      }
      const file = await receive(req, maxBytes);
      const stored = await storeUpload(em, file, owner, pendingMinutes);
      res.status(201).setHeader('Cache-Control', 'no-store').json(stored);
    } catch (e) {
      if (e instanceof Refusal) return send(req, res, locale, e, dropBytes);
      if (isDatabaseUnavailable(e)) return send(req, res, locale, new Refusal(503, 'SERVICE_UNAVAILABLE'), dropBytes);
      console.error('[uploads] unexpected error:', e);
      send(req, res, locale, new Refusal(500, 'INTERNAL_SERVER_ERROR'), dropBytes);
    }
  };

  router.post('/uploads', handle(false));
  router.post('/uploads/public', handle(true));
  return router;
}
