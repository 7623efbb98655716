// The office form (様式1-2 / 2-2B / 2-2C): which inputs apply depends on the kind. OfficeInputs are
// also used nested in a form (the registration application, `officeRegistration.office.`): the
// watched values are read through the source context, so they follow any prefix.
import type { ReactNode } from 'react';
import { CheckboxGroupInput, RadioButtonGroupInput, SaveButton, SimpleForm, TextInput, Toolbar, useWrappedSource } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { FormSection, InputRow } from '../common/FormSection';
import { choices } from '../common/enums';
import * as v from '../common/validators';

/** The current value of one of the office's inputs (under the form's source prefix, if any). */
const useOfficeValue = (source: string) => useWatch({ name: useWrappedSource(source) });

/** 事業所番号: required for service and care-management offices (様式2-2B / 2-2C). */
const OfficeNumberInput = () => {
  const kind = useOfficeValue('kind');
  const needed = kind === 'SERVICE' || kind === 'CARE_MANAGEMENT';
  return (
    <TextInput
      source="officeNumber"
      validate={needed ? [v.required(), v.officeNumber()] : v.officeNumber()}
      sx={{ maxWidth: 320 }}
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 10 } }}
    />
  );
};

const ServiceInputs = () => {
  const kind = useOfficeValue('kind');
  const serviceTypes = useOfficeValue('serviceTypes') as string[] | undefined;
  if (kind !== 'SERVICE') return null;
  return (
    <FormSection title="app.sections.services">
      <CheckboxGroupInput
        source="serviceTypes"
        choices={choices.serviceType}
        validate={v.nonEmpty()}
        sx={{ '& .MuiFormGroup-root': { display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '1fr 1fr 1fr' } } }}
      />
      {serviceTypes?.includes('OTHER') && <TextInput source="serviceTypeOther" validate={[v.required(), v.maxLength(200)]} />}
    </FormSection>
  );
};

const CredentialsInputs = () => {
  const delivery = useOfficeValue('credentialsDelivery');
  return (
    <FormSection title="app.sections.delivery">
      <RadioButtonGroupInput source="credentialsDelivery" choices={choices.credentialsDelivery} label={false} />
      {delivery === 'OTHER_ADDRESS' && (
        <InputRow>
          <TextInput source="credentialsPostalCode" validate={v.postalCode()} placeholder="310-0015" sx={{ maxWidth: { md: 200 } }} />
          <TextInput source="credentialsAddress" validate={[v.required(), v.maxLength(300)]} />
        </InputRow>
      )}
    </FormSection>
  );
};

const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** The office's inputs by section; `head` holds inputs that only one screen has (the municipality picker on create). */
export const OfficeInputs = ({ head }: { head?: ReactNode }) => (
  <>
    <FormSection title="app.sections.basic">
      {head}
      <RadioButtonGroupInput source="kind" choices={choices.officeKind} validate={v.required()} />
      <InputRow>
        <TextInput source="name" validate={[v.required(), v.maxLength(200)]} />
        <TextInput source="nameKana" validate={[v.katakana(), v.maxLength(200)]} />
      </InputRow>
      <OfficeNumberInput />
    </FormSection>
    <ServiceInputs />
    <FormSection title="app.sections.office_contact">
      <InputRow>
        <TextInput source="postalCode" validate={v.postalCode()} placeholder="310-0015" sx={{ maxWidth: { md: 200 } }} />
        <TextInput source="address" validate={[v.required(), v.maxLength(300)]} />
      </InputRow>
      <InputRow>
        <TextInput source="phone" validate={[v.required(), v.phone()]} placeholder="029-232-9110" />
        <TextInput source="contactEmail" type="email" validate={[v.required(), v.email()]} />
      </InputRow>
    </FormSection>
    <FormSection title="app.sections.corporation">
      <InputRow>
        <TextInput source="corporationName" validate={[v.required(), v.maxLength(200)]} />
        <TextInput source="corporationNameKana" validate={[v.required(), v.katakana(), v.maxLength(200)]} />
      </InputRow>
      <InputRow>
        <TextInput source="representativeName" validate={[v.required(), v.maxLength(100)]} />
        <TextInput source="representativeNameKana" validate={[v.required(), v.katakana(), v.maxLength(100)]} />
      </InputRow>
      <InputRow>
        <TextInput source="corporationPostalCode" validate={v.postalCode()} placeholder="310-0015" sx={{ maxWidth: { md: 200 } }} />
        <TextInput source="corporationAddress" validate={[v.required(), v.maxLength(300)]} />
      </InputRow>
      <TextInput source="corporationPhone" validate={[v.required(), v.phone()]} placeholder="029-232-9110" sx={{ maxWidth: { md: 'calc(50% - 8px)' } }} />
    </FormSection>
    <CredentialsInputs />
    <FormSection title="app.sections.note">
      <TextInput source="note" multiline minRows={2} validate={v.maxLength(2000)} label="app.sections.note" />
    </FormSection>
  </>
);

export const OfficeForm = ({ head }: { head?: ReactNode }) => (
  <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 960 }} defaultValues={{ credentialsDelivery: 'OFFICE_ADDRESS', serviceTypes: [] }}>
    <OfficeInputs head={head} />
  </SimpleForm>
);
