import { Link, useLocation, useSearchParams } from 'react-router';
import { Notice } from '../components/ui/notice';
import { noticeFrom, safeNext, withNext } from '../features/auth/landing';
import { SignInForm } from '../features/auth/sign-in-form';
import { usePageTitle } from '../lib/use-page-title';

export function SignInRoute() {
  usePageTitle('Sign in');
  const location = useLocation();
  const [params] = useSearchParams();
  const notice = noticeFrom(location.state);
  const next = safeNext(params.get('next'));
  return (
    <>
      <div className="auth-intro">
        <h1 tabIndex={-1}>Sign in</h1>
        <p className="muted">Welcome back. Pick up where you left off.</p>
      </div>
      {notice ? (
        <Notice tone="success" live="status">
          {notice}
        </Notice>
      ) : null}
      <SignInForm />
      <div className="auth-links">
        <Link to="/forgot-password">Forgot your password?</Link>
        <p>
          New to Rapport? <Link to={withNext('/register', next)}>Create an account</Link>
        </p>
      </div>
    </>
  );
}
