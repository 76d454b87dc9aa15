import type { SelectHTMLAttributes } from 'react';
import { FieldFrame } from './Field';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** [value, Danish label] pairs, e.g. Object.entries of a text file's labels. */
  options: readonly (readonly [value: string, label: string])[];
  /** A first option with the empty value ("Alle", "Vælg en virksomhed"). */
  empty?: string;
}

/** A labelled dkfds select, like Field: hint and error tied to it. */
export function SelectField({ id, label, hint, error, options, empty, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(described) => (
        <select className="form-select" id={id} {...described} {...select}>
          {empty !== undefined && <option value="">{empty}</option>}
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
