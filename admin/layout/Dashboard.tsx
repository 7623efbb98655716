// Home: who is signed in, in what role, what to do next (NextSteps), then the role's cards.
// Loaded after sign-in (App.tsx: lazyScreen), with the cards' queries and charts.
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { Alert, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import type { Me } from '../auth/authApi';
import { WorkflowDashboard } from '../reports/DashboardPanels';
import { RoomsDashboard } from '../rooms/RoomsDashboard';
import { NextSteps } from './NextSteps';
import { PendingAccountsCard } from '../users/ActivationCodes';

function roleHelp(me: Me, translate: (k: string, o?: object) => string): string {
  if (me.role === 'VENDOR') return translate('app.dashboard.vendor');
  if (me.role === 'CITY') return translate('app.dashboard.city', { municipality: me.municipality?.name ?? '' });
  return translate(me.officeAdmin ? 'app.dashboard.office_admin_help' : 'app.dashboard.office_staff');
}

export const Dashboard = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  if (isPending || !identity) return null;
  const me = identity as unknown as Me;
  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 800, minWidth: 0 }}>
      <Title title="app.menu.dashboard" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom>
            {translate('app.dashboard.welcome', { name: me.name })}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', mb: 2 }} useFlexGap>
            <Chip label={`${translate('app.dashboard.role')}: ${translate(`enums.Role.${me.role}`)}`} color="primary" variant="outlined" />
            {me.officeAdmin && <Chip label={translate('app.dashboard.office_admin')} color="secondary" variant="outlined" />}
            {me.municipality && <Chip label={`${translate('app.dashboard.municipality')}: ${me.municipality.name}`} variant="outlined" />}
            {me.office && <Chip label={`${translate('app.dashboard.office')}: ${me.office.name}`} variant="outlined" />}
          </Stack>
          <Typography variant="body1">{roleHelp(me, translate)}</Typography>
        </CardContent>
      </Card>
      <PendingAccountsCard />
      <NextSteps me={me} />
      <RoomsDashboard />
      <WorkflowDashboard />
      <Alert severity="info">{translate('app.dashboard.idle_notice')}</Alert>
    </Stack>
  );
};
