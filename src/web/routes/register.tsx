import { Link, useSearchParams } from 'react-router';
import { safeNext, withNext } from '../features/auth/landing';
import { RegisterForm } from '../features/auth/register-form';
import { usePageTitle } from '../lib/use-page-title';

export function RegisterRoute() {
  usePageTitle('Create your account');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  return (
    <>
      <div className="auth-intro">
        <h1 tabIndex={-1}>Create your account</h1>
        <p className="muted">Keep track of the people you meet and what to do next. It takes a minute.</p>
      </div>
      <RegisterForm />
      <div className="auth-links">
        <p>
          Already have an account? <Link to={withNext('/sign-in', next)}>Sign in</Link>
        </p>
      </div>
    </>
  );
}
