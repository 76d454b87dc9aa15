import { type FormEvent, type ReactNode, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Empty, Loading } from '../../components/Loading';
import { planSetup } from '../../text/plan-setup';
import { useLoad } from '../../app/use-load';
import { failureText, isStale } from './plan-setup-api';
import { StaleNotice } from './StaleNotice';

/** What a plan's housing areas and organisations share: a name and a version to edit against. */
interface NamedItem {
  id: string;
  name: string;
  version: number;
}

interface ItemsText {
  whoAdds: string;
  empty: string;
  caption: string;
  name: string;
  actions: string;
  editLegend: (name: string) => string;
  saved: (name: string) => string;
  addLegend: string;
  add: string;
  added: (name: string) => string;
}

/** The one field besides the name: its column in the list and its control in the form. */
export interface SecondField<T extends NamedItem, V> {
  /** The end of its control's id ("eligible", "kind"). */
  idSuffix: string;
  header: string;
  cell: (item: T) => ReactNode;
  initial: (item?: T) => V;
  /** A Danish sentence when the value cannot be sent as it is. */
  problem?: (value: V) => string | undefined;
  control: (props: { id: string; value: V; error?: string; onChange: (value: V) => void }) => ReactNode;
}

interface SectionProps<T extends NamedItem, V> {
  planId: string;
  asAdmin: boolean;
  /** Prefix of the form fields' ids ("area", "organisation"). */
  idPrefix: string;
  text: ItemsText;
  load: () => Promise<T[]>;
  second: SecondField<T, V>;
  add: (body: { name: string; value: V }, key: string) => Promise<T>;
  update: (item: T, body: { name: string; value: V }) => Promise<T>;
}

/**
 * A plan's housing areas or organisations: the list, an edit of one (sent with the version it was
 * read at, so someone else's save is never overwritten), and for the admin the form that adds one.
 */
export function NamedItemsSection<T extends NamedItem, V>({ planId, asAdmin, idPrefix, text, load, second, add, update }: SectionProps<T, V>) {
  const [round, setRound] = useState(0);
  const [loaded, replace] = useLoad<T[]>(`${planId}:${round}`, load);
  const [editing, setEditing] = useState<T | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reload = () => {
    setEditing(null);
    setRound((r) => r + 1);
  };
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <Alert kind="error">{failureText(loaded.error)}</Alert>;
  const items = loaded.data;
  return (
    <>
      {!asAdmin && <Alert kind="info">{text.whoAdds}</Alert>}
      <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
      {items.length === 0 ? (
        <Empty text={text.empty} />
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--zebra">
            <caption className="sr-only">{text.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.name}</th>
                <th scope="col">{second.header}</th>
                <th scope="col">{text.actions}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.name}</th>
                  <td>{second.cell(item)}</td>
                  <td>
                    <Button variant="tertiary" onClick={() => { setDone(null); setEditing(item); }}>
                      {planSetup.edit(item.name)}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <NamedItemForm
          key={`${editing.id}-${editing.version}`}
          idPrefix={`${idPrefix}-edit`}
          legend={text.editLegend(editing.name)}
          submitLabel={planSetup.save}
          nameLabel={text.name}
          initialName={editing.name}
          second={second}
          initialValue={second.initial(editing)}
          onCancel={() => setEditing(null)}
          onReload={reload}
          send={(body) => update(editing, body)}
          onDone={(saved) => {
            replace(items.map((i) => (i.id === saved.id ? saved : i)));
            setEditing(null);
            setDone(text.saved(saved.name));
          }}
        />
      )}
      {asAdmin && (
        <NamedItemForm
          idPrefix={`${idPrefix}-add`}
          legend={text.addLegend}
          submitLabel={text.add}
          nameLabel={text.name}
          initialName=""
          second={second}
          initialValue={second.initial()}
          fresh
          send={add}
          onDone={(added) => {
            replace([...items, added]);
            setDone(text.added(added.name));
          }}
        />
      )}
    </>
  );
}

interface FormProps<T extends NamedItem, V> {
  idPrefix: string;
  legend: string;
  submitLabel: string;
  nameLabel: string;
  initialName: string;
  second: SecondField<T, V>;
  initialValue: V;
  /** An add form: emptied after each success, with a new Idempotency-Key. */
  fresh?: boolean;
  send: (body: { name: string; value: V }, key: string) => Promise<T>;
  onDone: (item: T) => void;
  onCancel?: () => void;
  onReload?: () => void;
}

function NamedItemForm<T extends NamedItem, V>({ idPrefix, legend, submitLabel, nameLabel, initialName, second, initialValue, fresh, send, onDone, onCancel, onReload }: FormProps<T, V>) {
  const [name, setName] = useState(initialName);
  const [value, setValue] = useState<V>(initialValue);
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const nameId = `${idPrefix}-name`;
  const valueId = `${idPrefix}-${second.idSuffix}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    const problems: SummaryItem[] = [];
    if (!trimmed) problems.push({ fieldId: nameId, text: planSetup.required(nameLabel) });
    const valueProblem = second.problem?.(value);
    if (valueProblem) problems.push({ fieldId: valueId, text: valueProblem });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      onDone(await send({ name: trimmed, value }, key));
      if (fresh) {
        setName('');
        setValue(initialValue);
        setKey(crypto.randomUUID());
      }
    } catch (error) {
      if (isStale(error) && onReload) setStale(true);
      else setErrors([{ text: failureText(error) }]);
    } finally {
      setBusy(false);
    }
  };
  const errorAt = (id: string) => errors.find((e) => e.fieldId === id)?.text;
  return (
    <form className="setup-edit" onSubmit={submit} noValidate>
      <fieldset>
        <legend className="h3">{legend}</legend>
        {stale && onReload && <StaleNotice onReload={onReload} />}
        <ErrorSummary items={errors} />
        <Field id={nameId} label={nameLabel} value={name} error={errorAt(nameId)} onChange={(e) => setName(e.target.value)} />
        {second.control({ id: valueId, value, error: errorAt(valueId), onChange: setValue })}
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <>
            {' '}
            <Button variant="secondary" onClick={onCancel}>
              {planSetup.cancel}
            </Button>
          </>
        )}
      </fieldset>
    </form>
  );
}
