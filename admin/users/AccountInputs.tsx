// Issuing an account (VENDOR): login ID, role and where it belongs. No password: the account is
// created PENDING and activated with a code its municipality's city prints (README "Duties").
// Sent as createUser's `account` argument (form values under `account.`).
import { AutocompleteInput, ReferenceInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Alert } from '@mui/material';
import { FormSection, InputRow } from '../common/FormSection';
import { choices } from '../common/enums';
import * as v from '../common/validators';

const officeFilterToQuery = (q: string) => ({ q, status: 'ACTIVE' });

export const AccountInputs = () => {
  const role = useWatch({ name: 'account.role' });
  const translate = useTranslate();
  return (
    <FormSection title="app.sections.account">
      <InputRow>
        <TextInput source="account.loginId" validate={[v.required(), v.loginId()]} autoComplete="off" />
        <SelectInput source="account.role" choices={choices.role} validate={v.required()} />
      </InputRow>
      {role === 'OFFICE' && (
        <ReferenceInput source="account.officeId" reference="offices" filter={{ status: 'ACTIVE' }} sort={{ field: 'nameKana', order: 'ASC' }}>
          <AutocompleteInput optionText="name" filterToQuery={officeFilterToQuery} validate={v.required()} />
        </ReferenceInput>
      )}
      {role === 'CITY' && (
        <ReferenceInput source="account.municipalityId" reference="municipalities">
          <SelectInput optionText="name" validate={v.required()} />
        </ReferenceInput>
      )}
      <Alert severity="info" data-testid="account-pending-help">
        {translate('app.actions.account_pending_help')}
      </Alert>
    </FormSection>
  );
};
