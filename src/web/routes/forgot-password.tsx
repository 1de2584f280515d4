import { Link } from 'react-router';
import { ForgotPasswordForm } from '../features/auth/forgot-password-form';
import { usePageTitle } from '../lib/use-page-title';

export function ForgotPasswordRoute() {
  usePageTitle('Reset your password');
  return (
    <>
      <div className="auth-intro">
        <h1 tabIndex={-1}>Reset your password</h1>
        <p className="muted">Enter the email you use for Rapport and we will send you a link to choose a new password.</p>
      </div>
      <ForgotPasswordForm />
      <div className="auth-links">
        <p>
          Remembered it? <Link to="/sign-in">Sign in</Link>
        </p>
      </div>
    </>
  );
}
