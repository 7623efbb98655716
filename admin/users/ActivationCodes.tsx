// 利用開始コードの印刷 (issueActivationCodes): the city prints the credentials letter for PENDING
// accounts of its municipality (new accounts issued by VENDOR, reset accounts); a VENDOR prints it
// for another VENDOR account. The API decides whose code the caller may print (users/user.policy.ts);
// the codes are shown once, on the letter page (admin/activation), and kept in memory only.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, useCanAccess, useGetList, useListContext, useRecordContext, useTranslate, type Identifier } from 'react-admin';
import { Alert, Button as MuiButton, Card, CardContent, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { setLetter } from '../activation/letterStore';
import { usePanelDataProvider } from '../graphql/useApi';
import { isApiError } from '../graphql/errors';
import { useRole } from '../common/useRole';

/** Issues the codes and opens the letter page; the answer is the only place the codes exist. */
function usePrintCodes() {
  const dataProvider = usePanelDataProvider();
  const navigate = useNavigate();
  return async (userIds: Identifier[], summary: string, returnTo: string) => {
    const entries = await dataProvider.issueActivationCodes(userIds.map(String));
    setLetter({ returnTo, summary, entries, issuedAt: new Date().toISOString() });
    navigate('/activation-letter');
  };
}

/** A confirm dialog, then the letter of these accounts (`summary` heads it; `returnTo` is where it leads back): their earlier codes stop working. */
const PrintDialog = ({ open, onClose, userIds, summary, returnTo }: { open: boolean; onClose: () => void; userIds: Identifier[]; summary: string; returnTo: string }) => {
  const translate = useTranslate();
  const print = usePrintCodes();
  const onConfirm = () => print(userIds, summary, returnTo);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(isApiError(e) ? e.message : translate('ra.notification.http_error'));
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('app.actions.print_codes_title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Alert severity="warning">{translate('app.actions.print_codes_content')}</Alert>
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
        <MuiButton onClick={confirm} variant="contained" disabled={pending} startIcon={<PrintIcon />}>
          {translate('app.actions.print_codes')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};

/** On the account page of a PENDING account whose code the caller may print. */
export const PrintActivationCodeButton = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'activation_codes', record });
  const [open, setOpen] = useState(false);
  if (!record || !canAccess || record.status !== 'PENDING') return null;
  return (
    <>
      <Button label="app.actions.print_codes" onClick={() => setOpen(true)}>
        <PrintIcon />
      </Button>
      <PrintDialog open={open} onClose={() => setOpen(false)} userIds={[record.id]} summary={String(record.name)} returnTo={`/users/${record.id}/show`} />
    </>
  );
};

/** Bulk action of the accounts list (the city: pending accounts of its municipality). */
export const PrintActivationCodesBulkButton = () => {
  const { selectedIds, data } = useListContext();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'activation_codes' });
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!canAccess) return null;
  // the rows the API says this caller may print (the record's allowedActions, when it has them)
  const pending = (data ?? []).filter((u) => selectedIds.includes(u.id) && u.status === 'PENDING' && (!Array.isArray(u.allowedActions) || u.allowedActions.includes('activation_codes')));
  if (pending.length === 0) return null;
  return (
    <>
      <Button label="app.actions.print_codes" onClick={() => setOpen(true)}>
        <PrintIcon />
      </Button>
      <PrintDialog open={open} onClose={() => setOpen(false)} userIds={pending.map((u) => u.id)} summary={translate('app.actions.pending_accounts')} returnTo="/users" />
    </>
  );
};

/**
 * Home page of a CITY user: the accounts of its municipality that wait for their letter. A CITY
 * account among them (issued or reset by VENDOR) is called out: the other city users see it here.
 */
export const PendingAccountsCard = () => {
  const { isCity } = useRole();
  const translate = useTranslate();
  const navigate = useNavigate();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'activation_codes' });
  const enabled = isCity && !!canAccess;
  const { data, total } = useGetList('users', { filter: { status: 'PENDING' }, pagination: { page: 1, perPage: 10 }, sort: { field: 'createdAt', order: 'DESC' } }, { enabled });
  const [open, setOpen] = useState(false);
  if (!enabled || !data || data.length === 0) return null;
  const cityAccounts = data.filter((u) => u.role === 'CITY');
  // a CITY account is printed from its own page, after checking it was expected
  const printable = data.filter((u) => u.role !== 'CITY');
  return (
    <Card data-testid="pending-accounts">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.actions.pending_accounts')} ({total ?? data.length})
        </Typography>
        <Stack spacing={1}>
          {cityAccounts.map((u) => (
            <Alert key={u.id} severity="warning" data-testid="city-account-notice" action={<MuiButton onClick={() => navigate(`/users/${u.id}/show`)}>{translate('ra.action.show')}</MuiButton>}>
              {translate('app.actions.city_account_pending', { loginId: u.loginId, name: u.name })}
            </Alert>
          ))}
          <Typography variant="body2">{translate('app.actions.pending_accounts_help')}</Typography>
          <List dense disablePadding>
            {data.map((u) => (
              <ListItem key={u.id} disableGutters>
                <ListItemText primary={`${u.name}（${u.loginId}）`} secondary={u.office?.name ?? translate(`enums.Role.${u.role}`)} />
              </ListItem>
            ))}
          </List>
          <Stack direction="row" spacing={1}>
            {printable.length > 0 && (
              <MuiButton variant="contained" startIcon={<PrintIcon />} onClick={() => setOpen(true)}>
                {translate('app.actions.print_codes')}
              </MuiButton>
            )}
            <MuiButton onClick={() => navigate(`/users?filter=${encodeURIComponent(JSON.stringify({ status: 'PENDING' }))}`)}>{translate('app.actions.show_pending')}</MuiButton>
          </Stack>
        </Stack>
        <PrintDialog open={open} onClose={() => setOpen(false)} userIds={printable.map((u) => u.id)} summary={translate('app.actions.pending_accounts')} returnTo="/" />
      </CardContent>
    </Card>
  );
};
