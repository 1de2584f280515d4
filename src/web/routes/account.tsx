import { PageHeader } from '../components/ui/page-header';
import { DevicesPanel } from '../features/account/devices-panel';
import { PasswordPanel } from '../features/account/password-panel';
import { ProfilePanel } from '../features/account/profile-panel';
import { usePageTitle } from '../lib/use-page-title';

export function AccountRoute() {
  usePageTitle('Account');
  return (
    <>
      <PageHeader title="Account" description="Your details and how you sign in." />
      <ProfilePanel />
      <PasswordPanel />
      <DevicesPanel />
    </>
  );
}
