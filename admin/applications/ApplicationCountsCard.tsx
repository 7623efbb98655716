// Home: the application counts (applicationCounts), the caller's work queue first and in bold.
import { Link as RouterLink } from 'react-router-dom';
import { useCanAccess, useTranslate } from 'react-admin';
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import AssignmentIcon from '@mui/icons-material/Assignment';
import { useRole } from '../common/useRole';
import { useApiQuery } from '../graphql/useApi';
import { APPLICATION_COUNTS_KEY } from './queries';
import { queueOf } from './ApplicationList';

const ORDER = ['SUBMITTED', 'RETURNED', 'FORWARDED', 'COMPLETED', 'REJECTED', 'WITHDRAWN'];

const listUrl = (states: string[]) => `/applications?filter=${encodeURIComponent(JSON.stringify({ states }))}`;

export const ApplicationCountsCard = () => {
  const translate = useTranslate();
  const { role } = useRole();
  const { canAccess } = useCanAccess({ resource: 'applications', action: 'list' });
  const { data } = useApiQuery(APPLICATION_COUNTS_KEY, (dp) => dp.applicationCounts(), { enabled: !!canAccess });
  if (!canAccess || !data) return null;
  const counts = new Map<string, number>(data.map((c) => [c.state, c.count]));
  // what waits for this caller: the city's review, the vendor's registration, an office's correction
  const queue = queueOf(role) ?? (role === 'OFFICE' ? ['RETURNED'] : []);
  const queued = queue.reduce((n, s) => n + (counts.get(s) ?? 0), 0);
  const title = role === 'CITY' ? 'app.applications.queue_city' : role === 'VENDOR' ? 'app.applications.queue_vendor' : 'app.applications.queue_office';
  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <AssignmentIcon color="primary" />
          <Typography variant="h6" component="h2">
            {translate(title)}
          </Typography>
          {queue.length > 0 && (
            <Box sx={{ ml: 'auto !important', display: 'flex', alignItems: 'baseline', gap: 1 }}>
              <Typography variant="caption" color="text.secondary">
                {translate('app.applications.needs_action')}
              </Typography>
              <Typography variant="h4" component="span" color={queued > 0 ? 'primary' : 'text.secondary'} data-testid="queue-count" sx={{ fontWeight: 700 }}>
                {queued}
              </Typography>
            </Box>
          )}
        </Stack>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          {ORDER.filter((s) => (counts.get(s) ?? 0) > 0 || queue.includes(s)).map((s) => (
            <Chip
              key={s}
              component={RouterLink}
              to={listUrl([s])}
              clickable
              data-testid={`count-${s}`}
              color={queue.includes(s) ? 'primary' : 'default'}
              variant={queue.includes(s) ? 'filled' : 'outlined'}
              label={translate('app.applications.count_item', { state: translate(`enums.ApplicationState.${s}`), count: counts.get(s) ?? 0 })}
            />
          ))}
        </Box>
        <Button component={RouterLink} to={queueOf(role) ? listUrl(queue) : '/applications'} size="small" sx={{ mt: 1 }}>
          {translate('app.applications.open_queue')}
        </Button>
      </CardContent>
    </Card>
  );
};
