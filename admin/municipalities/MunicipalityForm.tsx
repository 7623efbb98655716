import { SaveButton, SimpleForm, TextInput, Toolbar } from 'react-admin';
import { FormSection, InputRow } from '../common/FormSection';
import * as v from '../common/validators';

const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const MunicipalityForm = () => (
  <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 800 }}>
    <FormSection title="app.sections.basic">
      <InputRow>
        <TextInput source="code" validate={[v.required(), v.municipalityCode()]} helperText="app.values.municipality_code_help" slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }} />
        <TextInput source="prefecture" validate={[v.required(), v.maxLength(20)]} />
      </InputRow>
      <TextInput source="name" validate={[v.required(), v.maxLength(100)]} />
      <InputRow>
        <TextInput source="contactName" validate={v.maxLength(200)} />
        <TextInput source="contactEmail" type="email" validate={[v.email(), v.maxLength(254)]} />
      </InputRow>
    </FormSection>
  </SimpleForm>
);
