import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import { FormError } from '../../components/ui/form-error';
import { PasswordField } from '../../components/ui/password-field';
import { TextField } from '../../components/ui/text-field';
import { useForm } from '../../lib/use-form';
import { checkEmail, checkPasswordPresent } from '../../lib/validators';
import { authApi } from './auth-api';
import { useSession } from './session';

/** Email and password; on success the session changes and the page moves on by itself. */
export function SignInForm() {
  const { signIn } = useSession();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: checkEmail, password: checkPasswordPresent },
    onSubmit: async (values) => signIn(await authApi.login(values)),
    mapError: (error) => {
      if (error.code === 'INVALID_CREDENTIALS') {
        return { message: 'That email and password do not match. Check both and try again, or reset your password.' };
      }
      return undefined;
    },
  });
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit}>
      <TextField label="Email" type="email" autoComplete="username" inputMode="email" autoCapitalize="none" {...form.field('email')} />
      <PasswordField label="Password" autoComplete="current-password" {...form.field('password')} />
      <FormError message={form.formError}>
        {form.formErrorCode === 'INVALID_CREDENTIALS' || form.formErrorCode === 'TOO_MANY_ATTEMPTS' ? (
          <p>
            <Link to="/forgot-password">Reset your password</Link>
          </p>
        ) : null}
      </FormError>
      <Button type="submit" variant="primary" block busy={form.submitting}>
        {form.submitting ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
