// The sign-in API (auth.graphql): each call answers where the session stands next. These calls
// run before there is a session, so before the data provider (and Apollo Client) is loaded:
// they use graphqlRequest (graphql/transport.ts), which keeps the sign-in page light.
import { graphqlRequest } from '../graphql/transport';
import {
  AuthStatusDocument,
  BeginTotpEnrollmentDocument,
  ChangePasswordDocument,
  ConfirmTotpEnrollmentDocument,
  LoginDocument,
  LogoutDocument,
  MeDocument,
  UseRecoveryCodeDocument,
  VerifyTotpDocument,
  type BeginTotpEnrollmentMutation,
  type MeQuery,
} from '../graphql/generated/graphql';

export type { AuthStep, Role } from '../graphql/generated/graphql';

export type Me = MeQuery['me'] & {
  /** what this user may do in the panel, as "resource.action" (Query.abilities: the API's policies) */
  abilities: string[];
};

/** otpauthUri is the QR's content: a link that opens the authenticator on the same phone. */
export type TotpEnrollment = BeginTotpEnrollmentMutation['beginTotpEnrollment'];

export const authApi = {
  status: () => graphqlRequest(AuthStatusDocument).then((d) => d.authStatus.step),

  login: (loginId: string, password: string) => graphqlRequest(LoginDocument, { loginId, password }).then((d) => d.login.step),

  verifyTotp: (code: string) => graphqlRequest(VerifyTotpDocument, { code }).then((d) => d.verifyTotp.step),

  recoveryCode: (code: string) => graphqlRequest(UseRecoveryCodeDocument, { code }).then((d) => d.useRecoveryCode.step),

  beginTotpEnrollment: () => graphqlRequest(BeginTotpEnrollmentDocument).then((d) => d.beginTotpEnrollment),

  confirmTotpEnrollment: (code: string) => graphqlRequest(ConfirmTotpEnrollmentDocument, { code }).then((d) => d.confirmTotpEnrollment),

  changePassword: (currentPassword: string, newPassword: string) => graphqlRequest(ChangePasswordDocument, { currentPassword, newPassword }).then((d) => d.changePassword.step),

  logout: () => graphqlRequest(LogoutDocument),

  me: (): Promise<Me> => graphqlRequest(MeDocument).then((d) => ({ ...d.me, abilities: d.abilities })),
};
