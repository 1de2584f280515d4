import { useEffect } from 'react';

/**
 * A link to one item of a list (an appointment from an email): once the item is on the page (`shown`), the
 * element with this id is scrolled to the middle of the screen and takes the cursor.
 */
export function useFocusLinked(elementId: string | undefined, shown: boolean): void {
  useEffect(() => {
    if (!elementId || !shown) return;
    const element = document.getElementById(elementId);
    element?.scrollIntoView({ block: 'center' });
    element?.focus();
  }, [elementId, shown]);
}
