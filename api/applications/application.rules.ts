import { or } from 'graphql-shield';
import { isAnyone, isCity, isCityOrVendor, isOffice, isSignedIn } from '../authz/rules.js';

// Rows are scoped in ApplicationService (applicationScope) and each action is checked against the
// transition table for the caller's party; these rules decide who may call at all.
// office staff file room forms; account forms need an office admin (checked in the service)
const reviewsOrApplies = or(isCityOrVendor, isOffice);
const applies = or(isCity, isOffice);

export const applicationRules = {
  Query: {
    applications: reviewsOrApplies,
    application: reviewsOrApplies,
    applicationCounts: reviewsOrApplies,
  },
  Mutation: {
    submitApplication: applies,
    submitPublicRegistration: isAnyone,
    resubmitApplication: applies,
    withdrawApplication: applies,
    addApplicationAttachments: applies,
    returnApplication: isCity,
    rejectApplication: isCity,
    forwardApplication: isCity,
    completeApplication: isCityOrVendor,
    createRoomFromApplication: isCity,
    issueActivationLetter: isCityOrVendor,
  },
  Application: { '*': isSignedIn },
  ApplicationEvent: { '*': isSignedIn },
  Attachment: { '*': isSignedIn },
  ApplicationPage: { '*': isSignedIn },
  ApplicationStateCount: { '*': isSignedIn },
  PublicReceipt: { '*': isAnyone },
  ActivationLetterEntry: { '*': isCityOrVendor },
};
