/** What another page hands over after deleting someone, so the list offers the undo. */
export type DeletedState = { deleted?: { ids: string[]; message: string } };

/** The handed-over deletion in a history state, if there is one. */
export function deletedFrom(state: unknown): { ids: string[]; message: string } | null {
  const deleted = (state as DeletedState | null)?.deleted;
  return deleted && Array.isArray(deleted.ids) && typeof deleted.message === 'string' ? deleted : null;
}
