import { useCallback, useEffect, useRef, useState } from 'react';
import { contactsApi, type ContactSummary } from './contacts-api';

/** The tab counts and the due badge; `reload` after anything that adds, moves or removes contacts. */
export function useContactSummary() {
  const [summary, setSummary] = useState<ContactSummary | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const next = await contactsApi.summary();
      if (mine === generation.current) setSummary(next);
    } catch {
      // The counts are a convenience: the list below reports its own errors.
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { summary, reload };
}
