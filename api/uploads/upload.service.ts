// Files sent to POST /uploads: the accepted types and their signatures, the pending row, claiming
// by a mutation, and the clean-up of uploads nobody claimed.
import { createHash, randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertValid, type FieldError } from '../common/errors.js';
import { inTransaction } from '../db/transaction.js';
import { PendingUpload } from './pending-upload.entity.js';
import { claimTokenHash, uploadPolicy, type Claimant } from './upload.policy.js';

/** Files per application submission / addition and per post. */
export const MAX_ATTACHMENTS_PER_REQUEST = 3;

/** The accepted types and how each file starts (checked on the first bytes, before the rest is read). */
const signatures: [string, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];
export const ACCEPTED_TYPES = signatures.map(([type]) => type);
/** Bytes needed to tell the types apart */
export const SIGNATURE_BYTES = Math.max(...signatures.map(([, sig]) => sig.length));

export function detectType(head: Buffer): string | null {
  return signatures.find(([, sig]) => sig.every((b, i) => head[i] === b))?.[0] ?? null;
}

/** File names as given, minus path separators and control characters, at most 200 characters. */
export function cleanFilename(name: string | undefined): string {
  const cleaned = [
    ...(name ?? '')
      .replace(/[\\/\r\n\0]/g, '_')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters from file names is the point of this pattern
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim(),
  ];
  if (cleaned.length <= 200) return cleaned.join('') || 'file';
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : [];
  return cleaned.slice(0, 200 - ext.length).join('') + ext.join('');
}

export interface CheckedFile {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer;
}

export interface StoredUpload {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  expiresAt: Date;
  /** anonymous uploads only: what the claiming mutation must present */
  claimToken?: string;
}

/** Keeps a checked file until a mutation claims it (or the clean-up job removes it). */
export async function storeUpload(
  em: EntityManager,
  file: { filename: string; contentType: string; data: Buffer },
  owner: { userId: string } | { anonymous: true; ip: string | null },
  pendingMinutes: number,
): Promise<StoredUpload> {
  const claimToken = 'anonymous' in owner ? randomBytes(24).toString('base64url') : undefined;
  const row = em.create(PendingUpload, {
    filename: file.filename,
    contentType: file.contentType,
    size: file.data.length,
    sha256: createHash('sha256').update(file.data).digest('hex'),
    data: file.data,
    ownerId: 'userId' in owner ? owner.userId : null,
    clientIp: 'anonymous' in owner ? owner.ip : null,
    claimTokenHash: claimToken ? claimTokenHash(claimToken) : null,
    expiresAt: new Date(Date.now() + pendingMinutes * 60_000),
  });
  await em.flush();
  return { id: row.id, filename: row.filename, contentType: row.contentType, size: row.size, expiresAt: row.expiresAt, ...(claimToken ? { claimToken } : {}) };
}

export interface UploadRef {
  uploadId: string;
  claimToken?: string | null;
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/**
 * Takes the uploads a mutation names (in the caller's transaction): each must exist, be unexpired,
 * unclaimed and the claimant's own. The rows are locked and removed, so a second claim — even a
 * concurrent one — finds nothing. Errors name the refs by position (attachments.1.uploadId).
 */
export async function claimUploads(em: EntityManager, claimant: Claimant, refs: UploadRef[] | null | undefined, field = 'attachments'): Promise<CheckedFile[]> {
  if (!refs?.length) return [];
  if (refs.length > MAX_ATTACHMENTS_PER_REQUEST) assertValid([{ field, code: 'INVALID_VALUE' }]);
  const ids = refs.map((r) => r.uploadId);
  if (new Set(ids).size !== ids.length) assertValid([{ field, code: 'INVALID_VALUE' }]);
  const wanted = ids.filter(isUuid);
  const rows = wanted.length ? await em.find(PendingUpload, { id: { $in: wanted } }, { populate: ['data'], lockMode: LockMode.PESSIMISTIC_WRITE }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const now = new Date();
  assertValid(
    refs.flatMap((r, i): FieldError[] => {
      const row = byId.get(r.uploadId);
      return row && uploadPolicy.claim(claimant, row, r.claimToken, now) ? [] : [{ field: `${field}.${i}.uploadId`, code: 'UPLOAD_UNAVAILABLE' }];
    }),
  );
  return refs.map((r) => {
    const row = byId.get(r.uploadId)!;
    em.remove(row);
    return { filename: row.filename, contentType: row.contentType, size: row.size, sha256: row.sha256, data: row.data };
  });
}

/** Uploads never claimed, past their time: removed (background job). Returns how many. */
export async function purgeExpiredUploads(em: EntityManager, now = new Date()): Promise<number> {
  return inTransaction(em, () => em.nativeDelete(PendingUpload, { expiresAt: { $lt: now } }));
}
