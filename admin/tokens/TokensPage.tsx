// APIトークン (CITY, VENDOR): the caller's own read-only tokens for reporting clients. Create
// (name, days) shows the secret once with a copy button; revoke ends it at once. The curl example
// shows how a client sends it.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Title, useNotify, useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { isApiError } from '../graphql/errors';
import { useApiQuery, usePanelDataProvider } from '../graphql/useApi';
import type { ApiTokenFieldsFragment as ApiToken } from '../graphql/generated/graphql';
import { formatDateTime } from '../applications/fields';
import { noWrap } from '../common/tableStyles';

const curlExample = (secret: string) =>
  `curl -X POST '${window.location.origin}/graphql' \\\n  -H 'Authorization: Bearer ${secret}' \\\n  -H 'Content-Type: application/json' \\\n  -d '{"query":"{ rosterReport { activeHeadcount totals { status count } } }"}'`;

function stateOf(t: ApiToken): 'active' | 'expired' | 'revoked_state' {
  if (t.revokedAt) return 'revoked_state';
  return new Date(t.expiresAt).getTime() <= Date.now() ? 'expired' : 'active';
}

const CopyButton = ({ text }: { text: string }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  return (
    <Button
      startIcon={<ContentCopyIcon />}
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        })
      }
    >
      {translate(copied ? 'app.tokens.copied' : 'app.tokens.copy')}
    </Button>
  );
};

const Code = ({ children, testId }: { children: string; testId?: string }) => (
  <Box
    component="pre"
    data-testid={testId}
    sx={{ m: 0, p: 1.5, bgcolor: 'grey.100', borderRadius: 1, fontFamily: 'monospace', fontSize: '0.85rem', whiteSpace: 'pre-wrap', wordBreak: 'break-all', userSelect: 'all' }}
  >
    {children}
  </Box>
);

const CreateDialog = ({ onClose, onCreated }: { onClose: () => void; onCreated: (secret: string) => void }) => {
  const translate = useTranslate();
  const dataProvider = usePanelDataProvider();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [error, setError] = useState<string | null>(null);
  const daysValue = Number(days);
  const daysValid = Number.isInteger(daysValue) && daysValue >= 1 && daysValue <= 365;
  const { mutate: create, isPending: pending } = useMutation({
    mutationFn: () => dataProvider.createApiToken({ name: name.trim(), expiresInDays: daysValue }),
    onSuccess: (created) => onCreated(created.secret),
    onError: (e) => setError(isApiError(e) ? e.message : translate('ra.notification.http_error')),
  });

  const submit = () => {
    if (!name.trim() || !daysValid) {
      setError(translate(!name.trim() ? 'app.validation.REQUIRED' : 'app.tokens.days_invalid'));
      return;
    }
    create();
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('app.tokens.create_title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {error && <Alert severity="error">{error}</Alert>}
          <TextField
            id="token-name"
            label={translate('app.tokens.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            fullWidth
            autoFocus
            slotProps={{ htmlInput: { maxLength: 100 } }}
          />
          <TextField
            id="token-days"
            type="number"
            label={translate('app.tokens.days')}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={!daysValid}
            helperText={daysValid ? undefined : translate('app.tokens.days_invalid')}
            slotProps={{ htmlInput: { min: 1, max: 365 } }}
            sx={{ maxWidth: 240 }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={submit} disabled={pending}>
          {translate('app.tokens.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const SecretDialog = ({ secret, onClose }: { secret: string; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Dialog open maxWidth="md" fullWidth>
      <DialogTitle>{translate('app.tokens.created_title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Alert severity="warning">{translate('app.tokens.secret_warning')}</Alert>
          <Code testId="token-secret">{secret}</Code>
          <Box>
            <CopyButton text={secret} />
          </Box>
          <Typography variant="subtitle2">{translate('app.tokens.usage')}</Typography>
          <Code>{curlExample(secret)}</Code>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {translate('app.tokens.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const RevokeDialog = ({ token, onClose, onRevoked }: { token: ApiToken; onClose: () => void; onRevoked: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = usePanelDataProvider();
  const { mutate: revoke, isPending: pending } = useMutation({
    mutationFn: () => dataProvider.revokeApiToken(token.id),
    onSuccess: () => {
      notify('app.tokens.revoked_done', { type: 'info' });
      onRevoked();
    },
    onError: (e) => {
      const message = isApiError(e) ? e.message : 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('app.tokens.revoke_title', { name: token.name })}</DialogTitle>
      <DialogContent>
        <Typography variant="body2">{translate('app.tokens.revoke_content')}</Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" color="error" onClick={() => revoke()} disabled={pending}>
          {translate('app.tokens.revoke')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const stateColors = { active: 'success', expired: 'default', revoked_state: 'error' } as const;

export const TokensPage = () => {
  const translate = useTranslate();
  const { data, refetch } = useApiQuery(['apiTokens'], (dp) => dp.apiTokens());
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const tokens = data ?? [];

  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="app.tokens.title" />
      <Card>
        <CardContent>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, mb: 2 }}>
            <Typography variant="body2" sx={{ flex: 1 }}>
              {translate('app.tokens.help')}
            </Typography>
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
              {translate('app.tokens.create')}
            </Button>
          </Stack>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="token-table">
              <TableHead>
                <TableRow>
                  {['name', 'prefix', 'status', 'created', 'expires', 'last_used', 'revoked'].map((k) => (
                    <TableCell key={k} sx={noWrap}>
                      {translate(`app.tokens.${k}`)}
                    </TableCell>
                  ))}
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {tokens.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={8}>{translate('app.tokens.none')}</TableCell>
                  </TableRow>
                )}
                {tokens.map((t) => {
                  const state = stateOf(t);
                  return (
                    <TableRow key={t.id}>
                      <TableCell>{t.name}</TableCell>
                      <TableCell sx={{ fontFamily: 'monospace' }}>{t.prefix}…</TableCell>
                      <TableCell>
                        <Chip size="small" variant="outlined" color={stateColors[state]} label={translate(`app.tokens.${state}`)} />
                      </TableCell>
                      <TableCell sx={noWrap}>{formatDateTime(t.createdAt)}</TableCell>
                      <TableCell sx={noWrap}>{formatDateTime(t.expiresAt)}</TableCell>
                      <TableCell sx={noWrap}>{formatDateTime(t.lastUsedAt) || '—'}</TableCell>
                      <TableCell sx={noWrap}>{formatDateTime(t.revokedAt) || '—'}</TableCell>
                      <TableCell>
                        {state === 'active' && (
                          <Button size="small" color="error" onClick={() => setRevoking(t)}>
                            {translate('app.tokens.revoke')}
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
            {translate('app.tokens.usage')}
          </Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('app.tokens.usage_help')}
          </Typography>
          <Code>{curlExample('zrt_…')}</Code>
        </CardContent>
      </Card>
      {creating && (
        <CreateDialog
          onClose={() => setCreating(false)}
          onCreated={(s) => {
            setCreating(false);
            setSecret(s);
            refetch();
          }}
        />
      )}
      {secret && <SecretDialog secret={secret} onClose={() => setSecret(null)} />}
      {revoking && (
        <RevokeDialog
          token={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setRevoking(null);
            refetch();
          }}
        />
      )}
    </Stack>
  );
};
