import { isAnyone, isSignedIn } from '../authz/rules.js';
import { policyRule } from '../authz/policy.js';
import { applicationPolicy as policy } from './application.policy.js';

// Who may call at all, from application.policy.ts. Rows are scoped by policy.scope, each action is
// checked against the transition table for the caller's party, and a room form's patient data by
// policy.canReadPatientData, in the service and the resolver.
const reads = policyRule('applications.read', policy.read);
const submits = policyRule('applications.submit', policy.submit);
const actsAsApplicant = policyRule('applications.actAsApplicant', policy.actAsApplicant);
const attaches = policyRule('applications.attach', policy.attach);
const reviews = policyRule('applications.review', policy.review);
const completes = policyRule('applications.complete', policy.complete);
const printsLetter = policyRule('applications.issueActivationLetter', policy.issueActivationLetter);

export const applicationRules = {
  Query: {
    applications: reads,
    application: reads,
    applicationCounts: reads,
  },
  Mutation: {
    submitApplication: submits,
    submitPublicRegistration: isAnyone,
    resubmitApplication: actsAsApplicant,
    withdrawApplication: actsAsApplicant,
    addApplicationAttachments: attaches,
    returnApplication: reviews,
    rejectApplication: reviews,
    forwardApplication: reviews,
    completeApplication: completes,
    createRoomFromApplication: reviews,
    issueActivationLetter: printsLetter, // separation of duties: only the city prints codes (users/user.policy.ts)
  },
  Application: { '*': isSignedIn },
  ApplicationEvent: { '*': isSignedIn },
  Attachment: { '*': isSignedIn },
  ApplicationPage: { '*': isSignedIn },
  ApplicationStateCount: { '*': isSignedIn },
  PublicReceipt: { '*': isAnyone },
  ActivationLetterEntry: { '*': printsLetter },
};
