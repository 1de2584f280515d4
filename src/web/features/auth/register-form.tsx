import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import { FormError } from '../../components/ui/form-error';
import { PasswordField } from '../../components/ui/password-field';
import { TextField } from '../../components/ui/text-field';
import { useForm } from '../../lib/use-form';
import { checkEmail, checkName, checkNewPassword } from '../../lib/validators';
import { authApi } from './auth-api';
import { PasswordHint } from './password-hint';
import { useSession } from './session';

/** A new student account: name, email, password; signed in straight away. */
export function RegisterForm() {
  const { signIn } = useSession();
  const form = useForm({
    initialValues: { name: '', email: '', password: '' },
    validate: { name: checkName, email: checkEmail, password: (value, values) => checkNewPassword(value, values.email) },
    onSubmit: async (values) => signIn(await authApi.register(values)),
    mapError: (error) => (error.code === 'EMAIL_TAKEN' ? { field: 'email', message: error.message } : undefined),
  });
  const email = form.field('email');
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit}>
      <TextField label="Your name" autoComplete="name" hint="As you would like advisors and alumni to see it." {...form.field('name')} />
      <TextField label="Email" type="email" autoComplete="email" inputMode="email" autoCapitalize="none" hint="Your university email works best." {...email} />
      {form.fieldErrorCode('email') === 'EMAIL_TAKEN' ? (
        <p className="muted">
          <Link to="/sign-in">Sign in instead</Link> or <Link to="/forgot-password">reset your password</Link>.
        </p>
      ) : null}
      <PasswordField label="Password" autoComplete="new-password" hint={<PasswordHint value={form.values.password} />} {...form.field('password')} />
      <FormError message={form.formError} />
      <Button type="submit" variant="primary" block busy={form.submitting}>
        {form.submitting ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  );
}
