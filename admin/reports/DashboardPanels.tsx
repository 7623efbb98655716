// Home, below the welcome: the application work queue with its counts, and the main figures
// (accounts in use by job type, rooms per month) as charts for those who read reports.
import { Link as RouterLink } from 'react-router-dom';
import { useCanAccess, useTranslate } from 'react-admin';
import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import InsightsIcon from '@mui/icons-material/Insights';
import { ApplicationCountsCard } from '../applications/ApplicationCountsCard';
import { useApiQuery } from '../graphql/useApi';
import { JobTypeBars, RoomMonthsChart } from './charts';
import { reportKeys } from './ReportsPage';

const KeyFigures = () => {
  const translate = useTranslate();
  const figures = useApiQuery(reportKeys.home, (dp) => dp.homeFigures()).data;
  if (!figures) return null;
  const { rosterReport: roster, roomsReport: rooms } = figures;
  const months = rooms.months.slice(-6);
  return (
    <Card data-testid="key-figures">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
          <InsightsIcon color="primary" />
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            {translate('app.reports.dashboard_title')}
          </Typography>
          <Button component={RouterLink} to="/reports" size="small">
            {translate('app.reports.open_reports')}
          </Button>
        </Stack>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 3 }}>
          <Box>
            <Typography variant="caption" color="text.secondary">
              {translate('app.reports.active_headcount')}
            </Typography>
            <Typography variant="h4" sx={{ mb: 1 }}>
              {roster.activeHeadcount}
            </Typography>
            <JobTypeBars rows={roster.activeByJobType} max={6} />
          </Box>
          <Box>
            <Typography variant="subtitle2" sx={{ mb: 1 }}>
              {translate('app.reports.rooms')}
            </Typography>
            {months.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('app.reports.empty')}
              </Typography>
            ) : (
              <RoomMonthsChart months={months} height={180} />
            )}
          </Box>
        </Box>
      </CardContent>
    </Card>
  );
};

export const WorkflowDashboard = () => {
  const { canAccess: readsReports } = useCanAccess({ resource: 'reports', action: 'list' });
  return (
    <>
      <ApplicationCountsCard />
      {readsReports && <KeyFigures />}
    </>
  );
};
