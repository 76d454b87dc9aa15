/** One line of the comparison: its label, what was typed, and the same of each registered person. */
export type ComparisonRow<T> = readonly [label: string, entered: string, of: (registered: T) => string];

interface Props<T extends { id: string }> {
  caption: string;
  enteredHeading: string;
  /** The column heading of the n-th registered person (n only when there are several). */
  registeredHeading: (n: number | null) => string;
  rows: readonly ComparisonRow<T>[];
  registered: readonly T[];
}

/**
 * What was typed beside each person already registered who may be the same (409 possible_duplicate),
 * so the member of staff compares them line by line before choosing.
 */
export function DuplicateComparison<T extends { id: string }>({ caption, enteredHeading, registeredHeading, rows, registered }: Props<T>) {
  return (
    <table className="table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{enteredHeading}</th>
          {registered.map((r, i) => (
            <th scope="col" key={r.id}>
              {registeredHeading(registered.length > 1 ? i + 1 : null)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, entered, of]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{entered}</td>
            {registered.map((r) => (
              <td key={r.id}>{of(r)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
