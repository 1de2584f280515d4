import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../components/ui/page-header';
import { ContactPending } from '../features/network/contact-missing';
import { ContactForm } from '../features/network/contact-form';
import { toFormValues } from '../features/network/contact-form-values';
import { contactsApi } from '../features/network/contacts-api';
import { useContact } from '../features/network/use-contact';
import { usePageTitle } from '../lib/use-page-title';

export function NetworkEditRoute() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { state, reload } = useContact(id);
  usePageTitle(state.status === 'ready' ? `Edit ${state.contact.displayName}` : 'Edit contact');
  if (state.status !== 'ready') return <ContactPending state={state} onRetry={() => void reload()} />;
  const { contact } = state;
  return (
    <>
      <PageHeader eyebrow="Network" title={`Edit ${contact.displayName}`} />
      <ContactForm
        key={contact.id}
        contact={contact}
        initialValues={toFormValues(contact)}
        submitLabel="Save changes"
        onSave={(body) => contactsApi.update(contact.id, body)}
        onSaved={(saved) => void navigate(`/network/${saved.id}`, { state: { notice: 'Your changes are saved.' } })}
        onCancel={() => void navigate(`/network/${contact.id}`)}
      />
    </>
  );
}
