/**
 * Whether a pointer (mouse button, finger, pen) is pressed right now. Listened for once, on the capture phase,
 * so it is known before any blur that the press causes.
 */
let pressed = false;
let waiting: (() => void)[] = [];

if (typeof document !== 'undefined') {
  document.addEventListener('pointerdown', () => (pressed = true), true);
  const release = () => {
    pressed = false;
    const run = waiting;
    waiting = [];
    // After the click that this release completes, which the browser dispatches in the same task.
    if (run.length > 0) setTimeout(() => run.forEach((action) => action()), 0);
  };
  document.addEventListener('pointerup', release, true);
  document.addEventListener('pointercancel', release, true);
}

/**
 * Runs `action` now, or once the pressed pointer is released and its click has landed. A message that appears
 * when a field is left moves what is below it; shown mid-click, it would pull the button away from under the
 * pointer and the click ("Save", "Add hours") would be lost.
 */
export function afterPointerRelease(action: () => void): void {
  if (pressed) waiting.push(action);
  else action();
}
