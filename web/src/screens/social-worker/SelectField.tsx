import type { SelectHTMLAttributes } from 'react';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> {
  id: string;
  label: string;
  options: { value: string; label: string }[];
  /** A first, empty choice ("Vælg ..."), when none is chosen yet. */
  placeholder?: string;
}

/** A labelled dkfds dropdown. */
export function SelectField({ id, label, options, placeholder, ...select }: SelectFieldProps) {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <select className="form-select" id={id} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
