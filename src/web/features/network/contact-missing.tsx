import { Link } from 'react-router';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { FormError } from '../../components/ui/form-error';
import { PageHeader } from '../../components/ui/page-header';
import type { ContactState } from './use-contact';

/** What a contact page shows until the contact is there: loading, not found, or an error with a retry. */
export function ContactPending({ state, onRetry }: { state: Exclude<ContactState, { status: 'ready' }>; onRetry: () => void }) {
  if (state.status === 'loading') {
    return (
      <p className="list-summary" role="status">
        Loading…
      </p>
    );
  }
  if (state.status === 'missing') {
    return (
      <>
        <PageHeader title="We can’t find this person" />
        <EmptyState title="They may have been deleted" action={<Link to="/network">Back to your network</Link>}>
          The link may be old, or the contact was removed from your network.
        </EmptyState>
      </>
    );
  }
  return (
    <FormError message={state.message}>
      <Button onClick={onRetry}>Try again</Button>
    </FormError>
  );
}
