// The roster fields of a person (様式1-2 / 2-2B / 2-2C staff rows). Which apply depends on the
// job type (その他 → its text; ケアマネジャー → 介護支援専門員番号), the role (office admin flag for
// OFFICE accounts) and the office kind (ICT情報連携 for service and care-management offices).
import { BooleanInput, SelectInput, TextInput } from 'react-admin';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { FormSection, InputRow } from '../common/FormSection';
import { choices } from '../common/enums';
import * as v from '../common/validators';

export interface RosterContext {
  role: string | undefined;
  officeKind: string | undefined;
}

export const RosterInputs = ({ role, officeKind }: RosterContext) => {
  const jobType = useWatch({ name: 'jobType' });
  const ictLinkage = useWatch({ name: 'ictLinkage' });
  const { setValue } = useFormContext();
  const ictAllowed = officeKind === 'SERVICE' || officeKind === 'CARE_MANAGEMENT';
  // a hidden ICT情報連携 must not stay on (the server refuses it for other offices)
  useEffect(() => {
    if (!ictAllowed && ictLinkage) setValue('ictLinkage', false);
  }, [ictAllowed, ictLinkage, setValue]);
  return (
    <FormSection title="app.sections.roster">
      <InputRow>
        <TextInput source="name" validate={[v.required(), v.maxLength(100)]} />
        <TextInput source="nameKana" validate={[v.required(), v.katakana(), v.maxLength(100)]} />
      </InputRow>
      <InputRow>
        <SelectInput source="jobType" choices={choices.jobType} validate={v.required()} />
        {jobType === 'OTHER' ? <TextInput source="jobTypeOther" validate={[v.required(), v.maxLength(100)]} /> : <span />}
      </InputRow>
      {jobType === 'CARE_MANAGER' && (
        <TextInput source="careManagerNumber" validate={[v.required(), v.careManagerNumber()]} sx={{ maxWidth: 320 }} slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 8 } }} />
      )}
      <TextInput source="email" type="email" validate={[v.email(), v.maxLength(254)]} />
      {ictAllowed && <BooleanInput source="ictLinkage" label="app.values.ict_linkage_label" />}
      {role === 'OFFICE' && <BooleanInput source="officeAdmin" />}
    </FormSection>
  );
};
