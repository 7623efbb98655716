// Roster data of an account (CITY and VENDOR); role, office and login ID are not edited here.
import { Edit, Labeled, SaveButton, SimpleForm, TextField, Toolbar, useRecordContext } from 'react-admin';
import { FormSection, InputRow } from '../common/FormSection';
import { RosterInputs } from './RosterInputs';

const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const UserEditForm = () => {
  const record = useRecordContext();
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 960 }}>
      <FormSection title="app.sections.account">
        <InputRow>
          <Labeled>
            <TextField source="loginId" />
          </Labeled>
          <Labeled source="office">
            <TextField source="office.name" emptyText="—" />
          </Labeled>
        </InputRow>
      </FormSection>
      <RosterInputs role={record?.role} officeKind={record?.office?.kind} />
    </SimpleForm>
  );
};

// pessimistic: the server checks the version (optimistic locking) and the form shows its field errors
export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <UserEditForm />
  </Edit>
);
