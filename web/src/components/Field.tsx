import type { InputHTMLAttributes, ReactNode } from 'react';

interface FrameProps {
  id: string;
  label: string;
  hint?: string;
  /** The Danish sentence of what is wrong with the value; shown at the field and tied to it (aria-describedby). */
  error?: string;
  children: (control: { 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}

/** The dkfds frame every form control sits in: its label, hint and error, tied to the control. */
export function FieldFrame({ id, label, hint, error, children }: FrameProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="sr-only">Fejl: </span>
          {error}
        </span>
      )}
      {children({ 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
    </div>
  );
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

/** A labelled dkfds text field with an optional hint and error. */
export function Field({ id, label, hint, error, ...input }: FieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(described) => <input className="form-input" id={id} {...described} {...input} />}
    </FieldFrame>
  );
}
