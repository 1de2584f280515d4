import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { DuplicateGroup } from '../../shared/contracts/network-tools';
import { Button } from '../components/ui/button';
import { EmptyState } from '../components/ui/empty-state';
import { FormError } from '../components/ui/form-error';
import { LiveStatus } from '../components/ui/notice';
import { PageHeader } from '../components/ui/page-header';
import { DuplicateGroupCard } from '../features/network/duplicates/duplicate-group';
import { toolsApi } from '../features/network/tools-api';
import { messageOf } from '../lib/api';
import { plural } from '../lib/format';
import { usePageTitle } from '../lib/use-page-title';
import '../features/network/duplicates/duplicates.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; groups: DuplicateGroup[]; truncated: boolean };

export function NetworkDuplicatesRoute() {
  usePageTitle('Duplicates');
  const [state, setState] = useState<State>({ status: 'loading' });
  const [status, setStatus] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const answer = await toolsApi.duplicates();
      setState({ status: 'ready', ...answer });
    } catch (error) {
      setState({ status: 'error', message: messageOf(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <PageHeader
        eyebrow="Network"
        title="Duplicates"
        description="People who seem to be in your network twice. Merging keeps one, with everything you logged about both."
        actions={
          <Link className="button button--secondary" to="/network">
            Back to network
          </Link>
        }
      />
      <LiveStatus message={status} />
      {state.status === 'loading' ? (
        <p className="list-summary" role="status">
          Looking for duplicates…
        </p>
      ) : null}
      {state.status === 'error' ? (
        <FormError message={state.message}>
          <Button onClick={() => void load()}>Try again</Button>
        </FormError>
      ) : null}
      {state.status === 'ready' && state.groups.length === 0 ? (
        <EmptyState title="No duplicates" action={<Link to="/network">Back to your network</Link>}>
          Everyone is in your network once. We look for the same email, the same LinkedIn profile, or the same name at one organisation.
        </EmptyState>
      ) : null}
      {state.status === 'ready' && state.groups.length > 0 ? (
        <>
          <p className="list-summary">
            {`${plural(state.groups.length, 'group')} to look at${state.truncated ? ' (more appear once you merge these)' : ''}.`}
          </p>
          {state.groups.map((group) => (
            <DuplicateGroupCard
              key={`${group.reason}|${group.key}|${group.contacts.map((contact) => contact.id).join(',')}`}
              group={group}
              onMerged={(kept, merged) => {
                setStatus(`Merged ${plural(merged, 'contact')} into ${kept.displayName}.`);
                void load();
              }}
            />
          ))}
        </>
      ) : null}
    </>
  );
}
