import { AuthLayout } from '../features/auth/auth-layout';
import { LoadingScreen } from '../features/auth/guards';
import { useSession } from '../features/auth/session';
import { AppShell } from '../features/shell/app-shell';
import { NotFoundPage } from '../features/shell/not-found-page';

/** Any unknown address: inside the app frame when signed in, on the plain frame otherwise. */
export function NotFoundRoute() {
  const { state } = useSession();
  if (state.status === 'loading') return <LoadingScreen />;
  if (state.status === 'signed-in') {
    return (
      <AppShell>
        <NotFoundPage />
      </AppShell>
    );
  }
  return (
    <AuthLayout>
      <NotFoundPage />
    </AuthLayout>
  );
}
