// アカウントの詳細: account and roster data; the actions each role may take.
import { BooleanField, EditButton, EmailField, Labeled, ReferenceField, SelectField, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Box } from '@mui/material';
import { choices } from '../common/enums';
import { DateTimeField } from '../common/DateTimeField';
import { FormSection } from '../common/FormSection';
import { StatusField } from '../common/StatusField';
import { ResetCredentialsButton } from './ResetCredentialsButton';
import { ReactivateUserButton, StopButton, UnlockButton } from './UserActionButtons';

const UserShowActions = () => (
  <TopToolbar>
    <EditButton />
    <UnlockButton />
    <ResetCredentialsButton />
    <StopButton />
    <ReactivateUserButton />
  </TopToolbar>
);

const Grid = ({ children }: { children: React.ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr', lg: '1fr 1fr 1fr' }, gap: 2 }}>{children}</Box>
);

/** 事業所: a link to it for those who may open it. */
const OfficeField = () => {
  const record = useRecordContext();
  if (!record?.office) return <TextField source="office.name" emptyText="—" />;
  return (
    <ReferenceField source="office.id" reference="offices" link="show">
      <TextField source="name" />
    </ReferenceField>
  );
};

const Flag = ({ source, on, off }: { source: string; on: string; off: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <span>{translate(record?.[source] ? on : off)}</span>;
};

export const UserShow = () => (
  <Show actions={<UserShowActions />}>
    <Box sx={{ p: 2 }}>
      <FormSection title="app.sections.account">
        <Grid>
          <Labeled>
            <TextField source="loginId" />
          </Labeled>
          <Labeled>
            <SelectField source="role" choices={choices.role} />
          </Labeled>
          <Labeled source="office">
            <OfficeField />
          </Labeled>
          <Labeled source="municipality">
            <TextField source="municipality.name" emptyText="—" />
          </Labeled>
          <Labeled source="status">
            <StatusField enumType="UserStatus" />
          </Labeled>
          <Labeled>
            <TextField source="stopDate" emptyText="—" />
          </Labeled>
          <Labeled source="locked">
            <Flag source="locked" on="app.values.locked" off="app.values.not_locked" />
          </Labeled>
          <Labeled source="twoFactorEnabled">
            <Flag source="twoFactorEnabled" on="app.values.enabled" off="app.values.not_enabled" />
          </Labeled>
          <Labeled>
            <DateTimeField source="lastSignInAt" />
          </Labeled>
        </Grid>
      </FormSection>
      <FormSection title="app.sections.roster">
        <Grid>
          <Labeled>
            <TextField source="name" />
          </Labeled>
          <Labeled>
            <TextField source="nameKana" />
          </Labeled>
          <Labeled>
            <SelectField source="jobType" choices={choices.jobType} />
          </Labeled>
          <Labeled>
            <TextField source="jobTypeOther" emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="careManagerNumber" emptyText="—" />
          </Labeled>
          <Labeled>
            <EmailField source="email" emptyText="—" />
          </Labeled>
          <Labeled source="ictLinkage">
            <Flag source="ictLinkage" on="app.values.ict_linkage" off="app.values.never" />
          </Labeled>
          <Labeled>
            <BooleanField source="officeAdmin" />
          </Labeled>
        </Grid>
      </FormSection>
      <FormSection title="app.sections.record">
        <Grid>
          <Labeled>
            <DateTimeField source="createdAt" />
          </Labeled>
          <Labeled>
            <DateTimeField source="updatedAt" />
          </Labeled>
        </Grid>
      </FormSection>
    </Box>
  </Show>
);
