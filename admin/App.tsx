// The admin panel: resources, sign-in, language, layout. Who sees what is decided by
// authProvider.canAccess (auth/access.ts), which looks up the API's answers (Query.abilities,
// records' allowedActions).
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './authProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { LoginPage } from './auth/LoginPage';
import { Layout } from './layout/Layout';
import { theme } from './theme';
import municipalities from './municipalities';
import offices from './offices';
import users from './users';
import applications from './applications';
import notifications from './notifications';
import auditEvents from './audit';
import consents from './consents';
import { publicRoutes, workflowRoutes } from './applications/routes';
import { roomRoutes } from './rooms';
import { lazyScreen } from './common/lazyScreen';
import { PanelLoadingPage } from './common/Spinner';
import { lazyDataProvider } from './common/lazyDataProvider';
import type { PanelDataProvider } from './dataProvider';

// Everything past the sign-in page is loaded when opened (common/lazyScreen.tsx): the home page
// here, the resources' screens in each area's index.ts, the custom pages in their route lists.
const Dashboard = lazyScreen(() => import('./layout/Dashboard'), 'Dashboard');
const ChangePasswordPage = lazyScreen(() => import('./auth/ChangePasswordPage'), 'ChangePasswordPage');
// the API's data layer too: the sign-in steps talk to the API without it (auth/authApi.ts)
const dataProvider = lazyDataProvider<PanelDataProvider>(async () => {
  const [{ dataProvider: base }, { withAccountWorkflow }] = await Promise.all([import('./dataProvider'), import('./applications/dataProvider')]);
  return withAccountWorkflow(base);
});

export const App = () => (
  <Admin
    title="app.title"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={Layout}
    loading={PanelLoadingPage}
    dashboard={Dashboard}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="municipalities" {...municipalities} />
    <Resource name="offices" {...offices} />
    <Resource name="users" {...users} />
    <Resource name="applications" {...applications} />
    <Resource name="notifications" {...notifications} />
    <Resource name="auditEvents" {...auditEvents} />
    <Resource name="consents" {...consents} />
    <CustomRoutes>
      <Route path="/password" element={<ChangePasswordPage />} />
      {workflowRoutes}
      {roomRoutes}
    </CustomRoutes>
    <CustomRoutes noLayout>{publicRoutes}</CustomRoutes>
  </Admin>
);
