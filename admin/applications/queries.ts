// The GraphQL documents of the account lifecycle (schema.graphql is authoritative). Written out
// rather than generated: the detail page needs the nested history and attachments, which the
// generic selection (admin/graphql/operations.ts) reduces to `{ id }`.

const LIST_FIELDS = 'id receiptNumber type state channel summary applicantName submittedAt updatedAt version office { id name } municipality { id name }';

export const APPLICATION_FIELDS = `id receiptNumber type state channel summary applicantName applicantEmail payload submittedAt forwardedAt completedAt createdAt updatedAt version allowedActions
  office { id name kind } municipality { id name code }
  attachments { id filename contentType size sha256 createdAt }
  events { id action fromState toState actorId actorName actorRole comment at }`;

export const APPLICATIONS = `query Applications($filter: ApplicationFilter, $sort: ApplicationSort, $page: PageInput) {
  applications(filter: $filter, sort: $sort, page: $page) { items { ${LIST_FIELDS} } total } }`;

export const APPLICATION = `query Application($id: ID!) { application(id: $id) { ${APPLICATION_FIELDS} } }`;

export const APPLICATION_COUNTS = 'query ApplicationCounts { applicationCounts { state count } }';

export const SUBMIT_APPLICATION = `mutation SubmitApplication($type: ApplicationType!, $input: ApplicationInput!, $officeId: ID, $attachments: [AttachmentUpload!]) {
  submitApplication(type: $type, input: $input, officeId: $officeId, attachments: $attachments) { ${APPLICATION_FIELDS} } }`;

export const RESUBMIT_APPLICATION = `mutation ResubmitApplication($id: ID!, $version: Int!, $input: ApplicationInput!, $comment: String) {
  resubmitApplication(id: $id, version: $version, input: $input, comment: $comment) { ${APPLICATION_FIELDS} } }`;

export const ADD_ATTACHMENTS = `mutation AddApplicationAttachments($applicationId: ID!, $attachments: [AttachmentUpload!]!) {
  addApplicationAttachments(applicationId: $applicationId, attachments: $attachments) { id } }`;

/** The state machine's actions that take (id, version, comment); RESUBMIT has its own form. */
export type SimpleAction = 'FORWARD' | 'RETURN' | 'REJECT' | 'COMPLETE' | 'WITHDRAW';

const actionMutations: Record<SimpleAction, { name: string; commentRequired: boolean }> = {
  FORWARD: { name: 'forwardApplication', commentRequired: false },
  RETURN: { name: 'returnApplication', commentRequired: true },
  REJECT: { name: 'rejectApplication', commentRequired: true },
  COMPLETE: { name: 'completeApplication', commentRequired: false },
  WITHDRAW: { name: 'withdrawApplication', commentRequired: false },
};

export const commentRequired = (action: SimpleAction) => actionMutations[action].commentRequired;

export function actionMutation(action: SimpleAction): { document: string; field: string } {
  const { name, commentRequired: required } = actionMutations[action];
  return {
    field: name,
    document: `mutation ${name[0].toUpperCase()}${name.slice(1)}($id: ID!, $version: Int!, $comment: String${required ? '!' : ''}) {
      ${name}(id: $id, version: $version, comment: $comment) { ${APPLICATION_FIELDS} } }`,
  };
}

export const ISSUE_ACTIVATION_LETTER = `mutation IssueActivationLetter($applicationId: ID!) {
  issueActivationLetter(applicationId: $applicationId) { loginId name nameKana officeName activationCode expiresAt } }`;

export const SUBMIT_PUBLIC_REGISTRATION = `mutation SubmitPublicRegistration($municipalityCode: String!, $input: OfficeRegistrationInput!, $applicantName: String!, $applicantEmail: String!, $attachments: [AttachmentUpload!]) {
  submitPublicRegistration(municipalityCode: $municipalityCode, input: $input, applicantName: $applicantName, applicantEmail: $applicantEmail, attachments: $attachments) { receiptNumber submittedAt } }`;

export const ACTIVATE_ACCOUNT = `mutation ActivateAccount($loginId: String!, $activationCode: String!, $newPassword: String!) {
  activateAccount(loginId: $loginId, activationCode: $activationCode, newPassword: $newPassword) { step } }`;

export interface ApplicationEvent {
  id: string;
  action: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  actorName: string;
  actorRole: string | null;
  comment: string | null;
  at: string;
}

export interface ApplicationAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface ActivationLetterEntry {
  loginId: string;
  name: string;
  nameKana: string;
  officeName: string;
  activationCode: string;
  expiresAt: string;
}

/** The account forms, whose detail this panel renders (room forms are the rooms screens'). */
export const ACCOUNT_TYPES = ['OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP'] as const;
export const ROOM_TYPES = ['ROOM_CREATION', 'ROOM_JOIN', 'ROOM_END'] as const;
export const isAccountType = (type: unknown) => (ACCOUNT_TYPES as readonly unknown[]).includes(type);
