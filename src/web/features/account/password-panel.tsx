import { useState } from 'react';
import { FormActions } from '../../components/ui/form-actions';
import { LiveStatus } from '../../components/ui/notice';
import { Panel } from '../../components/ui/panel';
import { PasswordField } from '../../components/ui/password-field';
import { useForm } from '../../lib/use-form';
import { checkNewPassword } from '../../lib/validators';
import { PasswordHint } from '../auth/password-hint';
import { useSignedInUser } from '../auth/session';
import { accountApi } from './account-api';

/** Changes the password after confirming the current one; other devices are signed out by the server. */
export function PasswordPanel() {
  const user = useSignedInUser();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: {
      currentPassword: (value) => (value === '' ? 'Enter your current password.' : null),
      newPassword: (value) => checkNewPassword(value, user.email),
    },
    onSubmit: async (values) => {
      setDone(null);
      await accountApi.changePassword(values.currentPassword, values.newPassword);
      form.reset();
      setDone('Your password is changed. Any other devices were signed out; this one stays signed in.');
    },
    // The policy names its field `password`; on this form that is the new one.
    mapError: (error) => {
      const weak = error.code === 'WEAK_PASSWORD' ? (error.issueFor('password') ?? error.message) : undefined;
      return weak ? { field: 'newPassword', message: weak } : undefined;
    },
  });
  return (
    <Panel title="Password" description="Use a phrase only you would think of. Changing it signs you out on other devices.">
      <form className="stack form-narrow" noValidate onSubmit={form.handleSubmit}>
        <PasswordField label="Current password" autoComplete="current-password" {...form.field('currentPassword')} />
        <PasswordField
          label="New password"
          autoComplete="new-password"
          hint={<PasswordHint value={form.values.newPassword} />}
          {...form.field('newPassword')}
        />
        <FormActions form={form} label="Change password" busyLabel="Changing…" />
      </form>
      <LiveStatus message={done} />
    </Panel>
  );
}
