// The form's fields as sent (Application.payload), by type: a new office with its staff and
// pledges (様式1-2 / 2-2B / 2-2C + 様式4-1), staff to add, accounts to stop (様式3). Room forms are
// the rooms screens': a summary and a link.
import { Link as RouterLink } from 'react-router-dom';
import { useRecordContext, useTranslate } from 'react-admin';
import { Alert, Box, Chip, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { FormSection } from '../common/FormSection';
import { Item, ItemGrid, formatDate } from './fields';
import { staffLabel } from './i18n';
import type { OfficeInput, StaffInput } from '../graphql/generated/graphql';
import { noWrap } from '../common/tableStyles';

/** Application.payload as stored: the form as sent (office, staff, room request) and what the server added (the users to stop). */
type Payload = {
  office?: Partial<OfficeInput>;
  officePledgedOn?: string;
  staff?: StaffInput[];
  stopDate?: string | null;
  users?: { id: string; name: string; nameKana: string; loginId: string }[];
  roomId?: string;
  userId?: string;
  permission?: string;
  note?: string | null;
};

const officeFields: [keyof OfficeInput, 'text' | 'enum' | 'enums' | 'delivery'][] = [
  ['kind', 'enum'],
  ['name', 'text'],
  ['nameKana', 'text'],
  ['officeNumber', 'text'],
  ['serviceTypes', 'enums'],
  ['serviceTypeOther', 'text'],
  ['postalCode', 'text'],
  ['address', 'text'],
  ['phone', 'text'],
  ['contactEmail', 'text'],
  ['corporationName', 'text'],
  ['corporationNameKana', 'text'],
  ['representativeName', 'text'],
  ['representativeNameKana', 'text'],
  ['corporationPostalCode', 'text'],
  ['corporationAddress', 'text'],
  ['corporationPhone', 'text'],
  ['credentialsDelivery', 'delivery'],
  ['credentialsPostalCode', 'text'],
  ['credentialsAddress', 'text'],
  ['note', 'text'],
];

const OfficePayload = ({ office, pledgedOn }: { office: Partial<OfficeInput>; pledgedOn: string | undefined }) => {
  const translate = useTranslate();
  const value = (field: keyof OfficeInput, kind: string) => {
    const v = office[field];
    if (kind === 'enum') return v ? translate(`enums.OfficeKind.${v}`) : '';
    if (kind === 'enums') return ((v as string[]) ?? []).map((s) => translate(`enums.ServiceType.${s}`)).join('、');
    if (kind === 'delivery') return v ? translate(`enums.CredentialsDelivery.${v}`) : '';
    return (v as string | null | undefined) ?? '';
  };
  return (
    <FormSection title="app.applications.sections.office">
      <ItemGrid>
        {officeFields
          .filter(([field]) => !(field === 'serviceTypes' || field === 'serviceTypeOther') || office.kind === 'SERVICE')
          .filter(([field]) => !field.startsWith('credentials') || field === 'credentialsDelivery' || office.credentialsDelivery === 'OTHER_ADDRESS')
          .map(([field, kind]) => (
            <Item key={field} label={`resources.offices.fields.${field}`}>
              {value(field, kind)}
            </Item>
          ))}
        <Item label="resources.applications.fields.officePledgedOn">{formatDate(pledgedOn)}</Item>
      </ItemGrid>
    </FormSection>
  );
};

export const StaffTable = ({ staff }: { staff: StaffInput[] }) => {
  const translate = useTranslate();
  const head = (f: string) => translate(`app.applications.staff_short.${f}`, { _: translate(staffLabel(f as never)) });
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="staff-table">
        <TableHead>
          <TableRow>
            <TableCell sx={noWrap}>{translate(staffLabel('name'))}</TableCell>
            <TableCell sx={noWrap}>{translate(staffLabel('jobType'))}</TableCell>
            <TableCell sx={noWrap}>{translate(staffLabel('email'))}</TableCell>
            <TableCell sx={noWrap}>{head('pledgedOn')}</TableCell>
            <TableCell sx={noWrap}>{head('notes')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {staff.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the people of a form as sent: no id, read-only, never reordered
            <TableRow key={i}>
              <TableCell>
                <Box sx={noWrap}>{s.name}</Box>
                <Box sx={{ ...noWrap, color: 'text.secondary', typography: 'caption' }}>{s.nameKana}</Box>
              </TableCell>
              <TableCell>
                {translate(`enums.JobType.${s.jobType}`)}
                {s.jobType === 'OTHER' && s.jobTypeOther ? ` (${s.jobTypeOther})` : ''}
                {s.careManagerNumber && <Box sx={{ color: 'text.secondary', typography: 'caption' }}>{`${head('careManagerNumber')}: ${s.careManagerNumber}`}</Box>}
              </TableCell>
              <TableCell sx={{ wordBreak: 'break-all' }}>{s.email ?? '—'}</TableCell>
              <TableCell sx={noWrap}>{formatDate(s.pledgedOn)}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                  {s.officeAdmin && <Chip size="small" color="secondary" variant="outlined" label={head('officeAdmin')} />}
                  {s.ictLinkage && <Chip size="small" variant="outlined" label={head('ictLinkage')} />}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const IdStopPayload = ({ payload }: { payload: Payload }) => {
  const translate = useTranslate();
  const users = payload.users ?? [];
  return (
    <FormSection title="app.applications.sections.id_stop">
      <ItemGrid>
        <Item label="resources.applications.fields.stopDate" testId="stop-date">
          {payload.stopDate ? formatDate(payload.stopDate) : translate('app.applications.stop_date_today')}
        </Item>
      </ItemGrid>
      <Box sx={{ mt: 2, overflowX: 'auto' }}>
        <Table size="small" data-testid="stop-users">
          <TableHead>
            <TableRow>
              <TableCell>{translate(staffLabel('name'))}</TableCell>
              <TableCell>{translate(staffLabel('nameKana'))}</TableCell>
              <TableCell>{translate(staffLabel('loginId'))}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {users.map((u) => (
              <TableRow key={u.id}>
                <TableCell>
                  <Link component={RouterLink} to={`/users/${u.id}/show`}>
                    {u.name}
                  </Link>
                </TableCell>
                <TableCell>{u.nameKana}</TableCell>
                <TableCell>{u.loginId}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <Alert severity="info" sx={{ mt: 2 }}>
        {translate('app.applications.stop_date_help')}
      </Alert>
    </FormSection>
  );
};

/** 部屋への招待依頼: who is to join, with which permission, and what the requester wrote. */
const JoinRequestItems = ({ payload }: { payload: Payload }) => {
  const translate = useTranslate();
  if (!payload.userId) return null; // the patient data is not the caller's to read (closed form)
  return (
    <ItemGrid>
      <Item label="app.applications.join_permission" testId="join-permission">
        {payload.permission ? translate(`rooms.enums.RoomPermission.${payload.permission}`) : ''}
      </Item>
      <Item label="app.applications.join_note" testId="join-note">
        {payload.note ?? '—'}
      </Item>
    </ItemGrid>
  );
};

const RoomPayload = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const roomId = (record?.payload as Payload | undefined)?.roomId;
  return (
    <FormSection title="app.applications.sections.room">
      <Item label="resources.applications.fields.summary">{record?.summary as string}</Item>
      {record?.type === 'ROOM_JOIN' && <JoinRequestItems payload={(record.payload ?? {}) as Payload} />}
      <Alert severity="info" sx={{ mt: 2 }}>
        {translate('app.applications.room_summary_help')}
        {roomId && (
          <>
            {' '}
            <Link component={RouterLink} to={`/rooms/${roomId}/show`}>
              {translate('app.applications.open_room')}
            </Link>
          </>
        )}
      </Alert>
    </FormSection>
  );
};

export const PayloadView = () => {
  const record = useRecordContext();
  if (!record) return null;
  const payload = (record.payload ?? {}) as Payload;
  switch (record.type) {
    case 'OFFICE_REGISTRATION':
      return (
        <>
          <OfficePayload office={payload.office ?? {}} pledgedOn={payload.officePledgedOn} />
          <FormSection title="app.applications.sections.staff">
            <StaffTable staff={payload.staff ?? []} />
          </FormSection>
        </>
      );
    case 'STAFF_ADDITION':
      return (
        <FormSection title="app.applications.sections.staff">
          <StaffTable staff={payload.staff ?? []} />
        </FormSection>
      );
    case 'ID_STOP':
      return <IdStopPayload payload={payload} />;
    default:
      return <RoomPayload />;
  }
};
