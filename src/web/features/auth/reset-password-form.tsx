import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../components/ui/button';
import { FormError } from '../../components/ui/form-error';
import { Notice } from '../../components/ui/notice';
import { PasswordField } from '../../components/ui/password-field';
import { ApiError } from '../../lib/api';
import { useForm } from '../../lib/use-form';
import { checkNewPassword } from '../../lib/validators';
import { authApi } from './auth-api';
import { PasswordHint } from './password-hint';
import { useSession } from './session';

/** Explains a reset link that no longer works and offers the way to a fresh one. */
export function InvalidResetLink() {
  return (
    <Notice tone="warning" title="This reset link no longer works" live="alert">
      <p>Reset links work once and only for a short time, so this one has expired or was already used. Your password has not changed.</p>
      <p>
        <Link to="/forgot-password">Ask for a new link</Link>
      </p>
    </Notice>
  );
}

/** Sets a new password with the token from the email link, then sends the person to sign in. */
export function ResetPasswordForm({ token }: { token: string }) {
  const navigate = useNavigate();
  const { markSignedOut } = useSession();
  const [linkInvalid, setLinkInvalid] = useState(false);
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (value) => checkNewPassword(value) },
    onSubmit: async (values) => {
      try {
        await authApi.confirmReset(token, values.password);
      } catch (error) {
        // A token the server does not know, or one too mangled to check: either way the link is spent.
        if (error instanceof ApiError && (error.code === 'INVALID_RESET_TOKEN' || error.issueFor('token') !== undefined)) {
          setLinkInvalid(true);
          return;
        }
        throw error;
      }
      // The server ended every session of the account, this browser's included.
      markSignedOut('password-reset');
      navigate('/sign-in', { replace: true, state: { notice: 'Your new password is saved. Sign in with it now.' } });
    },
  });
  if (linkInvalid) return <InvalidResetLink />;
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit}>
      <PasswordField label="New password" autoComplete="new-password" hint={<PasswordHint value={form.values.password} />} {...form.field('password')} />
      <FormError message={form.formError} />
      <Button type="submit" variant="primary" block busy={form.submitting}>
        {form.submitting ? 'Saving…' : 'Save new password'}
      </Button>
    </form>
  );
}
