// アカウントの詳細: account and roster data; the actions each role may take.
import { BooleanField, EditButton, EmailField, Labeled, ReferenceField, SelectField, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Box } from '@mui/material';
import { choices } from '../common/enums';
import { DateTimeField } from '../common/DateTimeField';
import { LabeledText, RecordTimesSection, ShowSection } from '../common/ShowSection';
import { StatusField } from '../common/StatusField';
import { ResetCredentialsButton } from './ResetCredentialsButton';
import { PrintActivationCodeButton } from './ActivationCodes';
import { ReactivateUserButton, StopButton, UnlockButton } from './UserActionButtons';

const UserShowActions = () => (
  <TopToolbar>
    <EditButton />
    <UnlockButton />
    <ResetCredentialsButton />
    <PrintActivationCodeButton />
    <StopButton />
    <ReactivateUserButton />
  </TopToolbar>
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

type FlagProps = { source: string; on: string; off: string };

const FlagText = ({ source, on, off }: FlagProps) => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <span>{translate(record?.[source] ? on : off)}</span>;
};

/** A yes/no value in words (`on` and `off` are message keys), under its label. */
const Flag = (props: FlagProps) => (
  <Labeled source={props.source}>
    <FlagText {...props} />
  </Labeled>
);

export const UserShow = () => (
  <Show actions={<UserShowActions />}>
    <Box sx={{ p: 2 }}>
      <ShowSection title="app.sections.account">
        <LabeledText source="loginId" />
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
        <LabeledText source="stopDate" emptyText="—" />
        <Flag source="locked" on="app.values.locked" off="app.values.not_locked" />
        <Flag source="twoFactorEnabled" on="app.values.enabled" off="app.values.not_enabled" />
        <Labeled>
          <DateTimeField source="lastSignInAt" />
        </Labeled>
      </ShowSection>
      <ShowSection title="app.sections.roster">
        <LabeledText source="name" />
        <LabeledText source="nameKana" />
        <Labeled>
          <SelectField source="jobType" choices={choices.jobType} />
        </Labeled>
        <LabeledText source="jobTypeOther" emptyText="—" />
        <LabeledText source="careManagerNumber" emptyText="—" />
        <Labeled>
          <EmailField source="email" emptyText="—" />
        </Labeled>
        <Flag source="ictLinkage" on="app.values.ict_linkage" off="app.values.never" />
        <Labeled>
          <BooleanField source="officeAdmin" />
        </Labeled>
      </ShowSection>
      <RecordTimesSection />
    </Box>
  </Show>
);
