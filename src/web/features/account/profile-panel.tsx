import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { FormError } from '../../components/ui/form-error';
import { LiveStatus } from '../../components/ui/notice';
import { Panel } from '../../components/ui/panel';
import { TextField } from '../../components/ui/text-field';
import { formatDate } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import { checkName } from '../../lib/validators';
import { useSession, useSignedInUser } from '../auth/session';
import { accountApi } from './account-api';
import { ProgramForm } from './program-form';
import { takesProgram } from './program';
import { ROLE_LABELS } from './role-labels';
import './account.css';

/**
 * Who you are in Rapport: the name others see (editable), the email you sign in with, your role, and for students
 * and alumni the program advisors see. Staff see the program only when theirs is set, so they can clear it.
 */
export function ProfilePanel() {
  const user = useSignedInUser();
  const { updateUser } = useSession();
  const [saved, setSaved] = useState<string | null>(null);
  // Decided once: clearing a staff member's program must not remove the form (and its message) under the cursor.
  const [showProgram] = useState(() => takesProgram(user.role) || user.program !== null);
  const form = useForm({
    initialValues: { name: user.name },
    validate: { name: checkName },
    onSubmit: async (values) => {
      setSaved(null);
      const updated = await accountApi.rename(values.name);
      updateUser(updated);
      form.reset({ name: updated.name });
      setSaved('Your name is saved.');
    },
  });
  return (
    <Panel title="Your details" description="Advisors and alumni see your name when you write to them or book time.">
      <dl className="detail-list">
        <div>
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
        </div>
        <div>
          <dt>Member since</dt>
          <dd>{formatDate(user.createdAt)}</dd>
        </div>
      </dl>
      <form className="inline-form" noValidate onSubmit={form.handleSubmit}>
        <TextField label="Name" autoComplete="name" {...form.field('name')} />
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? 'Saving…' : 'Save name'}
        </Button>
      </form>
      <FormError message={form.formError} />
      <LiveStatus message={saved} />
      {showProgram ? <ProgramForm /> : null}
    </Panel>
  );
}
