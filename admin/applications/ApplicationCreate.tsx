// 申請の作成: an office admin files a staff addition or an ID stop for its office; the city types
// in a paper form (a new office's registration, or a staff addition / ID stop for an office) with
// the scanned signed forms.
import {
  AutocompleteInput,
  Create,
  RadioButtonGroupInput,
  ReferenceInput,
  SaveButton,
  SimpleForm,
  Toolbar,
  useGetIdentity,
  useGetOne,
  useNotify,
  useRedirect,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Alert } from '@mui/material';
import { FormSection } from '../common/FormSection';
import { useRole } from '../common/useRole';
import * as v from '../common/validators';
import { AttachmentsInput, PayloadInputs } from './inputs';

const officeFilterToQuery = (q: string) => ({ q, status: 'ACTIVE' });

const typeChoices = (isCity: boolean) => (isCity ? ['OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP'] : ['STAFF_ADDITION', 'ID_STOP']).map((id) => ({ id, name: `enums.ApplicationType.${id}` }));

const SubmitToolbar = () => (
  <Toolbar>
    <SaveButton label="app.applications.submit" alwaysEnable />
  </Toolbar>
);

/** The office concerned: the city picks it; an office admin's is its own. */
function useOfficeConcerned(isCity: boolean) {
  const { identity } = useGetIdentity();
  const picked = useWatch({ name: 'officeId' }) as string | undefined;
  const officeId = isCity ? picked : (identity?.office as { id: string } | undefined)?.id;
  const { data: office } = useGetOne('offices', { id: officeId! }, { enabled: !!officeId });
  return { officeId, office };
}

const FormByType = ({ isCity }: { isCity: boolean }) => {
  const type = useWatch({ name: 'type' }) as string | undefined;
  const { officeId, office } = useOfficeConcerned(isCity);
  return (
    <>
      {isCity && type && type !== 'OFFICE_REGISTRATION' && (
        <ReferenceInput source="officeId" reference="offices" filter={{ status: 'ACTIVE' }} sort={{ field: 'nameKana', order: 'ASC' }}>
          <AutocompleteInput
            label="resources.applications.fields.office"
            optionText="name"
            filterToQuery={officeFilterToQuery}
            validate={v.required()}
            helperText="app.applications.office_picker_help"
            sx={{ maxWidth: 480 }}
          />
        </ReferenceInput>
      )}
      <PayloadInputs type={type} officeId={officeId} officeKind={office?.kind} />
      <FormSection title="app.applications.sections.attachments">
        <AttachmentsInput />
      </FormSection>
    </>
  );
};

export const ApplicationCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { isCity, isPending } = useRole();
  if (isPending) return null;
  const onSuccess = (data: RaRecord) => {
    notify('app.applications.submitted', { type: 'success' });
    redirect('show', 'applications', data.id);
  };
  const transform = (data: RaRecord) => ({ ...data, officeId: isCity && data.type !== 'OFFICE_REGISTRATION' ? data.officeId : null });
  return (
    <Create transform={transform} title="app.applications.create_title" mutationOptions={{ onSuccess }}>
      <SimpleForm
        toolbar={<SubmitToolbar />}
        sx={{ maxWidth: 960 }}
        defaultValues={{
          type: isCity ? 'OFFICE_REGISTRATION' : 'STAFF_ADDITION',
          officeRegistration: { office: { credentialsDelivery: 'OFFICE_ADDRESS', serviceTypes: [] }, staff: [{}] },
          staffAddition: { staff: [{}] },
          idStop: { userIds: [] },
        }}
      >
        <Alert severity="info" sx={{ mb: 1, width: '100%' }}>
          {translate(isCity ? 'app.applications.type_help_city' : 'app.applications.type_help_office')}
        </Alert>
        <RadioButtonGroupInput source="type" label="resources.applications.fields.type" choices={typeChoices(isCity)} validate={v.required()} />
        <FormByType isCity={isCity} />
      </SimpleForm>
    </Create>
  );
};
