import type { ReactNode } from 'react';

/** A dkfds alert; `error` and `warning` are announced at once (role="alert"), the others politely. */
export function Alert({ kind = 'info', heading, children }: { kind?: 'info' | 'success' | 'warning' | 'error'; heading?: string; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' || kind === 'warning' ? 'alert' : 'status'}>
      <div className="alert-body">
        {heading && <p className="alert-heading">{heading}</p>}
        <div className="alert-text">{children}</div>
      </div>
    </div>
  );
}
