import { useEffect, useRef } from 'react';

/**
 * Calls `refresh` when the tab is shown again and every `everyMs` while it is visible, so a page left open
 * (the advisor's agenda between meetings) shows what changed meanwhile without anyone pressing Refresh.
 * A hidden tab asks nothing.
 */
export function useAutoRefresh(refresh: () => void, everyMs: number): void {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  }, [refresh]);

  useEffect(() => {
    const whenVisible = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    const timer = window.setInterval(whenVisible, everyMs);
    document.addEventListener('visibilitychange', whenVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', whenVisible);
    };
  }, [everyMs]);
}
