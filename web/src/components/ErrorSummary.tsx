import { useEffect, useRef } from 'react';
import { common } from '../text/common';

export interface SummaryItem {
  /** The id of the field it concerns (a link moves focus there), if any. */
  fieldId?: string;
  text: string;
}

/** dkfds's error summary: above the form, focused when it appears so a screen reader reads it at once. */
export function ErrorSummary({ items }: { items: SummaryItem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length) ref.current?.focus();
  }, [items]);
  if (!items.length) return null;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-heading">
      <div className="alert-body">
        <p className="alert-heading" id="error-summary-heading">
          {common.errorSummaryHeading}
        </p>
        <ul className="alert-text nobullet-list">
          {items.map((item) => (
            <li key={`${item.fieldId ?? ''}${item.text}`}>{item.fieldId ? <a href={`#${item.fieldId}`}>{item.text}</a> : item.text}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
