// Rooms, their patient, consent and posts: who may see and do what (DOMAIN.md "Invitation only").
// The city of the municipality sees all of its rooms; office staff only the rooms they are live
// members of (room.access.ts finds the membership); VENDOR none, counts only. Writing needs a
// posting permission, an open room and a standing consent.
import type { Viewer } from '../context.js';
import { anyOf, is, type PanelAbilities, type RecordDecision } from '../authz/policy.js';
import { RoomPermission, RoomStatus } from './room.enums.js';

/** What the record decisions read: the viewer's live membership of the room (null for the city) and the room's state. */
export interface RoomAccessRecord {
  membership: { permission: RoomPermission } | null;
  room: { status: RoomStatus };
  consentWithdrawn: boolean;
}

const livePoster = (a: RoomAccessRecord) => !!a.membership && a.membership.permission !== RoomPermission.VIEWER;

export const roomPolicy = {
  /** Rooms, their patient, consent, posts and the directory: the city and office staff (rows: room.access.ts). */
  read: anyOf(is.city, is.office),
  /** Reads every room of its municipality without being a member. */
  readsWholeMunicipality: is.city,
  /** Reads the rooms it is a live member of. */
  readsAsMember: is.office,

  /** How many rooms, nothing about who is in them: the city (its municipality) and VENDOR (all). */
  counts: anyOf(is.city, is.vendor),
  countsEveryMunicipality: is.vendor,

  /** Members, permissions, care-report titles, the consent's offices: the city (⑬–⑮). */
  manage: is.city,

  /** Posting, correcting one's own post, asking to close the room: office staff (per room: `write`). */
  post: is.office,
  /** May add to this room now: a live member with a posting permission, the room open, the consent standing. */
  write: ((_v, a) => livePoster(a) && a.room.status !== RoomStatus.CLOSED && !a.consentWithdrawn) as RecordDecision<RoomAccessRecord>,
  /** Corrections: only the author, of their own post. */
  editPost: ((v, post) => post.authorId === v.id) as RecordDecision<{ authorId: string }>,
  /** Read receipts (既読) are members'; the city reads without leaving any. */
  leavesReadReceipts: ((_v, a) => !!a.membership) as RecordDecision<Pick<RoomAccessRecord, 'membership'>>,

  /** 同意の撤回: the city, or the room's coordinator. */
  mayWithdrawConsent: anyOf(is.city, is.office),
  withdrawConsent: ((v, a) => is.city(v) || a.membership?.permission === RoomPermission.COORDINATOR) as RecordDecision<Pick<RoomAccessRecord, 'membership'>>,
};

/** Whether the viewer is one who can hold memberships (unread counts, "my permission"). */
export const holdsMemberships = (v: Viewer) => roomPolicy.readsAsMember(v);

/** The panel's rooms resource (admin/rooms). */
export const roomAbilities: PanelAbilities = {
  rooms: {
    list: roomPolicy.read,
    show: roomPolicy.read,
    /** 様式6 + 様式5 (submitApplication ROOM_CREATION) */
    request: is.office,
    create_from_application: roomPolicy.manage,
    manage_members: roomPolicy.manage,
    withdraw_consent: roomPolicy.mayWithdrawConsent,
    post: roomPolicy.post,
  },
  posts: {
    list: roomPolicy.read,
    create: roomPolicy.post,
  },
};
