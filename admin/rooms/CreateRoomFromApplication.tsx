// 部屋の作成 (#/rooms/create-from/:applicationId), the city's ⑫–⑮ in one action: it reads the
// ROOM_CREATION application (patient, consent, requested members, scanned forms), sets the room
// name, each member's permission (adding or removing people from the directory) and the care-report
// titles (the municipality's defaults to start with) → createRoomFromApplication. The
// applications list of the panel links here.
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { Title, useTranslate } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { PersonPicker } from '../directory/PersonPicker';
import { PatientDetails } from '../patients/PatientHeader';
import { formatDate, formatDateTime } from '../patients/format';
import { applicationFileUrl } from '../posts/uploads';
import type { RoomApplication, UserRow } from './applicationApi';
import { fieldErrorMap, keys, useRoomChange } from './hooks';
import { useApiQuery } from '../graphql/useApi';
import { coverageWarning } from './MembersPanel';
import { cleanTitles, TitleListInput } from './TitlesEditor';
import type { OfficeOption, Person, RoomPermission } from './types';
import { Field, FieldGrid, FileLink, Loading } from './ui';
import { RoomLoadError } from './RoomLoadError';
import { MemberRows } from './MemberRows';

interface Row {
  person: Person;
  permission: RoomPermission;
  requested: boolean;
  active: boolean;
}

const personOf = (u: UserRow): Person => ({ id: u.id, name: u.name, nameKana: u.nameKana, jobType: u.jobType, officeName: u.office?.name ?? null });

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="section">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const Setup = ({ app, users, offices }: { app: RoomApplication; users: UserRow[]; offices: OfficeOption[] }) => {
  const translate = useTranslate();
  const { pending, run } = useRoomChange();
  const navigate = useNavigate();
  const p = app.payload;
  const officeName = (id: string) => offices.find((o) => o.id === id)?.name ?? id;
  const covered = p.consent.coveredOfficeIds.map((id) => ({ id, name: officeName(id) }));
  const byId = new Map(users.map((u) => [u.id, u]));
  const [name, setName] = useState(`${p.patient.name} 様`);
  const [rows, setRows] = useState<Row[]>(() =>
    p.members.flatMap((m) => {
      const u = byId.get(m.userId);
      return u ? [{ person: personOf(u), permission: m.permission, requested: true, active: u.status === 'ACTIVE' }] : [];
    }),
  );
  const [titles, setTitles] = useState<string[]>(app.municipality.defaultCareReportTitles);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const warn = coverageWarning(
    covered.map((o) => o.name),
    translate('rooms.members.not_covered'),
  );

  const submit = async () => {
    setErrors({});
    await run(
      (dp) =>
        dp.createRoomFromApplication(
          app.id,
          app.version,
          { name: name.trim(), members: rows.map((r) => ({ userId: r.person.id, permission: r.permission })), careReportTitles: cleanTitles(titles) },
          comment.trim() || null,
        ),
      {
        done: 'rooms.create.created',
        onDone: (result) => navigate(result.payload.roomId ? `/rooms/${result.payload.roomId}/show` : '/rooms'),
        onError: (error) => setErrors(fieldErrorMap(error, (path) => path.replace(/^setup\./, ''))),
      },
    );
  };

  return (
    <Stack spacing={2}>
      <Section title="rooms.create.application">
        <FieldGrid>
          <Field label="rooms.create.applicant">{app.applicantName}</Field>
          <Field label="rooms.create.submitted_at">{formatDateTime(app.submittedAt)}</Field>
        </FieldGrid>
        {p.note && (
          <Alert severity="info" sx={{ mt: 2, whiteSpace: 'pre-wrap' }}>
            {p.note}
          </Alert>
        )}
      </Section>
      <Section title="rooms.patient.section">
        <PatientDetails patient={p.patient} />
      </Section>
      <Section title="rooms.consent.section">
        <FieldGrid>
          <Field label="rooms.consent.consentDate">{formatDate(p.consent.consentDate)}</Field>
          <Field label="rooms.consent.signer">
            {translate(`rooms.enums.ConsentSigner.${p.consent.signer}`)}
            {p.consent.signer === 'PROXY' ? `（${p.consent.proxyName ?? ''}・${p.consent.proxyRelationship ?? ''}）` : ''}
          </Field>
          <Field label="rooms.consent.explainingOffice">{officeName(p.consent.explainingOfficeId)}</Field>
          <Field label="rooms.consent.explainingPerson">{p.consent.explainingPersonName}</Field>
          <Field label="rooms.consent.coveredOffices">{covered.map((o) => o.name).join('、')}</Field>
        </FieldGrid>
      </Section>
      <Section title="rooms.create.attachments">
        {app.attachments.length === 0 ? (
          <Typography color="text.secondary">{translate('rooms.create.no_attachments')}</Typography>
        ) : (
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-end' }}>
            {app.attachments.map((a) => (
              <Stack key={a.id} spacing={0.5}>
                {a.contentType.startsWith('image/') && (
                  <a href={`${applicationFileUrl(a.id)}?inline=1`} target="_blank" rel="noopener noreferrer">
                    <Box component="img" src={`${applicationFileUrl(a.id)}?inline=1`} alt={a.filename} sx={{ maxHeight: 160, maxWidth: 240, border: 1, borderColor: 'divider', borderRadius: 1 }} />
                  </a>
                )}
                <FileLink href={applicationFileUrl(a.id)} filename={a.filename} />
              </Stack>
            ))}
          </Stack>
        )}
      </Section>

      <Section title="rooms.create.room_name">
        <TextField
          label={translate('rooms.create.room_name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={!!errors.name}
          helperText={errors.name}
          fullWidth
          sx={{ maxWidth: 520 }}
          required
        />
      </Section>
      <Section title="rooms.create.members_section">
        <Stack spacing={1}>
          <MemberRows
            rows={rows}
            onChange={setRows}
            testId="setup-member"
            warning={(r, i) => errors[`members.${i}.userId`] ?? (!r.active ? translate('rooms.create.not_active_user') : warn(r.person))}
            extra={(r) =>
              r.requested && (
                <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                  {translate('rooms.create.requested_member')}
                </Typography>
              )
            }
          />
          <PersonPicker
            label={translate('rooms.members.add')}
            offices={covered}
            exclude={rows.map((r) => r.person.id)}
            warning={warn}
            onPick={(person) => setRows([...rows, { person, permission: 'CONTRIBUTOR', requested: false, active: true }])}
          />
        </Stack>
      </Section>
      <Section title="rooms.create.titles_section">
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('rooms.titles.help')}
        </Typography>
        <TitleListInput value={titles} onChange={setTitles} disabled={pending} />
        {errors.careReportTitles && <Alert severity="error">{errors.careReportTitles}</Alert>}
      </Section>
      <Section title="rooms.create.comment">
        <TextField label={translate('rooms.create.comment')} value={comment} onChange={(e) => setComment(e.target.value)} multiline minRows={2} fullWidth />
      </Section>
      <Box>
        <Button variant="contained" size="large" onClick={submit} disabled={pending || !name.trim() || cleanTitles(titles).length === 0} sx={{ minHeight: 52, minWidth: 200 }}>
          {translate('rooms.create.submit')}
        </Button>
      </Box>
    </Stack>
  );
};

export const CreateRoomFromApplication = () => {
  const translate = useTranslate();
  const { applicationId = '' } = useParams();
  const { data: app, error } = useApiQuery(keys.application(applicationId), (dp) => dp.roomApplication(applicationId));
  const isRoomCreation = app?.type === 'ROOM_CREATION';
  const memberIds = isRoomCreation ? app.payload.members.map((m) => m.userId) : [];
  const officeIds = isRoomCreation ? [...new Set([app.payload.consent.explainingOfficeId, ...app.payload.consent.coveredOfficeIds])] : [];
  const users = useApiQuery(keys.applicants(applicationId), (dp) => dp.roomApplicants(memberIds), { enabled: isRoomCreation && memberIds.length > 0 });
  const offices = useApiQuery(keys.offices(officeIds), (dp) => dp.roomOffices(officeIds), { enabled: isRoomCreation });

  if (error) return <RoomLoadError error={error} />;
  if (!app) return <Loading />;
  const pending = app.state === 'SUBMITTED' && app.allowedActions.includes('COMPLETE');
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4, maxWidth: 1100 }}>
      <Title title="rooms.create.title" />
      <Typography variant="h5" component="h1">
        {translate('rooms.create.title')}
      </Typography>
      {!isRoomCreation ? (
        <Alert severity="warning">{translate('rooms.create.not_room_creation')}</Alert>
      ) : !pending ? (
        <Alert
          severity="info"
          action={
            app.payload.roomId ? (
              <Button component={RouterLink} to={`/rooms/${app.payload.roomId}/show`}>
                {translate('rooms.create.open_room')}
              </Button>
            ) : undefined
          }
        >
          {translate('rooms.create.not_pending', { state: translate(`rooms.enums.ApplicationState.${app.state}`) })}
        </Alert>
      ) : (
        <>
          <Typography color="text.secondary">{translate('rooms.create.intro')}</Typography>
          {(memberIds.length > 0 && !users.data) || !offices.data ? <Loading /> : <Setup app={app} users={users.data ?? []} offices={offices.data} />}
        </>
      )}
    </Stack>
  );
};
