import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { usePageTitle } from '../../lib/use-page-title';
import { landingFor } from '../auth/landing';
import { useSession } from '../auth/session';

/** What an address that leads nowhere shows, with one way back. */
export function NotFoundPage() {
  usePageTitle('Page not found');
  const { state } = useSession();
  const home = state.status === 'signed-in' ? landingFor(state.user.role) : '/sign-in';
  return (
    <div className="stack-lg">
      <PageHeader title="We can’t find that page" description="The address may have a typo, or the page may have moved." />
      <p>
        <Link to={home}>{state.status === 'signed-in' ? 'Go to your start page' : 'Go to sign in'}</Link>
      </p>
    </div>
  );
}
