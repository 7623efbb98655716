// The account lifecycle and reporting screens that are not a resource's CRUD pages: inside the
// layout (集計, APIトークン) and outside it, without signing in (新規登録申請, 利用開始) or for
// printing (ID通知書). App.tsx mounts these arrays; the menu entries are WorkflowMenuItems.
import type { ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { Menu, useCanAccess, useTranslate } from 'react-admin';
import { Alert, Box } from '@mui/material';
import InsightsIcon from '@mui/icons-material/Insights';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { ReportsPage } from '../reports/ReportsPage';
import { TokensPage } from '../tokens/TokensPage';
import { PublicApplyPage } from '../public/PublicApplyPage';
import { ActivationPage } from '../activation/ActivationPage';
import { ActivationLetterPage } from '../activation/ActivationLetterPage';

/** A custom page for those authProvider.canAccess allows, an explanation for others. */
const Guard = ({ resource, children }: { resource: string; children: ReactNode }) => {
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccess({ resource, action: 'list' });
  if (isPending) return null;
  if (!canAccess)
    return (
      <Box sx={{ mt: 2 }}>
        <Alert severity="warning">{translate('ra.message.access_denied')}</Alert>
      </Box>
    );
  return <>{children}</>;
};

/** Inside the layout (signed in). */
export const workflowRoutes = [
  <Route
    key="reports"
    path="/reports"
    element={
      <Guard resource="reports">
        <ReportsPage />
      </Guard>
    }
  />,
  <Route
    key="tokens"
    path="/tokens"
    element={
      <Guard resource="apiTokens">
        <TokensPage />
      </Guard>
    }
  />,
];

/** Outside the layout: no sign-in for the first two; the letter holds only what was just issued. */
export const publicRoutes = [
  <Route key="apply" path="/apply" element={<PublicApplyPage />} />,
  <Route key="activate" path="/activate" element={<ActivationPage />} />,
  <Route key="activation-letter" path="/activation-letter" element={<ActivationLetterPage />} />,
];

const CustomItem = ({ resource, to, label, icon }: { resource: string; to: string; label: string; icon: ReactNode }) => {
  const { canAccess } = useCanAccess({ resource, action: 'list' });
  return canAccess ? <Menu.Item to={to} primaryText={label} leftIcon={icon} /> : null;
};

/** The side menu's entries for these screens, each shown where authProvider.canAccess allows it. */
export const WorkflowMenuItems = () => (
  <>
    <Menu.ResourceItem name="applications" />
    <Menu.ResourceItem name="consents" />
    <CustomItem resource="reports" to="/reports" label="app.wf_menu.reports" icon={<InsightsIcon />} />
    <Menu.ResourceItem name="auditEvents" />
    <Menu.ResourceItem name="notifications" />
    <CustomItem resource="apiTokens" to="/tokens" label="app.wf_menu.tokens" icon={<VpnKeyIcon />} />
  </>
);
