// The account lifecycle's custom data-provider methods (applications.graphql): the state
// machine's actions, the queue counts, the credentials letters, an ID stop request. The list and
// detail of applications are a react-admin resource (applications/dataProvider.ts).
import { request } from '../graphql/client';
import {
  ApplicationCountsDocument,
  CompleteApplicationDocument,
  ForwardApplicationDocument,
  IssueActivationCodesDocument,
  IssueActivationLetterDocument,
  RejectApplicationDocument,
  ReturnApplicationDocument,
  SubmitApplicationDocument,
  WithdrawApplicationDocument,
  type ApplicationInput,
  type IssueActivationLetterMutation,
} from '../graphql/generated/graphql';

/** The state machine's actions that take (id, version, comment); RESUBMIT has its own form. */
export type SimpleAction = 'FORWARD' | 'RETURN' | 'REJECT' | 'COMPLETE' | 'WITHDRAW';

const actionDocuments = {
  FORWARD: { document: ForwardApplicationDocument, commentRequired: false },
  RETURN: { document: ReturnApplicationDocument, commentRequired: true },
  REJECT: { document: RejectApplicationDocument, commentRequired: true },
  COMPLETE: { document: CompleteApplicationDocument, commentRequired: false },
  WITHDRAW: { document: WithdrawApplicationDocument, commentRequired: false },
} as const;

export const commentRequired = (action: SimpleAction) => actionDocuments[action].commentRequired;

export type ActivationLetterEntry = IssueActivationLetterMutation['issueActivationLetter'][number];

export const applicationMethods = {
  /** FORWARD, RETURN, REJECT, COMPLETE or WITHDRAW with the version as loaded (RETURN and REJECT need a comment). */
  applicationAction: (action: SimpleAction, id: string, version: number, comment: string | null) =>
    // one document per action; their variables differ only in whether the comment is required
    request(actionDocuments[action].document as typeof ForwardApplicationDocument, { id, version, comment }),

  /** How many applications wait in each state (the home page's queue card). */
  applicationCounts: () => request(ApplicationCountsDocument).then((d) => d.applicationCounts),

  /** An ID stop (ID_STOP) for the selected accounts of the caller's office; the answer is the new application. */
  requestIdStop: (input: ApplicationInput) => request(SubmitApplicationDocument, { type: 'ID_STOP', input, officeId: null, attachments: null }).then((d) => d.submitApplication),

  /** Fresh activation codes for a completed application's new accounts (earlier ones stop working). */
  issueActivationLetter: (applicationId: string): Promise<ActivationLetterEntry[]> => request(IssueActivationLetterDocument, { applicationId }).then((d) => d.issueActivationLetter),

  /** Fresh activation codes for PENDING accounts (the users list's letter). */
  issueActivationCodes: (userIds: string[]): Promise<ActivationLetterEntry[]> => request(IssueActivationCodesDocument, { userIds }).then((d) => d.issueActivationCodes),
};
