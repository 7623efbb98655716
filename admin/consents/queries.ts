// 同意書の一覧 (CITY): the consents register and recording a withdrawal from it.
export const CONSENTS = `query Consents($filter: ConsentFilter, $sort: ConsentSort, $page: PageInput) {
  consents(filter: $filter, sort: $sort, page: $page) { total items {
    id roomId roomName roomStatus patientId patientName patientNameKana consentDate signer proxyName proxyRelationship
    explainingOfficeName explainingPersonName coveredOfficeNames withdrawnAt withdrawalNote formAttachmentId } } }`;

export const WITHDRAW_CONSENT = `mutation WithdrawConsentFromRegister($roomId: ID!, $note: String) {
  withdrawConsent(roomId: $roomId, note: $note) { id withdrawnAt } }`;

export const CONSENT_SORT = ['consentDate', 'patientNameKana', 'withdrawnAt'];
