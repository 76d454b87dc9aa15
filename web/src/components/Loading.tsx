import { common } from '../text/common';

/** While something loads: a dkfds spinner with its text for screen readers. */
export function Loading({ text = common.loading }: { text?: string }) {
  return (
    <div className="spinner-box" role="status">
      <div className="spinner" aria-hidden="true" />
      <div className="spinner-status">{text}</div>
    </div>
  );
}

/** When a list or search has nothing to show. */
export function Empty({ text = common.empty }: { text?: string }) {
  return <p className="empty-state">{text}</p>;
}
