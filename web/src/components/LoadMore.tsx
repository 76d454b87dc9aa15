import type { MoreOfList } from '../app/use-load';
import { Alert } from './Alert';
import { Button } from './Button';

/** The "Vis flere" button under a list, and why the last try failed (in Danish, by `describe`). */
export function LoadMore({ more, label, describe }: { more: MoreOfList; label: string; describe: (error: unknown) => string }) {
  return (
    <>
      {more.error !== null && <Alert kind="error">{describe(more.error)}</Alert>}
      {more.hasMore && (
        <Button variant="secondary" busy={more.busy} onClick={() => void more.load()}>
          {label}
        </Button>
      )}
    </>
  );
}
