import { ROLES, type AdminUserDto, type Role } from '../../../shared/contracts/users';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { FormError } from '../../components/ui/form-error';
import { PasswordField } from '../../components/ui/password-field';
import { SelectField } from '../../components/ui/select-field';
import { TextField } from '../../components/ui/text-field';
import { useForm } from '../../lib/use-form';
import { checkEmail, checkName, checkNewPassword } from '../../lib/validators';
import { checkProgram, programValue, takesProgram } from '../account/program';
import { ROLE_LABELS } from '../account/role-labels';
import { PasswordHint } from '../auth/password-hint';
import { usersApi } from './users-api';

// Staff first: students usually register themselves; advisors and alumni are the accounts an office adds.
const ROLE_ORDER: readonly Role[] = ['advisor', 'alumni', 'student', 'admin'];
const ROLE_OPTIONS = ROLE_ORDER.filter((role) => ROLES.includes(role)).map((role) => ({ value: role, label: ROLE_LABELS[role] }));

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function AddUserForm({ onCreated, onCancel }: { onCreated: (user: AdminUserDto) => void; onCancel: () => void }) {
  const form = useForm({
    initialValues: { email: '', name: '', role: 'advisor', program: '', password: '' },
    validate: {
      email: checkEmail,
      name: (value) => (value.trim() === '' ? 'Enter their name.' : checkName(value)),
      role: (value) => (isRole(value) ? null : 'Choose a role.'),
      // Only asked for students and alumni; a value typed before switching to a staff role is not sent.
      program: (value, values) => (takesProgram(values.role) ? checkProgram(value) : null),
      password: (value, values) => checkNewPassword(value, values.email),
    },
    onSubmit: async ({ email, name, role, program, password }) => {
      if (!isRole(role)) return;
      const chosen = takesProgram(role) ? programValue(program) : null;
      onCreated(await usersApi.create({ email, name, role, password, ...(chosen ? { program: chosen } : {}) }));
    },
    mapError: (error) => (error.code === 'EMAIL_TAKEN' ? { field: 'email', message: 'An account with this email already exists. Search for it in the list.' } : undefined),
  });
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit}>
      <TextField label="Email" type="email" autoComplete="off" inputMode="email" autoCapitalize="none" {...form.field('email')} />
      <TextField label="Name" autoComplete="off" {...form.field('name')} />
      <SelectField label="Role" options={ROLE_OPTIONS} hint="Advisors see their own appointments; admins run the office." {...form.field('role')} />
      {takesProgram(form.values.role) ? (
        <TextField
          label="Program (optional)"
          autoComplete="off"
          hint="Like “BA Economics, class of 2027”. Advisors see it next to their name; they can change it under Account."
          {...form.field('program')}
        />
      ) : null}
      <PasswordField
        label="Initial password"
        autoComplete="new-password"
        hint={
          <>
            <PasswordHint value={form.values.password} /> Share it privately; they can change it under Account.
          </>
        }
        {...form.field('password')}
      />
      <FormError message={form.formError} />
      <div className="button-row button-row--end">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? 'Adding…' : 'Add account'}
        </Button>
      </div>
    </form>
  );
}

/** "Add account": an account of any role, with an initial password the admin passes on. */
export function AddUserDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (user: AdminUserDto) => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Add account" description="For advisors, alumni and staff. Students can also register themselves.">
      <AddUserForm onCreated={onCreated} onCancel={onClose} />
    </Dialog>
  );
}
