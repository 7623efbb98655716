// After enrollment: the ten recovery codes, shown this once.
import { useTranslate } from 'react-admin';
import { Alert, Box, Button, Stack } from '@mui/material';

export const RecoveryCodesStep = ({ codes, onContinue }: { codes: string[]; onContinue: () => void }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={2}>
      <Alert severity="warning">{translate('app.auth.recovery_codes_help')}</Alert>
      <Box
        component="ol"
        data-testid="recovery-codes"
        sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1, fontFamily: 'monospace', fontSize: '1.05rem', bgcolor: 'grey.100', borderRadius: 1, p: 2, pl: 5, m: 0 }}
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </Box>
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" onClick={() => void navigator.clipboard?.writeText(codes.join('\n'))}>
          {translate('app.auth.copy')}
        </Button>
        <Button variant="outlined" onClick={() => window.print()}>
          {translate('app.auth.print')}
        </Button>
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" onClick={onContinue}>
          {translate('app.auth.saved')}
        </Button>
      </Stack>
    </Stack>
  );
};
