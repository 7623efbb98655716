// The sign-in API (see schema.graphql): each call answers where the session stands next.
import { graphqlRequest } from '../graphql/transport';

export type AuthStep = 'SIGNED_OUT' | 'TOTP_REQUIRED' | 'TOTP_ENROLLMENT' | 'PASSWORD_CHANGE' | 'SIGNED_IN';
export type Role = 'VENDOR' | 'CITY' | 'OFFICE';

export interface Me {
  id: string;
  name: string;
  role: Role;
  officeAdmin: boolean;
  office: { id: string; name: string } | null;
  municipality: { id: string; name: string } | null;
  /** what this user may do in the panel, as "resource.action" (Query.abilities: the API's policies) */
  abilities: string[];
}

export interface TotpEnrollment {
  qrCodeDataUrl: string;
  manualEntryKey: string;
  /** otpauth:// URI (the QR's content): a link that opens the authenticator on the same phone */
  otpauthUri: string;
}

type Step = { step: AuthStep };

export const authApi = {
  status: () => graphqlRequest<{ authStatus: Step }>('query AuthStatus { authStatus { step } }').then((d) => d.authStatus.step),

  login: (loginId: string, password: string) =>
    graphqlRequest<{ login: Step }>('mutation Login($loginId: String!, $password: String!) { login(loginId: $loginId, password: $password) { step } }', {
      loginId,
      password,
    }).then((d) => d.login.step),

  verifyTotp: (code: string) =>
    graphqlRequest<{ verifyTotp: Step }>('mutation VerifyTotp($code: String!) { verifyTotp(code: $code) { step } }', { code }).then((d) => d.verifyTotp.step),

  recoveryCode: (code: string) =>
    graphqlRequest<{ useRecoveryCode: Step }>('mutation UseRecoveryCode($code: String!) { useRecoveryCode(code: $code) { step } }', { code }).then(
      (d) => d.useRecoveryCode.step,
    ),

  beginTotpEnrollment: () =>
    graphqlRequest<{ beginTotpEnrollment: TotpEnrollment }>('mutation BeginTotpEnrollment { beginTotpEnrollment { qrCodeDataUrl manualEntryKey otpauthUri } }').then(
      (d) => d.beginTotpEnrollment,
    ),

  confirmTotpEnrollment: (code: string) =>
    graphqlRequest<{ confirmTotpEnrollment: { step: AuthStep; recoveryCodes: string[] } }>(
      'mutation ConfirmTotpEnrollment($code: String!) { confirmTotpEnrollment(code: $code) { step recoveryCodes } }',
      { code },
    ).then((d) => d.confirmTotpEnrollment),

  changePassword: (currentPassword: string, newPassword: string) =>
    graphqlRequest<{ changePassword: Step }>(
      'mutation ChangePassword($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { step } }',
      { currentPassword, newPassword },
    ).then((d) => d.changePassword.step),

  logout: () => graphqlRequest<{ logout: boolean }>('mutation Logout { logout }'),

  me: () =>
    graphqlRequest<{ me: Omit<Me, 'abilities'>; abilities: string[] }>(
      'query Me { me { id name role officeAdmin office { id name } municipality { id name } } abilities }',
    ).then((d) => ({ ...d.me, abilities: d.abilities })),
};
