// 部屋作成の申請 (#/rooms/request): 様式6 (the patient and the people who should join) with 様式5
// (the signed consent), and the scans of both → submitApplication(type: ROOM_CREATION). Usually
// the care manager files it. The server's field errors land on the fields.
import { useState, type ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import {
  CheckboxGroupInput,
  FileField,
  FileInput,
  Form,
  RadioButtonGroupInput,
  SaveButton,
  SelectInput,
  TextInput,
  Title,
  useGetIdentity,
  useInput,
  useNotify,
  useTranslate,
  type Validator,
} from 'react-admin';
import { DateInput } from '../common/DateInput';
import { useFormContext, useWatch } from 'react-hook-form';
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import type { Me } from '../auth/authApi';
import { FormSection, InputRow } from '../common/FormSection';
import { insuredNumber, katakana, phone, postalCode, required } from '../common/validators';
import { PersonPicker } from '../directory/PersonPicker';
import { BirthDateInput } from '../patients/BirthDateInput';
import { formatDateTime, todayInTokyo } from '../patients/format';
import { ACCEPTED_TYPES, MAX_FILE_BYTES, MAX_FILES, toUploads } from '../posts/uploads';
import type { RoomCreationInput } from './applicationApi';
import { fieldErrors, keys, useNotifyError } from './hooks';
import { useApiQuery, usePanelDataProvider } from '../graphql/useApi';
import type { OfficeOption } from './types';
import { Loading } from './ui';
import { RoomLoadError } from './RoomLoadError';
import { MemberRows, type MemberRow } from './MemberRows';

const CARE_LEVELS = ['NONE', 'APPLYING', 'SUPPORT_1', 'SUPPORT_2', 'CARE_1', 'CARE_2', 'CARE_3', 'CARE_4', 'CARE_5'] as const;
const choicesOf = (values: readonly string[], prefix: string) => values.map((id) => ({ id, name: `${prefix}.${id}` }));

const atLeastOne: Validator = (v) => (Array.isArray(v) && v.length > 0 ? undefined : 'app.validation.REQUIRED');

interface FormValues {
  patient: RoomCreationInput['patient'];
  consent: RoomCreationInput['consent'];
  members: MemberRow[];
  note?: string;
  attachments?: { rawFile: File; title: string }[];
}

/** The requested members: picked from the directory, each with a permission. */
const MembersInput = ({ offices }: { offices: OfficeOption[] }) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput<MemberRow[]>({ source: 'members', validate: atLeastOne, defaultValue: [] });
  const { formState } = useFormContext();
  const covered = (useWatch({ name: 'consent.coveredOfficeIds' }) as string[] | undefined) ?? [];
  const coveredNames = offices.filter((o) => covered.includes(o.id)).map((o) => o.name);
  const rows: MemberRow[] = field.value ?? [];
  const rowErrors = (formState.errors.members as unknown as ({ userId?: { message?: string } } | undefined)[] | undefined) ?? [];
  const set = (next: MemberRow[]) => field.onChange(next);
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('rooms.request.members_help')}
      </Typography>
      <PersonPicker
        label={translate('rooms.request.member_search')}
        exclude={rows.map((r) => r.person.id)}
        onPick={(person) => set([...rows, { person, permission: 'CONTRIBUTOR' }])}
        warning={(p) => (p.officeName && !coveredNames.includes(p.officeName) ? translate('rooms.members.not_covered') : null)}
      />
      <Stack spacing={1} sx={{ mt: 1 }}>
        <MemberRows
          rows={rows}
          onChange={set}
          testId="requested-member"
          warning={(r, i) => rowErrors[i]?.userId?.message ?? (r.person.officeName && !coveredNames.includes(r.person.officeName) ? translate('rooms.members.not_covered') : null)}
        />
      </Stack>
      {fieldState.error && !Array.isArray(fieldState.error) && fieldState.error.message && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {translate('rooms.request.members_empty')}
        </Alert>
      )}
    </Box>
  );
};

const ProxyInputs = () => {
  const signer = useWatch({ name: 'consent.signer' });
  if (signer !== 'PROXY') return null;
  return (
    <InputRow>
      <TextInput source="consent.proxyName" label="rooms.consent.proxyName" validate={required()} />
      <TextInput source="consent.proxyRelationship" label="rooms.consent.proxyRelationship" validate={required()} />
    </InputRow>
  );
};

/** The API's field paths (roomCreation.patient.name, attachments.0.contentType) → this form's. */
export function formErrorsOf(error: unknown): Record<string, unknown> | undefined {
  const fields = fieldErrors(error);
  if (fields.length === 0) return undefined;
  const errors: Record<string, unknown> = { root: { serverError: (error as Error).message } };
  for (const f of fields) {
    const path = f.field
      .replace(/^roomCreation\./, '')
      .replace(/^attachments\..*$/, 'attachments')
      .split('.');
    let node = errors;
    path.slice(0, -1).forEach((k) => {
      node[k] ??= {};
      node = node[k] as Record<string, unknown>;
    });
    node[path[path.length - 1]] ??= f.message;
  }
  return errors;
}

const Submitted = ({ summary, onAgain }: { summary: string; onAgain: () => void }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2, maxWidth: 800 }}>
      <CardContent>
        <Alert severity="success" sx={{ mb: 2 }} role="status">
          {translate('rooms.request.submitted')}
        </Alert>
        <Typography sx={{ mb: 2 }}>{summary}</Typography>
        <Stack direction="row" spacing={1}>
          <Button component={RouterLink} to="/rooms" variant="contained">
            {translate('rooms.menu.mine')}
          </Button>
          <Button onClick={onAgain}>{translate('rooms.menu.request')}</Button>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** Form values → the API's RoomCreationInput, and the files picked. */
function toInputOf(v: FormValues): { input: RoomCreationInput; files: File[] } {
  return {
    input: {
      patient: { ...v.patient, postalCode: v.patient.postalCode || null, phone: v.patient.phone || null, insuredNumber: v.patient.insuredNumber || null },
      consent: {
        ...v.consent,
        proxyName: v.consent.signer === 'PROXY' ? v.consent.proxyName : null,
        proxyRelationship: v.consent.signer === 'PROXY' ? v.consent.proxyRelationship : null,
      },
      members: v.members.map((m) => ({ userId: m.person.id, permission: m.permission })),
      note: v.note || null,
    },
    files: (v.attachments ?? []).map((a) => a.rawFile).filter(Boolean),
  };
}

/** The 様式6 + 様式5 inputs; `send` submits or resubmits, and answers the summary of the application. */
const RequestForm = ({
  me,
  offices,
  defaults,
  send,
  header,
}: {
  me: Me;
  offices: OfficeOption[];
  defaults: Partial<FormValues>;
  send: (input: RoomCreationInput, files: File[]) => Promise<string>;
  header?: ReactNode;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const [done, setDone] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  if (done)
    return (
      <Submitted
        summary={done}
        onAgain={() => {
          setDone(null);
          setFormKey((k) => k + 1);
        }}
      />
    );
  const officeChoices = offices.map((o) => ({ id: o.id, name: o.name }));

  const submit = async (values: Record<string, unknown>) => {
    const { input, files } = toInputOf(values as unknown as FormValues);
    try {
      const summary = await send(input, files);
      notify('rooms.request.submitted', { type: 'info' });
      setDone(summary);
      return undefined;
    } catch (error) {
      notifyError(error);
      return formErrorsOf(error);
    }
  };

  return (
    <Card sx={{ mt: 2, mb: 4, maxWidth: 1100 }}>
      <Title title="rooms.request.title" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('rooms.request.title')}
        </Typography>
        <Typography color="text.secondary">{translate('rooms.request.intro')}</Typography>
        {header}
        <Form key={formKey} defaultValues={defaults} onSubmit={submit}>
          <FormSection title="rooms.patient.section">
            <InputRow>
              <TextInput source="patient.name" label="rooms.patient.name" validate={required()} />
              <TextInput source="patient.nameKana" label="rooms.patient.nameKana" validate={[required(), katakana()]} />
            </InputRow>
            <InputRow>
              <RadioButtonGroupInput source="patient.sex" label="rooms.patient.sex" choices={choicesOf(['MALE', 'FEMALE'], 'rooms.enums.Sex')} validate={required()} />
              <BirthDateInput source="patient.birthDate" />
            </InputRow>
            <InputRow>
              <TextInput source="patient.postalCode" label="rooms.patient.postalCode" validate={postalCode()} placeholder="310-0015" />
              <TextInput source="patient.address" label="rooms.patient.address" validate={required()} />
            </InputRow>
            <InputRow>
              <TextInput source="patient.phone" label="rooms.patient.phone" validate={phone()} placeholder="029-000-0000" />
              <SelectInput source="patient.careLevel" label="rooms.patient.careLevel" choices={choicesOf(CARE_LEVELS, 'rooms.enums.CareLevel')} validate={required()} />
              <TextInput
                source="patient.insuredNumber"
                label="rooms.patient.insuredNumber"
                helperText="rooms.patient.insuredNumber_help"
                validate={insuredNumber()}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              />
            </InputRow>
          </FormSection>

          <FormSection title="rooms.consent.section">
            <InputRow>
              <DateInput source="consent.consentDate" label="rooms.consent.consentDate" validate={required()} />
              <RadioButtonGroupInput source="consent.signer" label="rooms.consent.signer" choices={choicesOf(['SELF', 'PROXY'], 'rooms.enums.ConsentSigner')} validate={required()} />
            </InputRow>
            <ProxyInputs />
            <InputRow>
              <SelectInput source="consent.explainingOfficeId" label="rooms.consent.explainingOffice" choices={officeChoices} validate={required()} />
              <TextInput source="consent.explainingPersonName" label="rooms.consent.explainingPerson" validate={required()} />
            </InputRow>
            <CheckboxGroupInput
              source="consent.coveredOfficeIds"
              label="rooms.consent.coveredOffices"
              choices={officeChoices}
              validate={atLeastOne}
              helperText={me.role === 'OFFICE' ? translate('rooms.request.my_office_only') : 'rooms.consent.coveredOffices_help'}
            />
          </FormSection>

          <FormSection title="rooms.request.members_section">
            <MembersInput offices={offices} />
          </FormSection>

          <FormSection title="rooms.request.attachments_section">
            <Typography variant="body2" color="text.secondary">
              {translate('rooms.request.attachments_help')}
            </Typography>
            <FileInput
              source="attachments"
              label={false}
              inputProps={{ 'aria-label': translate('rooms.request.attachments_section') }}
              multiple
              maxSize={MAX_FILE_BYTES}
              accept={Object.fromEntries(ACCEPTED_TYPES.map((t) => [t, []]))}
              validate={(files: unknown[] | undefined) => (files && files.length > MAX_FILES ? 'rooms.post.too_many_files' : undefined)}
            >
              <FileField source="src" title="title" target="_blank" />
            </FileInput>
            <TextInput source="note" label="rooms.request.note" multiline minRows={2} />
          </FormSection>

          <Box sx={{ mt: 2 }}>
            <SaveButton label="rooms.request.submit" size="large" alwaysEnable />
          </Box>
        </Form>
      </CardContent>
    </Card>
  );
};

const useMe = () => useGetIdentity().identity as unknown as Me | undefined;

/** #/room-request: a new request. */
export const RoomRequestForm = () => {
  const dataProvider = usePanelDataProvider();
  const me = useMe();
  const { data: offices } = useApiQuery(keys.offices(), (dp) => dp.roomOffices());
  if (!me || !offices) return <Loading />;
  const defaults: Partial<FormValues> = {
    consent: {
      consentDate: todayInTokyo(),
      signer: 'SELF',
      explainingOfficeId: me.office?.id ?? '',
      explainingPersonName: me.name,
      coveredOfficeIds: me.office ? [me.office.id] : [],
    } as FormValues['consent'],
    members: [],
  };
  return <RequestForm me={me} offices={offices} defaults={defaults} send={async (input, files) => (await dataProvider.submitRoomCreation(input, await toUploads(files))).summary} />;
};

/**
 * #/room-request/:applicationId: the applicant corrects a request the city returned
 * (resubmitApplication; newly picked scans are added with addApplicationAttachments).
 */
export const RoomRequestResubmit = () => {
  const dataProvider = usePanelDataProvider();
  const translate = useTranslate();
  const me = useMe();
  const { applicationId = '' } = useParams();
  const { data: app, error } = useApiQuery(keys.application(applicationId), (dp) => dp.ownRoomApplication(applicationId));
  const { data: offices } = useApiQuery(keys.offices(), (dp) => dp.roomOffices());
  // the requested people by id, from the directory (name, office and job type only)
  const { data: directory } = useApiQuery(keys.directory('all'), (dp) => dp.directory({}, 1000), { enabled: !!app });
  if (error) return <RoomLoadError error={error} />;
  if (!me || !app || !offices || !directory) return <Loading />;
  if (app.type !== 'ROOM_CREATION' || !app.allowedActions.includes('RESUBMIT'))
    return (
      <Alert severity="info" sx={{ mt: 2 }}>
        {translate('rooms.create.not_pending', { state: translate(`rooms.enums.ApplicationState.${app.state}`) })}
      </Alert>
    );
  const people = new Map(directory.items.map((p) => [p.id, p]));
  const p = app.payload;
  const returned = [...app.events].reverse().find((e) => e.action === 'RETURN');
  const defaults: Partial<FormValues> = {
    patient: p.patient,
    consent: p.consent,
    note: p.note ?? undefined,
    members: p.members.map((m) => ({
      person: people.get(m.userId) ?? { id: m.userId, name: translate('rooms.create.not_active_user'), nameKana: '', jobType: 'OTHER', officeName: null },
      permission: m.permission,
    })),
  };
  const send = async (input: RoomCreationInput, files: File[]) => {
    const result = await dataProvider.resubmitRoomCreation(app.id, app.version, input);
    if (files.length) await dataProvider.addRoomFormScans(app.id, await toUploads(files));
    return result.summary;
  };
  return (
    <RequestForm
      me={me}
      offices={offices}
      defaults={defaults}
      send={send}
      header={
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="returned-comment">
          <Typography sx={{ fontWeight: 600 }}>{translate('rooms.request.returned', { at: formatDateTime(returned?.at) })}</Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{returned?.comment}</Typography>
          {app.attachments.length > 0 && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('rooms.request.attached_before', { files: app.attachments.map((a) => a.filename).join('、') })}
            </Typography>
          )}
        </Alert>
      }
    />
  );
};
