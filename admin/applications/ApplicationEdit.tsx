// 修正して再申請 (RESUBMIT): a returned account form opens with what was sent, the reason for the
// return on top; saving sends resubmitApplication with the version as loaded (pessimistic: the
// server's field errors show on the inputs, a conflict in the notification).
import { Edit, SaveButton, SimpleForm, TextInput, Toolbar, useGetOne, useNotify, useRecordContext, useRedirect, useTranslate, type RaRecord } from 'react-admin';
import { Alert } from '@mui/material';
import { FormSection } from '../common/FormSection';
import * as v from '../common/validators';
import { AttachmentList } from './History';
import { AttachmentsInput, PayloadInputs } from './inputs';
import { formValuesFromPayload } from './formValues';
import type { ApplicationEvent } from './queries';

const ResubmitToolbar = () => (
  <Toolbar>
    <SaveButton label="app.applications.resubmit" alwaysEnable />
  </Toolbar>
);

const ReturnReason = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const last = [...((record?.events as ApplicationEvent[] | undefined) ?? [])].reverse().find((e) => e.action === 'RETURN');
  return (
    <Alert severity="warning" sx={{ width: '100%', mb: 1 }}>
      {translate('app.applications.resubmit_help')}
      {last?.comment && (
        <>
          <br />
          <strong>{translate('app.applications.returned_with')}:</strong> {last.comment}
        </>
      )}
    </Alert>
  );
};

const ResubmitInputs = () => {
  const record = useRecordContext();
  const { data: office } = useGetOne('offices', { id: record?.office?.id }, { enabled: !!record?.office?.id });
  if (!record) return null;
  return (
    <>
      <PayloadInputs type={record.type} officeId={record.office?.id} officeKind={office?.kind} />
      <FormSection title="app.applications.sections.attachments">
        <AttachmentList />
        <AttachmentsInput source="newAttachments" label="resources.applications.fields.newAttachments" />
      </FormSection>
      <FormSection title="app.applications.comment">
        <TextInput source="comment" label="app.applications.comment_optional" multiline minRows={2} validate={v.maxLength(2000)} />
      </FormSection>
    </>
  );
};

const ResubmitForm = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <SimpleForm toolbar={<ResubmitToolbar />} sx={{ maxWidth: 960 }} record={{ ...record, ...formValuesFromPayload(record.type, record.payload ?? {}) } as RaRecord}>
      <ReturnReason />
      <ResubmitInputs />
    </SimpleForm>
  );
};

export const ApplicationEdit = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const onSuccess = (data: RaRecord) => {
    notify('app.applications.done.RESUBMIT', { type: 'success' });
    redirect('show', 'applications', data.id);
  };
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onSuccess }} title="app.applications.resubmit_title" actions={false}>
      <ResubmitForm />
    </Edit>
  );
};
