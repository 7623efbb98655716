// The audit trail's and the consents register's custom data-provider methods (audit.graphql,
// consents.graphql); their lists are react-admin resources (applications/dataProvider.ts).
import { request } from '../graphql/client';
import { AuditActionsDocument, AuditEventsDocument, AuditPatientsDocument, WithdrawConsentFromRegisterDocument, type AuditFilter } from '../graphql/generated/graphql';

export const auditMethods = {
  /** The actions this caller's trail can hold, with their names (the filter picks them). */
  auditActions: () => request(AuditActionsDocument).then((d) => d.auditActions),

  /** One page of the trail, for the CSV export. */
  auditEventsPage: (filter: AuditFilter, page: number, perPage: number) => request(AuditEventsDocument, { filter, page: { page, perPage } }).then((d) => d.auditEvents),

  /** 利用者 for the trail's filter: the patients of the consents register (this read is logged like any list of patients). */
  auditPatients: () => request(AuditPatientsDocument, { sort: { field: 'patientNameKana', order: 'ASC' }, page: { page: 1, perPage: 1000 } }).then((d) => d.consents.items),

  /** Records a withdrawal of consent from the register (同意撤回). */
  withdrawConsentFromRegister: (roomId: string, note: string | null) => request(WithdrawConsentFromRegisterDocument, { roomId, note }),
};
