import { useEffect } from 'react';

/** Sets the tab title the way every page names itself: "Sign in · Rapport". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Rapport`;
  }, [title]);
}
