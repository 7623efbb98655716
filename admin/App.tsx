// The admin panel: resources, sign-in, language, layout. Who sees what is decided by
// authProvider.canAccess (auth/access.ts), which looks up the API's answers (Query.abilities,
// records' allowedActions).
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { dataProvider } from './dataProvider';
import { authProvider } from './authProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { LoginPage } from './auth/LoginPage';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { Layout } from './layout/Layout';
import { Dashboard } from './layout/Dashboard';
import { theme } from './theme';
import municipalities from './municipalities';
import offices from './offices';
import users from './users';
import applications from './applications';
import notifications from './notifications';
import auditEvents from './audit';
import consents from './consents';
import { withAccountWorkflow } from './applications/dataProvider';
import { publicRoutes, workflowRoutes } from './applications/routes';
import { roomRoutes } from './rooms';

export const App = () => (
  <Admin
    title="app.title"
    dataProvider={withAccountWorkflow(dataProvider)}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={Layout}
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
