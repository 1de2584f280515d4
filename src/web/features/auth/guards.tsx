import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import type { Role } from '../../../shared/contracts/users';
import { Button } from '../../components/ui/button';
import { Notice } from '../../components/ui/notice';
import { NotFoundPage } from '../shell/not-found-page';
import { landingFor, safeNext, withNext } from './landing';
import { useSession, type SignedOutReason } from './session';

export function LoadingScreen() {
  return (
    <div className="loading-screen" role="status">
      Loading Rapport…
    </div>
  );
}

function SessionProblem({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <main id="main" className="loading-screen">
      <Notice tone="danger" title="Rapport is not answering" live="alert">
        <p>{message}</p>
        <Button variant="primary" onClick={onRetry}>
          Try again
        </Button>
      </Notice>
    </main>
  );
}

const SIGNED_OUT_NOTICE: Record<SignedOutReason, string | null> = {
  initial: null,
  'signed-out': 'You are signed out. See you soon.',
  expired: 'Your session ended. Sign in again to pick up where you left off.',
  'password-reset': null,
};

/** App pages: a signed-out visitor goes to sign-in, and comes back here afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, retry } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingScreen />;
  if (state.status === 'error') return <SessionProblem message={state.message} onRetry={retry} />;
  if (state.status === 'signed-out') {
    const here = `${location.pathname}${location.search}`;
    const next = state.reason === 'signed-out' ? null : here;
    return <Navigate to={withNext('/sign-in', next)} replace state={{ notice: SIGNED_OUT_NOTICE[state.reason] }} />;
  }
  return children;
}

/** Sign-in and registration: someone already signed in goes on to where they were heading. */
export function PublicOnly({ children }: { children: ReactNode }) {
  const { state, retry } = useSession();
  const [params] = useSearchParams();
  if (state.status === 'loading') return <LoadingScreen />;
  if (state.status === 'error') return <SessionProblem message={state.message} onRetry={retry} />;
  if (state.status === 'signed-in') {
    return <Navigate to={safeNext(params.get('next')) ?? landingFor(state.user.role)} replace />;
  }
  return children;
}

/** A page of some roles; everyone else sees "not found", as the page does not exist for them. */
export function RequireRole({ role, children }: { role: Role | readonly Role[]; children: ReactNode }) {
  const { state } = useSession();
  const allowed: readonly Role[] = typeof role === 'string' ? [role] : role;
  if (state.status !== 'signed-in' || !allowed.includes(state.user.role)) return <NotFoundPage />;
  return children;
}
