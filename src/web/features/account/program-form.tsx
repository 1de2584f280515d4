import { useState } from 'react';
import type { Role } from '../../../shared/contracts/users';
import { Button } from '../../components/ui/button';
import { FormError } from '../../components/ui/form-error';
import { LiveStatus } from '../../components/ui/notice';
import { TextField } from '../../components/ui/text-field';
import { messageOf } from '../../lib/api';
import { useForm } from '../../lib/use-form';
import { useSession, useSignedInUser } from '../auth/session';
import { accountApi } from './account-api';
import { checkProgram, programValue, takesProgram } from './program';

const HINTS: Record<'student' | 'alumni' | 'staff', string> = {
  student: 'Your course and year, like “BA Economics, class of 2027”. Advisors see it next to your name when you book time with them, so they can prepare.',
  alumni: 'What you studied, like “BA Economics, class of 2019”. Advisors see it next to your name when you book time with them.',
  staff: 'Advisors see the program of the students and alumni they meet. Yours only shows in the office’s list of accounts; clear it if it does not fit.',
};

const hintFor = (role: Role) => (role === 'student' || role === 'alumni' ? HINTS[role] : HINTS.staff);

function savedMessage(role: Role, program: string | null): string {
  if (program === null) return takesProgram(role) ? 'Your program is cleared. Advisors will see only your name.' : 'Your program is cleared.';
  return takesProgram(role) ? `Your program is saved. Advisors will see “${program}” next to your name.` : 'Your program is saved.';
}

/** The program of study: set, changed or cleared on its own, so a half-typed name is not saved with it. */
export function ProgramForm() {
  const user = useSignedInUser();
  const { updateUser } = useSession();
  const [saved, setSaved] = useState<string | null>(null);
  const [clearing, setClearing] = useState(false);
  const [clearError, setClearError] = useState<string | null>(null);

  const form = useForm({
    initialValues: { program: user.program ?? '' },
    validate: { program: checkProgram },
    onSubmit: async (values) => {
      setSaved(null);
      setClearError(null);
      const updated = await accountApi.setProgram(programValue(values.program));
      updateUser(updated);
      form.reset({ program: updated.program ?? '' });
      setSaved(savedMessage(updated.role, updated.program));
    },
  });

  async function clear() {
    setSaved(null);
    setClearError(null);
    setClearing(true);
    try {
      const updated = await accountApi.setProgram(null);
      updateUser(updated);
      form.reset({ program: '' });
      setSaved(savedMessage(updated.role, null));
      // The button that had the cursor is gone; the empty field is where a new program would go.
      requestAnimationFrame(() => document.getElementById(form.idOf('program'))?.focus());
    } catch (error) {
      setClearError(messageOf(error));
    } finally {
      setClearing(false);
    }
  }

  return (
    <form className="stack program-form" noValidate aria-label="Program" onSubmit={form.handleSubmit}>
      <TextField label="Program (optional)" autoComplete="off" hint={hintFor(user.role)} {...form.field('program')} />
      <FormError message={form.formError ?? clearError} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? 'Saving…' : 'Save program'}
        </Button>
        {user.program !== null ? (
          <Button variant="quiet" busy={clearing} onClick={() => void clear()}>
            {clearing ? 'Clearing…' : 'Clear program'}
          </Button>
        ) : null}
      </div>
      <LiveStatus message={saved} />
    </form>
  );
}
