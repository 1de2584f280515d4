import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { Button } from '../components/ui/button';
import { Dialog } from '../components/ui/dialog';

/**
 * Nothing typed is lost by accident: while `dirty`, leaving for another page in the app asks first, and
 * closing or reloading the tab gets the browser's own question. Call `allowLeave()` just before moving on
 * after a save. Render the returned element somewhere in the page.
 */
export function useUnsavedChanges(dirty: boolean) {
  const allowed = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !allowed.current && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!dirty) return;
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (allowed.current) return;
      event.preventDefault();
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const prompt = (
    <Dialog
      open={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Leave without saving?"
      description="What you changed on this page has not been saved yet."
    >
      <div className="button-row button-row--end">
        <Button variant="danger" onClick={() => blocker.proceed?.()}>
          Leave and discard
        </Button>
        <Button variant="primary" data-autofocus onClick={() => blocker.reset?.()}>
          Keep editing
        </Button>
      </div>
    </Dialog>
  );

  return {
    prompt,
    allowLeave: () => {
      allowed.current = true;
    },
  };
}
