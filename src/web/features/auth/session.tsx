import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { UserDto } from '../../../shared/contracts/users';
import { isApiError, messageOf, setUnauthenticatedHandler } from '../../lib/api';
import { authApi } from './auth-api';

/** Why nobody is signed in: never was (first visit), chose to sign out, or the session ended on the server. */
export type SignedOutReason = 'initial' | 'signed-out' | 'expired' | 'password-reset';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-in'; user: UserDto }
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'error'; message: string };

type SessionValue = {
  state: SessionState;
  signIn: (user: UserDto) => void;
  signOut: () => Promise<void>;
  markSignedOut: (reason: SignedOutReason) => void;
  updateUser: (user: UserDto) => void;
  retry: () => void;
};

const SessionContext = createContext<SessionValue | null>(null);

/** Knows who is signed in: asks GET /api/v1/me once, then follows sign-in, sign-out and expiry. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    authApi.me().then(
      (user) => current && setState({ status: 'signed-in', user }),
      (error: unknown) => {
        if (!current) return;
        if (isApiError(error, 'UNAUTHENTICATED')) setState({ status: 'signed-out', reason: 'initial' });
        else setState({ status: 'error', message: messageOf(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  useEffect(() => {
    setUnauthenticatedHandler(() =>
      setState((current) => (current.status === 'signed-in' ? { status: 'signed-out', reason: 'expired' } : current)),
    );
    return () => setUnauthenticatedHandler(undefined);
  }, []);

  const signIn = useCallback((user: UserDto) => setState({ status: 'signed-in', user }), []);
  const markSignedOut = useCallback((reason: SignedOutReason) => setState({ status: 'signed-out', reason }), []);
  const updateUser = useCallback(
    (user: UserDto) => setState((current) => (current.status === 'signed-in' ? { status: 'signed-in', user } : current)),
    [],
  );
  const signOut = useCallback(async () => {
    await authApi.logout();
    setState({ status: 'signed-out', reason: 'signed-out' });
  }, []);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, markSignedOut, updateUser, retry }), [state, signIn, signOut, markSignedOut, updateUser, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>.');
  return value;
}

/** For pages behind <RequireSession>: the signed-in user, guaranteed. */
export function useSignedInUser(): UserDto {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedInUser must be used behind <RequireSession>.');
  return state.user;
}
