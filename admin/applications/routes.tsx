// The account lifecycle and reporting screens that are not a resource's CRUD pages: inside the
// layout (集計, APIトークン) and outside it, without signing in (新規登録申請, 利用開始) or for
// printing (ID通知書). App.tsx mounts these arrays; the menu entries are WorkflowMenuItems.
import type { ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { Menu, useCanAccess, useTranslate } from 'react-admin';
import { Alert, Box } from '@mui/material';
import InsightsIcon from '@mui/icons-material/Insights';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import CloudDownloadIcon from '@mui/icons-material/CloudDownload';
import { lazyScreen, ScreenSuspense } from '../common/lazyScreen';

const ReportsPage = lazyScreen(() => import('../reports/ReportsPage'), 'ReportsPage');
const TokensPage = lazyScreen(() => import('../tokens/TokensPage'), 'TokensPage');
const FhirExportsPage = lazyScreen(() => import('../fhir/FhirExportsPage'), 'FhirExportsPage');
const PublicApplyPage = lazyScreen(() => import('../public/PublicApplyPage'), 'PublicApplyPage');
const ActivationPage = lazyScreen(() => import('../activation/ActivationPage'), 'ActivationPage');
const ActivationLetterPage = lazyScreen(() => import('../activation/ActivationLetterPage'), 'ActivationLetterPage');

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
  <Route
    key="fhir"
    path="/fhir"
    element={
      <Guard resource="fhirExports">
        <FhirExportsPage />
      </Guard>
    }
  />,
];

/** Outside the layout (so with their own Suspense): no sign-in for the first two; the letter holds only what was just issued. */
export const publicRoutes = [
  <Route
    key="apply"
    path="/apply"
    element={
      <ScreenSuspense>
        <PublicApplyPage />
      </ScreenSuspense>
    }
  />,
  <Route
    key="activate"
    path="/activate"
    element={
      <ScreenSuspense>
        <ActivationPage />
      </ScreenSuspense>
    }
  />,
  <Route
    key="activation-letter"
    path="/activation-letter"
    element={
      <ScreenSuspense>
        <ActivationLetterPage />
      </ScreenSuspense>
    }
  />,
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
    <CustomItem resource="fhirExports" to="/fhir" label="app.wf_menu.fhir" icon={<CloudDownloadIcon />} />
  </>
);
