import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Empty, Loading } from '../../components/Loading';
import { planSetup } from '../../text/plan-setup';
import { useLoad } from '../caseworker/use-load';
import { addOrganisation, failureText, isStale, ORGANISATION_KINDS, organisations, updateOrganisation, type Organisation, type OrganisationKind } from './plan-setup-api';
import { StaleNotice } from './StaleNotice';

const text = planSetup.organisations;

/** A plan's partner organisations: the list, an edit of one (with its version), and for the admin the form that adds one. */
export function OrganisationsSection({ planId, asAdmin }: { planId: string; asAdmin: boolean }) {
  const [round, setRound] = useState(0);
  const [loaded, replace] = useLoad<Organisation[]>(`${planId}:${round}`, () => organisations(planId, asAdmin));
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reload = () => {
    setEditing(null);
    setRound((r) => r + 1);
  };
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <Alert kind="error">{failureText(loaded.error)}</Alert>;
  const list = loaded.data;
  return (
    <>
      {!asAdmin && <Alert kind="info">{text.whoAdds}</Alert>}
      <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
      {list.length === 0 ? (
        <Empty text={text.empty} />
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--zebra">
            <caption className="sr-only">{text.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.name}</th>
                <th scope="col">{text.kind}</th>
                <th scope="col">{text.actions}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{o.name}</th>
                  <td>{text.kinds[o.kind]}</td>
                  <td>
                    <Button variant="tertiary" onClick={() => { setDone(null); setEditing(o); }}>
                      {planSetup.edit(o.name)}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <OrganisationForm
          key={`${editing.id}-${editing.version}`}
          idPrefix="organisation-edit"
          legend={text.editLegend(editing.name)}
          submitLabel={planSetup.save}
          initial={editing}
          onCancel={() => setEditing(null)}
          onReload={reload}
          send={(body) => updateOrganisation(planId, editing.id, { ...body, version: editing.version })}
          onDone={(saved) => {
            replace(list.map((o) => (o.id === saved.id ? saved : o)));
            setEditing(null);
            setDone(text.saved(saved.name));
          }}
        />
      )}
      {asAdmin && (
        <OrganisationForm
          idPrefix="organisation-add"
          legend={text.addLegend}
          submitLabel={text.add}
          fresh
          send={(body, key) => addOrganisation(planId, body, key)}
          onDone={(added) => {
            replace([...list, added]);
            setDone(text.added(added.name));
          }}
        />
      )}
    </>
  );
}

interface FormProps {
  idPrefix: string;
  legend: string;
  submitLabel: string;
  initial?: Organisation;
  /** An add form: emptied after each success, with a new Idempotency-Key. */
  fresh?: boolean;
  send: (body: { name: string; kind: OrganisationKind }, key: string) => Promise<Organisation>;
  onDone: (o: Organisation) => void;
  onCancel?: () => void;
  onReload?: () => void;
}

function OrganisationForm({ idPrefix, legend, submitLabel, initial, fresh, send, onDone, onCancel, onReload }: FormProps) {
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<OrganisationKind | ''>(initial?.kind ?? '');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const nameId = `${idPrefix}-name`;
  const kindId = `${idPrefix}-kind`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    const problems: SummaryItem[] = [];
    if (!trimmed) problems.push({ fieldId: nameId, text: planSetup.required(text.name) });
    if (!kind) problems.push({ fieldId: kindId, text: planSetup.required(text.kind) });
    setErrors(problems);
    if (problems.length || !kind) return;
    setBusy(true);
    try {
      onDone(await send({ name: trimmed, kind }, key));
      if (fresh) {
        setName('');
        setKind('');
        setKey(crypto.randomUUID());
      }
    } catch (error) {
      if (isStale(error) && onReload) setStale(true);
      else setErrors([{ text: failureText(error) }]);
    } finally {
      setBusy(false);
    }
  };
  const kindError = errors.find((e) => e.fieldId === kindId)?.text;
  return (
    <form className="setup-edit" onSubmit={submit} noValidate>
      <fieldset>
        <legend className="h3">{legend}</legend>
        {stale && onReload && <StaleNotice onReload={onReload} />}
        <ErrorSummary items={errors} />
        <Field id={nameId} label={text.name} value={name} error={errors.find((e) => e.fieldId === nameId)?.text} onChange={(e) => setName(e.target.value)} />
        <div className={`form-group${kindError ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor={kindId}>
            {text.kind}
          </label>
          {kindError && (
            <span className="form-error-message" id={`${kindId}-error`}>
              {kindError}
            </span>
          )}
          <select
            className="form-select"
            id={kindId}
            value={kind}
            aria-invalid={kindError ? true : undefined}
            aria-describedby={kindError ? `${kindId}-error` : undefined}
            onChange={(e) => setKind(e.target.value as OrganisationKind)}
          >
            <option value="">{text.chooseKind}</option>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {text.kinds[k]}
              </option>
            ))}
          </select>
        </div>
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
