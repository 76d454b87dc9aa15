import type { ButtonHTMLAttributes } from 'react';

/** A dkfds button; `busy` disables it and says so to screen readers. */
export function Button({ variant = 'primary', busy, type = 'button', children, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'tertiary'; busy?: boolean }) {
  return (
    <button type={type} className={`button button-${variant}`} disabled={busy || rest.disabled} aria-busy={busy || undefined} {...rest}>
      {children}
    </button>
  );
}
