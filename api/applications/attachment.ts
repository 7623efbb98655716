// Scanned forms: PDF, JPEG or PNG, at most 5 MB, the type checked from the file's own bytes.
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, InputType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { assertValid, type FieldError } from '../common/errors.js';
import { Application, Attachment } from './application.entity.js';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_REQUEST = 3;

@InputType()
export class AttachmentUpload {
  @Field() @MaxLength(200, { message: 'TOO_LONG' })
  filename!: string;

  @Field({ description: 'application/pdf, image/jpeg or image/png' })
  contentType!: string;

  @Field({ description: 'The file, base64-encoded' }) @MaxLength(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4, { message: 'FILE_TOO_LARGE' })
  dataBase64!: string;
}

const signatures: [string, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

export function detectType(data: Buffer): string | null {
  return signatures.find(([, sig]) => sig.every((b, i) => data[i] === b))?.[0] ?? null;
}

export interface CheckedFile {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer;
}

/** Checks every upload (naming the bad ones): count, size, and the type from the file's own bytes. */
export function checkUploads(uploads: AttachmentUpload[] | null | undefined, field = 'attachments'): CheckedFile[] {
  if (!uploads?.length) return [];
  if (uploads.length > MAX_ATTACHMENTS_PER_REQUEST) assertValid([{ field, code: 'INVALID_VALUE' }]);
  const files = uploads.map((u) => ({ u, data: Buffer.from(u.dataBase64, 'base64') }));
  assertValid(
    files.flatMap(({ u, data }, i): FieldError[] => {
      if (data.length === 0 || data.length > MAX_ATTACHMENT_BYTES) return [{ field: `${field}.${i}.dataBase64`, code: 'FILE_TOO_LARGE' }];
      const detected = detectType(data);
      return detected && detected === u.contentType ? [] : [{ field: `${field}.${i}.contentType`, code: 'FILE_TYPE' }];
    }),
  );
  return files.map(({ u, data }) => ({
    filename: u.filename.replace(/[\\/\r\n\0]/g, '_').trim() || 'file',
    contentType: u.contentType,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    data,
  }));
}

/** Scanned forms of an application, added to the unit of work. */
export function attachFiles(em: EntityManager, app: Application, uploads: AttachmentUpload[] | null | undefined, uploadedBy: string | null, field = 'attachments'): Attachment[] {
  return checkUploads(uploads, field).map((f) => em.create(Attachment, { application: app, ...f, uploadedBy }));
}
