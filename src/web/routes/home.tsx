import { Navigate } from 'react-router';
import { LoadingScreen } from '../features/auth/guards';
import { landingFor } from '../features/auth/landing';
import { useSession } from '../features/auth/session';

/** `/` goes where each person starts: admins to the office, students and alumni to their network. */
export function HomeRoute() {
  const { state } = useSession();
  if (state.status === 'loading') return <LoadingScreen />;
  if (state.status === 'signed-in') return <Navigate to={landingFor(state.user.role)} replace />;
  return <Navigate to="/sign-in" replace />;
}
