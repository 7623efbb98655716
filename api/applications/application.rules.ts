import { or } from 'graphql-shield';
import { isAnyone, isCity, isCityOrVendor, isOfficeAdmin, isSignedIn, isVendor } from '../authz/rules.js';

// Rows are scoped in ApplicationService (applicationScope) and each action is checked against the
// transition table for the caller's party; these rules decide who may call at all.
const reviewsOrApplies = or(isCityOrVendor, isOfficeAdmin);
const applies = or(isCity, isOfficeAdmin);

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
    completeApplication: isVendor,
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
