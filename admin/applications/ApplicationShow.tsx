// 申請の詳細: the request, the form's fields by type, the scanned forms, the history, and the
// buttons for what the caller may do now.
import { Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { FormSection } from '../common/FormSection';
import { ApplicationActionButtons, PrintLetterButton } from './ApplicationActions';
import { AttachmentList, Timeline } from './History';
import { PayloadView } from './PayloadView';
import { PrintableForms } from '../forms/PrintableForms';
import { Item, ItemGrid, StateChip, formatDateTime } from './fields';
import type { ApplicationEvent } from './queries';

const ShowActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap' }}>
    <ApplicationActionButtons />
    <PrintLetterButton />
  </TopToolbar>
);

const ApplicationTitle = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{`${translate('resources.applications.name', { smart_count: 1 })}: ${translate(`enums.ApplicationType.${record.type}`)}`}</span>;
};

/** The last return's reason, on top while the application waits for its correction. */
const ReturnedNotice = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (record?.state !== 'RETURNED') return null;
  const last = [...((record.events as ApplicationEvent[]) ?? [])].reverse().find((e) => e.action === 'RETURN');
  if (!last?.comment) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="returned-notice">
      <strong>{translate('app.applications.returned_with')}:</strong> {last.comment}
    </Alert>
  );
};

const RequestSection = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <FormSection title="app.applications.sections.request">
      <ItemGrid>
        <Item label="resources.applications.fields.receiptNumber" testId="receipt-number">
          {record.receiptNumber}
        </Item>
        <Item label="resources.applications.fields.type">{translate(`enums.ApplicationType.${record.type}`)}</Item>
        <Item label="resources.applications.fields.state" testId="application-state">
          <StateChip state={record.state} />
        </Item>
        <Item label="resources.applications.fields.channel">{translate(`enums.ApplicationChannel.${record.channel}`)}</Item>
        <Item label="resources.applications.fields.summary">{record.summary}</Item>
        <Item label="resources.applications.fields.office">{record.office?.name}</Item>
        <Item label="resources.applications.fields.municipality">{record.municipality?.name}</Item>
        <Item label="resources.applications.fields.applicantName">{record.applicantName}</Item>
        <Item label="resources.applications.fields.applicantEmail">{record.applicantEmail}</Item>
        <Item label="resources.applications.fields.submittedAt">{formatDateTime(record.submittedAt)}</Item>
        {record.forwardedAt && <Item label="resources.applications.fields.forwardedAt">{formatDateTime(record.forwardedAt)}</Item>}
        {record.completedAt && <Item label="resources.applications.fields.completedAt">{formatDateTime(record.completedAt)}</Item>}
      </ItemGrid>
    </FormSection>
  );
};

export const ApplicationShow = () => (
  // the card may not grow with a wide table: the tables scroll inside it
  <Show actions={<ShowActions />} title={<ApplicationTitle />} sx={{ '& .RaShow-card': { minWidth: 0 } }}>
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 2fr) minmax(300px, 1fr)' }, gap: 2, p: 2, alignItems: 'start' }}>
      <Box sx={{ minWidth: 0 }}>
        <ReturnedNotice />
        <RequestSection />
        <PayloadView />
        <PrintableForms />
        <FormSection title="app.applications.sections.attachments">
          <AttachmentList />
        </FormSection>
      </Box>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 2 }}>
            <HistoryTitle />
          </Typography>
          <Timeline />
        </CardContent>
      </Card>
    </Box>
  </Show>
);

const HistoryTitle = () => {
  const translate = useTranslate();
  return <>{translate('app.applications.sections.history')}</>;
};
