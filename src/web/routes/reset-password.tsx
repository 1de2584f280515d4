import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { InvalidResetLink, ResetPasswordForm } from '../features/auth/reset-password-form';
import { tokenFromHash } from '../features/auth/reset-token';
import { usePageTitle } from '../lib/use-page-title';

export function ResetPasswordRoute() {
  usePageTitle('Choose a new password');
  // Read once, before the address bar is cleaned below.
  const [token] = useState(() => tokenFromHash(window.location.hash));

  useEffect(() => {
    // Keep the secret out of the address bar, history and anything that copies the URL.
    if (window.location.hash) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
    }
  }, []);

  return (
    <>
      <div className="auth-intro">
        <h1 tabIndex={-1}>Choose a new password</h1>
        <p className="muted">Pick something you have not used here before. Signing in with it will work everywhere straight away.</p>
      </div>
      {token === null ? (
        <div className="stack">
          <p>This page needs the link from your password-reset email. Open the link from the email, or ask for a new one.</p>
          <p>
            <Link to="/forgot-password">Ask for a new link</Link>
          </p>
        </div>
      ) : token === '' ? (
        <InvalidResetLink />
      ) : (
        <ResetPasswordForm token={token} />
      )}
      <div className="auth-links">
        <p>
          Remembered it? <Link to="/sign-in">Sign in</Link>
        </p>
      </div>
    </>
  );
}
