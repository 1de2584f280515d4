import { useCallback, useEffect, useState } from 'react';
import type { ContactDto } from '../../../shared/contracts/contacts';
import { isApiError, messageOf } from '../../lib/api';
import { contactsApi } from './contacts-api';

export type ContactState = { status: 'loading' } | { status: 'missing' } | { status: 'error'; message: string } | { status: 'ready'; contact: ContactDto };

/** One contact by id: loading, not found (someone else's, or deleted), an error, or the contact. */
export function useContact(id: string) {
  const [state, setState] = useState<ContactState>({ status: 'loading' });
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', contact: await contactsApi.get(id) });
    } catch (error) {
      setState(isApiError(error, 'NOT_FOUND') || isApiError(error, 'VALIDATION_FAILED') ? { status: 'missing' } : { status: 'error', message: messageOf(error) });
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  /** Puts a contact the server sent back (after a change) in place without asking again. */
  const set = useCallback((contact: ContactDto) => setState({ status: 'ready', contact }), []);
  return { state, reload: load, set };
}
