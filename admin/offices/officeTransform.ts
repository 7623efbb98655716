// Before saving: values of inputs that the chosen kind / delivery hides are dropped, so a kind
// changed from SERVICE does not send its サービス種類 (the server would refuse them).
import type { RaRecord } from 'react-admin';

export function officeTransform(data: RaRecord): RaRecord {
  const out = { ...data };
  if (out.kind !== 'SERVICE') out.serviceTypes = [];
  if (!(out.serviceTypes ?? []).includes('OTHER')) out.serviceTypeOther = null;
  if (out.credentialsDelivery !== 'OTHER_ADDRESS') {
    out.credentialsPostalCode = null;
    out.credentialsAddress = null;
  }
  return out;
}
