// FHIR一括出力 (CITY): start an export of the whole municipality (FHIR R4 NDJSON, one file per
// resource type, api/fhir/bulk-export.ts) and follow its progress, polled while one runs; the
// finished files download with the session cookie.
import { useMutation } from '@tanstack/react-query';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Link, Stack, Typography } from '@mui/material';
import { isApiError } from '../graphql/errors';
import { useApiQuery, usePanelDataProvider } from '../graphql/useApi';
import { formatDateTime } from '../common/dates';

const KEY = ['fhir', 'exports'];

export function FhirExportsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = usePanelDataProvider();
  const exports = useApiQuery(KEY, (dp) => dp.fhirExports(), {
    // follow a running export every 3 s; stop polling once none is queued or running
    refetchInterval: (query) => (query.state.data?.some((j) => j.status === 'QUEUED' || j.status === 'RUNNING') ? 3000 : false),
  });
  const jobs = exports.data ?? [];
  const busy = jobs.some((j) => j.status === 'QUEUED' || j.status === 'RUNNING');
  const start = useMutation({
    mutationFn: () => dataProvider.startFhirExport(),
    onSuccess: () => {
      notify('app.fhir.started', { type: 'info' });
      return exports.refetch();
    },
  });
  const error = exports.error ?? start.error;

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.fhir.title" />
      <CardContent>
        <Stack spacing={2}>
          <Typography>{translate('app.fhir.help')}</Typography>
          {error && <Alert severity="error">{isApiError(error) ? error.message : String(error)}</Alert>}
          <Box>
            <Button variant="contained" onClick={() => start.mutate()} disabled={busy || start.isPending}>
              {translate('app.fhir.start')}
            </Button>
          </Box>
          {jobs.length === 0 && !exports.isPending && (
            <Typography variant="body2" color="text.secondary">
              {translate('app.fhir.empty')}
            </Typography>
          )}
          {/* one line per export, newest first: when, how far, and its files once done */}
          <Stack spacing={2} data-testid="fhir-exports">
            {jobs.map((j) => (
              <Box key={j.id} sx={{ borderTop: 1, borderColor: 'divider', pt: 1 }}>
                <Typography variant="body2">
                  {formatDateTime(j.createdAt)} ・ {translate(`app.fhir.status.${j.status}`)} ・ {translate('app.fhir.col.progress')} {j.progress} / {j.total}
                </Typography>
                <LinearProgress
                  variant="determinate"
                  aria-label={translate('app.fhir.col.progress')}
                  value={j.total ? (100 * j.progress) / j.total : j.status === 'DONE' ? 100 : 0}
                  sx={{ my: 1, maxWidth: 480 }}
                />
                <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
                  {j.output.map((o) => (
                    <Link key={o.type} href={`/fhir/exports/${j.id}/${o.type}.ndjson`}>
                      {o.type} ({o.count})
                    </Link>
                  ))}
                </Stack>
              </Box>
            ))}
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}
