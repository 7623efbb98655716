// Who may upload a file, and who may attach an upload to something. Uploading is not attaching:
// the mutation that claims an upload decides, by its own area's policy, whether the viewer may
// add files to that application or post; this policy only ties an upload to its uploader.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Viewer } from '../context.js';
import type { RoleDecision } from '../authz/policy.js';
import type { PendingUpload } from './pending-upload.entity.js';

/** Whoever claims: a signed-in user (by id), or the public registration page (anonymous, with the claim token). */
export type Claimant = { userId: string } | { anonymous: true };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const claimTokenHash = sha256;

export const uploadPolicy = {
  /** Any signed-in browser session may upload (API tokens never: they are read-only). */
  upload: ((_viewer: Viewer) => true) satisfies RoleDecision,

  /**
   * An upload is claimed only by its uploader: the same user, or for an anonymous upload the
   * holder of its claim token, and only by the public page (a signed-in mutation never takes an
   * anonymous file, and the public page never takes a user's).
   */
  claim(claimant: Claimant, upload: PendingUpload, claimToken: string | null | undefined, now = new Date()): boolean {
    if (upload.expiresAt <= now) return false;
    if ('userId' in claimant) return upload.ownerId === claimant.userId;
    if (upload.ownerId || !upload.claimTokenHash || !claimToken) return false;
    const given = Buffer.from(sha256(claimToken));
    const stored = Buffer.from(upload.claimTokenHash);
    return given.length === stored.length && timingSafeEqual(given, stored);
  },
};
