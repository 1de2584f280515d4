import { Navigate, Outlet, createBrowserRouter } from 'react-router';
import { AuthLayout } from './features/auth/auth-layout';
import { LoadingScreen, PublicOnly, RequireRole, RequireSession } from './features/auth/guards';
import { AppShell } from './features/shell/app-shell';
import { RouteFocus } from './features/shell/route-focus';
import { AccountRoute } from './routes/account';
import { NETWORK_ROLES } from './features/auth/landing';
import { ForgotPasswordRoute } from './routes/forgot-password';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { RegisterRoute } from './routes/register';
import { ResetPasswordRoute } from './routes/reset-password';
import { SignInRoute } from './routes/sign-in';

const networkArea = () => import('./routes/network-area');
const appointmentsArea = () => import('./routes/appointments-area');
const officeArea = () => import('./routes/office-area');

function Root() {
  return (
    <>
      <RouteFocus />
      <Outlet />
    </>
  );
}

/** Every page of the web app, one per URL; the server answers any of these paths with index.html. */
export const router = createBrowserRouter([
  {
    element: <Root />,
    hydrateFallbackElement: <LoadingScreen />,
    children: [
      { index: true, element: <HomeRoute /> },
      {
        element: (
          <PublicOnly>
            <AuthLayout />
          </PublicOnly>
        ),
        children: [
          { path: 'sign-in', element: <SignInRoute /> },
          { path: 'register', element: <RegisterRoute /> },
          { path: 'forgot-password', element: <ForgotPasswordRoute /> },
        ],
      },
      // Open whether or not someone is signed in: the link comes from an email.
      { element: <AuthLayout />, children: [{ path: 'reset-password', element: <ResetPasswordRoute /> }] },
      {
        element: (
          <RequireSession>
            <AppShell />
          </RequireSession>
        ),
        children: [
          { path: 'account', element: <AccountRoute /> },
          {
            path: 'network',
            element: (
              <RequireRole role={NETWORK_ROLES}>
                <Outlet />
              </RequireRole>
            ),
            // The network is the largest area and only students and alumni open it: its code loads on first visit.
            children: [
              { index: true, lazy: async () => ({ Component: (await networkArea()).NetworkRoute }) },
              { path: 'new', lazy: async () => ({ Component: (await networkArea()).NetworkNewRoute }) },
              { path: 'import', lazy: async () => ({ Component: (await networkArea()).NetworkImportRoute }) },
              { path: 'duplicates', lazy: async () => ({ Component: (await networkArea()).NetworkDuplicatesRoute }) },
              { path: ':id', lazy: async () => ({ Component: (await networkArea()).NetworkContactRoute }) },
              { path: ':id/edit', lazy: async () => ({ Component: (await networkArea()).NetworkEditRoute }) },
            ],
          },
          {
            path: 'appointments',
            element: (
              <RequireRole role={NETWORK_ROLES}>
                <Outlet />
              </RequireRole>
            ),
            children: [
              { index: true, lazy: async () => ({ Component: (await appointmentsArea()).AppointmentsRoute }) },
              { path: 'book', lazy: async () => ({ Component: (await appointmentsArea()).AppointmentsBookRoute }) },
              { path: ':id', lazy: async () => ({ Component: (await appointmentsArea()).AppointmentsRoute }) },
            ],
          },
          {
            element: (
              <RequireRole role="advisor">
                <Outlet />
              </RequireRole>
            ),
            children: [
              { path: 'agenda', lazy: async () => ({ Component: (await appointmentsArea()).AdvisorAgendaRoute }) },
              { path: 'agenda/book', lazy: async () => ({ Component: (await appointmentsArea()).AdvisorBookRoute }) },
              { path: 'agenda/:id', lazy: async () => ({ Component: (await appointmentsArea()).AdvisorAgendaAppointmentRoute }) },
              { path: 'availability', lazy: async () => ({ Component: (await appointmentsArea()).AdvisorAvailabilityRoute }) },
            ],
          },
          {
            path: 'office',
            element: (
              <RequireRole role="admin">
                <Outlet />
              </RequireRole>
            ),
            children: [
              { index: true, element: <Navigate to="/office/users" replace /> },
              { path: 'users', lazy: async () => ({ Component: (await officeArea()).OfficeUsersRoute }) },
              { path: 'reason-codes', lazy: async () => ({ Component: (await officeArea()).OfficeReasonCodesRoute }) },
              { path: 'policy', lazy: async () => ({ Component: (await officeArea()).OfficePolicyRoute }) },
              { path: 'outbox', lazy: async () => ({ Component: (await officeArea()).OfficeOutboxRoute }) },
              { path: 'audit', lazy: async () => ({ Component: (await officeArea()).OfficeAuditRoute }) },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
