// Scanned forms: PDF, JPEG or PNG, sent first to POST /uploads (api/uploads/: type, first bytes
// and size checked there, as the file streams in) and named here by upload id.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { claimUploads, MAX_ATTACHMENTS_PER_REQUEST, type CheckedFile } from '../uploads/upload.service.js';
import type { Claimant } from '../uploads/upload.policy.js';
import { Application, Attachment } from './application.entity.js';

export { MAX_ATTACHMENTS_PER_REQUEST, type CheckedFile };

@InputType({ description: 'A file sent first to POST /uploads (or /uploads/public), named by what it answered' })
export class AttachmentUpload {
  @Field(() => ID, { description: 'The id POST /uploads answered; each upload can be used once, by its uploader, within an hour' })
  uploadId!: string;

  @Field(() => String, { nullable: true, description: 'The public page only: the claimToken POST /uploads/public answered' })
  @IsOptional()
  @MaxLength(100, { message: 'TOO_LONG' })
  claimToken?: string | null;
}

/**
 * Scanned forms of an application, added to the unit of work. `uploadedBy` is the claimant: a
 * signed-in user's own uploads, or (null) the public page's anonymous ones with their tokens.
 */
export async function attachFiles(em: EntityManager, app: Application, uploads: AttachmentUpload[] | null | undefined, uploadedBy: string | null, field = 'attachments'): Promise<Attachment[]> {
  const claimant: Claimant = uploadedBy ? { userId: uploadedBy } : { anonymous: true };
  const files = await claimUploads(em, claimant, uploads, field);
  return files.map((f) => em.create(Attachment, { application: app, ...f, uploadedBy }));
}
