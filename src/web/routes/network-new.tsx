import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../components/ui/page-header';
import { ContactForm } from '../features/network/contact-form';
import { EMPTY_CONTACT } from '../features/network/contact-form-values';
import { contactsApi } from '../features/network/contacts-api';
import { usePageTitle } from '../lib/use-page-title';

export function NetworkNewRoute() {
  usePageTitle('Add someone');
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        eyebrow="Network"
        title="Add someone"
        description={
          <>
            Only a first name is needed; add the rest when you know it. Many people at once? <Link to="/network/import">Import them</Link>.
          </>
        }
      />
      <ContactForm
        initialValues={EMPTY_CONTACT}
        submitLabel="Add to my network"
        onSave={(body) => contactsApi.create(body)}
        onSaved={(contact) => void navigate(`/network/${contact.id}`, { state: { notice: `${contact.displayName} is in your network.` } })}
        onCancel={() => void navigate('/network')}
      />
    </>
  );
}
