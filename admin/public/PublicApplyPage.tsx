// 事業所の新規登録申請 (#/apply, no sign-in): a new office sends its registration form (様式1-2 /
// 2-2B / 2-2C by kind, the office form's own inputs), its staff with their pledge dates, the
// office's pledge, the scanned signed forms and who is applying → submitPublicRegistration.
// Nothing can be read back: the page shows the receipt number only. The municipality is chosen
// from those the system serves (publicMunicipalities); `#/apply?code=082015` preselects one.
import { useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { ResourceContextProvider, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, useTranslate } from 'react-admin';
import { DateInput } from '../common/DateInput';
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { FormSection, InputRow } from '../common/FormSection';
import * as v from '../common/validators';
import { graphqlRequest } from '../graphql/transport';
import { isApiError } from '../graphql/errors';
import { AttachmentsInput, NestedOfficeInputs, StaffRowsInput } from '../applications/inputs';
import { registrationInput } from '../applications/formValues';
import { toUploads, type FileInputValue } from '../applications/files';
import { PublicMunicipalitiesDocument, SubmitPublicRegistrationDocument, type OfficeRegistrationInput, type SubmitPublicRegistrationMutation } from '../graphql/generated/graphql';
import { formatDateTime } from '../applications/fields';
import { PublicFrame } from './PublicFrame';
import { useWatch } from 'react-hook-form';

/** 申請先の市町村: a choice among the municipalities the system serves, not a code to type. */
const MunicipalityChoice = () => {
  const { data, isPending } = useQuery({
    queryKey: ['publicMunicipalities'],
    queryFn: () => graphqlRequest(PublicMunicipalitiesDocument).then((d) => d.publicMunicipalities),
    staleTime: Infinity,
  });
  const choices = (data ?? []).map((m) => ({ id: m.code, name: `${m.name}（${m.prefecture}）` }));
  return (
    <SelectInput
      source="municipalityCode"
      label="app.public_apply.municipality_code"
      helperText="app.public_apply.municipality_code_help"
      choices={choices}
      isPending={isPending}
      validate={v.required()}
      sx={{ maxWidth: 480 }}
    />
  );
};

type Receipt = SubmitPublicRegistrationMutation['submitPublicRegistration'];

const SubmitToolbar = () => (
  <Toolbar>
    <SaveButton label="app.public_apply.submit" alwaysEnable icon={<span />} />
  </Toolbar>
);

const StaffOfTheForm = () => {
  const kind = useWatch({ name: 'input.office.kind' });
  return <StaffRowsInput source="input.staff" officeKind={kind} />;
};

const ReceiptView = ({ receipt }: { receipt: Receipt }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <CheckCircleIcon color="success" />
        <Typography variant="h6">{translate('app.public_apply.received_title')}</Typography>
      </Stack>
      <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('app.public_apply.receipt_number')}
        </Typography>
        <Typography variant="h4" component="p" data-testid="receipt-number" sx={{ fontFamily: 'monospace', letterSpacing: '0.1em' }}>
          {receipt.receiptNumber}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {formatDateTime(receipt.submittedAt)}
        </Typography>
      </Box>
      <Typography variant="body2">{translate('app.public_apply.received_help')}</Typography>
      <Button component={RouterLink} to="/login">
        {translate('app.public_apply.back_to_sign_in')}
      </Button>
    </Stack>
  );
};

/** The form's values as react-hook-form holds them (the server validates every field). */
type ApplyValues = {
  municipalityCode?: string;
  applicantName?: string;
  applicantEmail?: string;
  input?: Record<string, unknown>;
  attachments?: FileInputValue[];
};

export const PublicApplyPage = () => {
  const translate = useTranslate();
  const location = useLocation();
  const code = new URLSearchParams(location.search).get('code') ?? '';
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: ApplyValues) => {
    setError(null);
    try {
      const variables = {
        municipalityCode: String(values.municipalityCode ?? '').trim(),
        applicantName: values.applicantName ?? '',
        applicantEmail: values.applicantEmail ?? '',
        // the form's values in the input's shape (the server validates every field)
        input: registrationInput(values.input) as OfficeRegistrationInput,
        // no account here: the scans go to the anonymous, rate-limited upload path
        attachments: await toUploads(values.attachments as FileInputValue[], { public: true }),
      };
      const data = await graphqlRequest(SubmitPublicRegistrationDocument, variables);
      setReceipt(data.submitPublicRegistration);
      window.scrollTo(0, 0);
      return undefined;
    } catch (e) {
      setError(isApiError(e) ? (e.body.fields.length > 0 ? translate('ra.message.invalid_form') : e.message) : translate('ra.notification.http_error'));
      window.scrollTo(0, 0);
      // field errors onto the inputs (paths as the API names them: input.office.name, applicantEmail…)
      return isApiError(e) ? e.body.errors : undefined;
    }
  };

  return (
    <PublicFrame title="app.public_apply.title">
      {receipt ? (
        <ReceiptView receipt={receipt} />
      ) : (
        <ResourceContextProvider value="applications">
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('app.public_apply.intro')}
          </Typography>
          {error && (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="apply-error">
              {translate('app.public_apply.failed')} {error}
            </Alert>
          )}
          <SimpleForm
            onSubmit={submit}
            toolbar={<SubmitToolbar />}
            sx={{ p: 0 }}
            defaultValues={{ municipalityCode: code, input: { office: { credentialsDelivery: 'OFFICE_ADDRESS', serviceTypes: [] }, staff: [{}] } }}
          >
            <MunicipalityChoice />
            <NestedOfficeInputs prefix="input.office" />
            <FormSection title="app.applications.sections.staff">
              <StaffOfTheForm />
            </FormSection>
            <FormSection title="app.public_apply.pledges">
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('app.public_apply.pledge_help')}
              </Typography>
              <DateInput source="input.officePledgedOn" label="resources.applications.fields.officePledgedOn" validate={v.required()} sx={{ maxWidth: 320 }} />
              <AttachmentsInput />
            </FormSection>
            <FormSection title="app.public_apply.applicant">
              <InputRow>
                <TextInput source="applicantName" label="app.public_apply.applicant_name" validate={[v.required(), v.maxLength(200)]} />
                <TextInput
                  source="applicantEmail"
                  type="email"
                  label="app.public_apply.applicant_email"
                  helperText="app.public_apply.applicant_help"
                  validate={[v.required(), v.email(), v.maxLength(254)]}
                />
              </InputRow>
            </FormSection>
          </SimpleForm>
        </ResourceContextProvider>
      )}
    </PublicFrame>
  );
};
