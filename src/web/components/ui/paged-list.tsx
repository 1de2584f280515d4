import { Button } from './button';
import { FormError } from './form-error';

type LoadState = { status: 'loading' | 'ready' | 'error'; error: string | null; reload: () => Promise<void> };
type MoreState = { nextCursor: string | null; loadingMore: boolean; loadMore: () => Promise<void> };

/** Why a paginated list could not load, with a way to ask again; nothing while it is fine. */
export function ListLoadError({ list }: { list: LoadState }) {
  return list.status === 'error' ? (
    <FormError message={list.error}>
      <Button onClick={() => void list.reload()}>Try again</Button>
    </FormError>
  ) : null;
}

/** "Show more" under a paginated list while the server says there is a next page. */
export function ShowMore({ list }: { list: MoreState }) {
  return list.nextCursor ? (
    <div className="list-footer">
      <Button busy={list.loadingMore} onClick={() => void list.loadMore()}>
        {list.loadingMore ? 'Loading…' : 'Show more'}
      </Button>
    </div>
  ) : null;
}
