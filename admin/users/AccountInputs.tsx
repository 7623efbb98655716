// Issuing an account (VENDOR): login ID, role, where it belongs, and the initial password.
// Sent as createUser's `account` argument (form values under `account.`).
import { AutocompleteInput, PasswordInput, ReferenceInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { Button, Stack } from '@mui/material';
import { FormSection, InputRow } from '../common/FormSection';
import { choices } from '../common/enums';
import { generatePassword } from '../common/password';
import * as v from '../common/validators';

const officeFilterToQuery = (q: string) => ({ q, status: 'ACTIVE' });

const InitialPasswordInput = () => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', width: '100%' }}>
      <PasswordInput
        source="account.initialPassword"
        validate={[v.required(), v.passwordPolicy()]}
        helperText="app.auth.password_policy_help"
        autoComplete="new-password"
        initiallyVisible
      />
      <Button onClick={() => setValue('account.initialPassword', generatePassword(), { shouldDirty: true, shouldValidate: true })} sx={{ mt: 1.5, whiteSpace: 'nowrap' }}>
        {translate('app.actions.generate')}
      </Button>
    </Stack>
  );
};

export const AccountInputs = () => {
  const role = useWatch({ name: 'account.role' });
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
      <InitialPasswordInput />
    </FormSection>
  );
};
