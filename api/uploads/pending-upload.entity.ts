import { Entity, Index, Property } from '@mikro-orm/core';
import { StoredFile } from '../common/stored-file.js';

/**
 * A file received by POST /uploads and not yet attached to anything. A mutation claims it once
 * (its owner only, before it expires) and moves the bytes to an Attachment or a PostAttachment;
 * the background jobs delete the ones never claimed.
 */
@Entity()
export class PendingUpload extends StoredFile {
  /** The signed-in uploader; null for the public registration page's anonymous uploads */
  @Property({ type: 'uuid', nullable: true })
  ownerId?: string | null;

  /** Where an anonymous upload came from (rate limits, audit) */
  @Property({ length: 64, nullable: true })
  clientIp?: string | null;

  /** sha256 of the claim token handed to an anonymous uploader (the only proof it is theirs) */
  @Property({ length: 64, nullable: true })
  claimTokenHash?: string | null;

  @Index()
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
