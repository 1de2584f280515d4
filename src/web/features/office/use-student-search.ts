import { useEffect, useState } from 'react';
import { messageOf } from '../../lib/api';
import { auditApi, type StudentMatches } from './audit-api';

export type StudentSearch =
  | { status: 'idle' }
  | { status: 'loading' }
  | ({ status: 'ready' } & StudentMatches)
  | { status: 'error'; message: string };

/** Students and alumni matching `q` (already debounced); an earlier question still on its way is abandoned. */
export function useStudentSearch(q: string): StudentSearch {
  const [state, setState] = useState<StudentSearch>({ status: 'idle' });
  useEffect(() => {
    if (q === '') {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    auditApi.findStudents(q, controller.signal).then(
      (matches) => setState({ status: 'ready', ...matches }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: messageOf(error) });
      },
    );
    return () => controller.abort();
  }, [q]);
  return state;
}
