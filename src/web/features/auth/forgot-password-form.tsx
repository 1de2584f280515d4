import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import { FormError } from '../../components/ui/form-error';
import { LiveStatus } from '../../components/ui/notice';
import { TextField } from '../../components/ui/text-field';
import { useForm } from '../../lib/use-form';
import { checkEmail } from '../../lib/validators';
import { authApi } from './auth-api';

const SENT = 'If an account exists for that email, we sent a link to choose a new password. It works once and expires soon, so use it today. Check your spam folder if it does not arrive in a few minutes.';

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function ForgotPasswordForm() {
  const [sent, setSent] = useState(false);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: checkEmail },
    onSubmit: async (values) => {
      await authApi.requestReset(values.email);
      setSent(true);
    },
  });
  return (
    <div className="stack">
      <LiveStatus message={sent ? SENT : null} />
      {sent ? (
        <div className="button-row">
          <Link to="/sign-in">Back to sign in</Link>
          <Button
            variant="quiet"
            onClick={() => {
              setSent(false);
              form.reset();
            }}
          >
            Use a different email
          </Button>
        </div>
      ) : (
        <form className="stack" noValidate onSubmit={form.handleSubmit}>
          <TextField label="Email" type="email" autoComplete="email" inputMode="email" autoCapitalize="none" {...form.field('email')} />
          <FormError message={form.formError} />
          <Button type="submit" variant="primary" block busy={form.submitting}>
            {form.submitting ? 'Sending…' : 'Send me a link'}
          </Button>
        </form>
      )}
    </div>
  );
}
