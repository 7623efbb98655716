import { and } from 'graphql-shield';
import { policyRule } from '../authz/policy.js';
import { roomPolicy } from './room.policy.js';

// Patient data is for the city and the rooms' members; VENDOR gets counts only (room.policy.ts).
// Which rooms, and writing in them, is decided per room in rooms/room.access.ts.
const reads = policyRule('rooms.read', roomPolicy.read);
/**
 * A decision about fewer callers than `reads` (the city alone, office staff alone), written as
 * and(decision, reads) so that passing it visibly implies the row types' own rule, and their
 * fields need not check it again (authz/checked-at-parent.ts). The answer is the decision's.
 */
const within = (name: string, decide: Parameters<typeof policyRule>[1]) => and(policyRule(name, decide), reads);
const manages = within('rooms.manage', roomPolicy.manage);
const posts = within('rooms.post', roomPolicy.post);
const withdrawsConsent = within('rooms.withdrawConsent', roomPolicy.mayWithdrawConsent);
const counts = policyRule('rooms.counts', roomPolicy.counts);

export const roomRules = {
  Query: {
    rooms: reads,
    room: reads,
    directory: reads,
    roomCounts: counts,
    posts: reads,
    roomVitals: reads,
  },
  Mutation: {
    addRoomMember: manages,
    changeRoomMember: manages,
    removeRoomMember: manages,
    setCareReportTitles: manages,
    setDefaultCareReportTitles: manages,
    coverOfficesByConsent: manages,
    withdrawConsent: withdrawsConsent,
    createPost: posts,
    editPost: posts,
    markPostsRead: reads,
    requestRoomClosing: posts,
  },
  Room: { '*': reads },
  RoomPage: { '*': reads },
  RoomMember: { '*': reads },
  RoomCount: { '*': counts },
  DirectoryPage: { '*': reads },
  PersonSummary: { '*': reads },
  Patient: { '*': reads },
  Consent: { '*': reads },
  Post: { '*': reads },
  PostPage: { '*': reads },
  PostReader: { '*': reads },
  PostRevision: { '*': reads },
  PostAttachment: { '*': reads },
  Vitals: { '*': reads },
};
