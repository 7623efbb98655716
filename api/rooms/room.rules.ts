import { or } from 'graphql-shield';
import { isCity, isCityOrVendor, isOffice } from '../authz/rules.js';

// Patient data is for the city and the rooms' members; VENDOR gets counts only. Which rooms,
// and writing in them, is decided in rooms/room.access.ts.
const cityOrMembers = or(isCity, isOffice);

export const roomRules = {
  Query: {
    rooms: cityOrMembers,
    room: cityOrMembers,
    directory: cityOrMembers,
    roomCounts: isCityOrVendor,
    posts: cityOrMembers,
    roomVitals: cityOrMembers,
  },
  Mutation: {
    addRoomMember: isCity,
    changeRoomMember: isCity,
    removeRoomMember: isCity,
    setCareReportTitles: isCity,
    setDefaultCareReportTitles: isCity,
    coverOfficesByConsent: isCity,
    withdrawConsent: cityOrMembers,
    createPost: isOffice,
    editPost: isOffice,
    markPostsRead: cityOrMembers,
    requestRoomClosing: isOffice,
  },
  Room: { '*': cityOrMembers },
  RoomPage: { '*': cityOrMembers },
  RoomMember: { '*': cityOrMembers },
  RoomCount: { '*': isCityOrVendor },
  DirectoryPage: { '*': cityOrMembers },
  PersonSummary: { '*': cityOrMembers },
  Patient: { '*': cityOrMembers },
  Consent: { '*': cityOrMembers },
  Post: { '*': cityOrMembers },
  PostPage: { '*': cityOrMembers },
  PostReader: { '*': cityOrMembers },
  PostRevision: { '*': cityOrMembers },
  PostAttachment: { '*': cityOrMembers },
  Vitals: { '*': cityOrMembers },
};
