// The pieces of the account forms: the office (the office form's own inputs, nested), staff rows
// with their pledge dates (様式1-2 / 2-2B / 2-2C, 様式4-1), the ID stop (様式3) and scanned forms.
import { useEffect, useMemo, type ReactNode } from 'react';
import {
  ArrayInput,
  AutocompleteArrayInput,
  BooleanInput,
  FileField,
  FileInput,
  ReferenceArrayInput,
  SelectInput,
  SimpleFormIterator,
  SourceContextProvider,
  TextInput,
  useNotify,
  useSourceContext,
  useTranslate,
  useWrappedSource,
  type Validator,
} from 'react-admin';
import { DateInput } from '../common/DateInput';
import { useFormContext, useWatch } from 'react-hook-form';
import { Box, Typography } from '@mui/material';
import { FormSection, InputRow } from '../common/FormSection';
import { choices } from '../common/enums';
import * as v from '../common/validators';
import { OfficeInputs } from '../offices/OfficeForm';
import { ACCEPTED_FILES, MAX_FILE_BYTES, MAX_FILES } from './files';
import { staffLabel } from './i18n';

/** The office form's inputs under `prefix` (e.g. `officeRegistration.office`), labelled as the office's fields. */
export const NestedOfficeInputs = ({ prefix, head }: { prefix: string; head?: ReactNode }) => {
  const parent = useSourceContext();
  const context = useMemo(() => ({ getSource: (source: string) => parent.getSource(`${prefix}.${source}`), getLabel: (source: string) => `resources.offices.fields.${source}` }), [parent, prefix]);
  return (
    <SourceContextProvider value={context}>
      <OfficeInputs head={head} />
    </SourceContextProvider>
  );
};

const ictAllowed = (kind: unknown) => kind === 'SERVICE' || kind === 'CARE_MANAGEMENT';

/** One person: the roster fields, the office admin flag and the date of their pledge. */
const StaffRowInputs = ({ officeKind }: { officeKind: unknown }) => {
  const jobType = useWatch({ name: useWrappedSource('jobType') });
  return (
    <Box sx={{ width: '100%', pt: 1 }}>
      <InputRow>
        <TextInput source="name" label={staffLabel('name')} validate={[v.required(), v.maxLength(100)]} />
        <TextInput source="nameKana" label={staffLabel('nameKana')} validate={[v.required(), v.katakana(), v.maxLength(100)]} />
      </InputRow>
      <InputRow>
        <SelectInput source="jobType" label={staffLabel('jobType')} choices={choices.jobType} validate={v.required()} />
        <TextInput source="email" type="email" label={staffLabel('email')} validate={[v.email(), v.maxLength(254)]} />
      </InputRow>
      {(jobType === 'OTHER' || jobType === 'CARE_MANAGER') && (
        <InputRow>
          {jobType === 'OTHER' && <TextInput source="jobTypeOther" label={staffLabel('jobTypeOther')} validate={[v.required(), v.maxLength(100)]} />}
          {jobType === 'CARE_MANAGER' && (
            <TextInput
              source="careManagerNumber"
              label={staffLabel('careManagerNumber')}
              validate={[v.required(), v.careManagerNumber()]}
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 8 } }}
            />
          )}
          <Box />
        </InputRow>
      )}
      <InputRow>
        <DateInput source="pledgedOn" label={staffLabel('pledgedOn')} validate={v.required()} />
        <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, alignItems: 'center' }}>
          <BooleanInput source="officeAdmin" label={staffLabel('officeAdmin')} helperText={false} />
          {ictAllowed(officeKind) && <BooleanInput source="ictLinkage" label={staffLabel('ictLinkage')} helperText={false} />}
        </Box>
      </InputRow>
    </Box>
  );
};

const atLeastOne: Validator = (value) => (!Array.isArray(value) || value.length === 0 ? 'app.validation.REQUIRED' : undefined);

/** 職員: one row per person, at least one (the office kind decides whether ICT情報連携 applies). */
export const StaffRowsInput = ({ source, officeKind }: { source: string; officeKind: unknown }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.applications.staff_help')}
      </Typography>
      <ArrayInput source={source} label={false} validate={atLeastOne}>
        <SimpleFormIterator
          disableReordering
          disableClear
          fullWidth
          getItemLabel={(index) => translate('app.applications.staff_row', { n: index + 1 })}
          sx={{ '& .RaSimpleFormIterator-line': { borderBottom: 1, borderColor: 'divider', pb: 1, mb: 1 } }}
        >
          <StaffRowInputs officeKind={officeKind} />
        </SimpleFormIterator>
      </ArrayInput>
    </Box>
  );
};

/** 様式3: the office's accounts to stop and the stop date (blank = today). */
export const IdStopInputs = ({ officeId }: { officeId: string | undefined }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%' }}>
      <ReferenceArrayInput source="idStop.userIds" reference="users" filter={officeId ? { officeId } : {}} sort={{ field: 'nameKana', order: 'ASC' }} perPage={100}>
        <AutocompleteArrayInput
          label="resources.applications.fields.userIds"
          optionText={(u: { name: string; loginId: string }) => `${u.name} (${u.loginId})`}
          filterToQuery={(q: string) => ({ q })}
          helperText="app.applications.id_stop_users_help"
          validate={atLeastOne}
          disabled={!officeId}
        />
      </ReferenceArrayInput>
      <DateInput source="idStop.stopDate" label="resources.applications.fields.stopDate" helperText={translate('app.applications.stop_date_help')} sx={{ maxWidth: 320 }} />
    </Box>
  );
};

const maxFiles: Validator = (value) => (Array.isArray(value) && value.length > MAX_FILES ? 'app.applications.too_many_files' : undefined);

/** Scanned signed forms: PDF/JPEG/PNG, 5 MB each, 3 at most (the server checks again from the bytes). */
export const AttachmentsInput = ({ source = 'attachments', label = 'resources.applications.fields.attachments' }: { source?: string; label?: string }) => {
  const notify = useNotify();
  const translate = useTranslate();
  return (
    <FileInput
      source={source}
      label={label}
      inputProps={{ 'aria-label': translate(label) }}
      multiple
      accept={ACCEPTED_FILES}
      maxSize={MAX_FILE_BYTES}
      validate={maxFiles}
      helperText="app.applications.attachments_help"
      options={{
        onDropRejected: (rejections) => {
          rejections.forEach((r) => {
            notify('app.applications.file_rejected', { type: 'warning', messageArgs: { name: r.file.name } });
          });
        },
      }}
    >
      <FileField source="src" title="title" target="_blank" />
    </FileInput>
  );
};

/**
 * The inputs of one application type (a new office's registration, a staff addition, an ID stop),
 * shared by the form that files it and the one that resubmits it. Keeps the kind of the office
 * concerned in the values: the staff rows' ICT情報連携 depends on it.
 */
export const PayloadInputs = ({ type, officeId, officeKind }: { type: string | undefined; officeId: string | undefined; officeKind: unknown }) => {
  const registrationKind = useWatch({ name: 'officeRegistration.office.kind' });
  const kind = type === 'OFFICE_REGISTRATION' ? registrationKind : officeKind;
  const { setValue } = useFormContext();
  useEffect(() => setValue('officeKind', kind), [kind, setValue]);
  return (
    <>
      {type === 'OFFICE_REGISTRATION' && (
        <>
          <NestedOfficeInputs prefix="officeRegistration.office" />
          <FormSection title="app.applications.sections.staff">
            <StaffRowsInput source="officeRegistration.staff" officeKind={registrationKind} />
          </FormSection>
          <FormSection title="app.applications.office_pledge">
            <DateInput source="officeRegistration.officePledgedOn" label="resources.applications.fields.officePledgedOn" validate={v.required()} sx={{ maxWidth: 320 }} />
          </FormSection>
        </>
      )}
      {type === 'STAFF_ADDITION' && (
        <FormSection title="app.applications.sections.staff">
          <StaffRowsInput source="staffAddition.staff" officeKind={officeKind} />
        </FormSection>
      )}
      {type === 'ID_STOP' && (
        <FormSection title="app.applications.sections.id_stop">
          <IdStopInputs officeId={officeId} />
        </FormSection>
      )}
    </>
  );
};
