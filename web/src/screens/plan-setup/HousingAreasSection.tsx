import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Empty, Loading } from '../../components/Loading';
import { planSetup } from '../../text/plan-setup';
import { useLoad } from '../caseworker/use-load';
import { addHousingArea, failureText, housingAreas, isStale, updateHousingArea, type HousingArea } from './plan-setup-api';
import { StaleNotice } from './StaleNotice';

const text = planSetup.areas;

/** A plan's housing areas: the list, an edit of one (with its version), and for the admin the form that adds one. */
export function HousingAreasSection({ planId, asAdmin }: { planId: string; asAdmin: boolean }) {
  const [round, setRound] = useState(0);
  const [loaded, replace] = useLoad<HousingArea[]>(`${planId}:${round}`, () => housingAreas(planId, asAdmin));
  const [editing, setEditing] = useState<HousingArea | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reload = () => {
    setEditing(null);
    setRound((r) => r + 1);
  };
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <Alert kind="error">{failureText(loaded.error)}</Alert>;
  const areas = loaded.data;
  return (
    <>
      {!asAdmin && <Alert kind="info">{text.whoAdds}</Alert>}
      <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
      {areas.length === 0 ? (
        <Empty text={text.empty} />
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--zebra">
            <caption className="sr-only">{text.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.name}</th>
                <th scope="col">{text.eligible}</th>
                <th scope="col">{text.actions}</th>
              </tr>
            </thead>
            <tbody>
              {areas.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>{a.jobProgrammeEligible ? planSetup.yes : planSetup.no}</td>
                  <td>
                    <Button variant="tertiary" onClick={() => { setDone(null); setEditing(a); }}>
                      {planSetup.edit(a.name)}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <EditArea
          key={`${editing.id}-${editing.version}`}
          planId={planId}
          area={editing}
          onCancel={() => setEditing(null)}
          onReload={reload}
          onSaved={(saved) => {
            replace(areas.map((a) => (a.id === saved.id ? saved : a)));
            setEditing(null);
            setDone(text.saved(saved.name));
          }}
        />
      )}
      {asAdmin && (
        <AddArea
          planId={planId}
          onAdded={(added) => {
            replace([...areas, added]);
            setDone(text.added(added.name));
          }}
        />
      )}
    </>
  );
}

function EditArea({ planId, area, onSaved, onCancel, onReload }: { planId: string; area: HousingArea; onSaved: (a: HousingArea) => void; onCancel: () => void; onReload: () => void }) {
  const [name, setName] = useState(area.name);
  const [eligible, setEligible] = useState(area.jobProgrammeEligible);
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setErrors([{ fieldId: 'area-edit-name', text: planSetup.required(text.name) }]);
    setErrors([]);
    setBusy(true);
    try {
      onSaved(await updateHousingArea(planId, area.id, { name: trimmed, jobProgrammeEligible: eligible, version: area.version }));
    } catch (error) {
      if (isStale(error)) setStale(true);
      else setErrors([{ text: failureText(error) }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="setup-edit" onSubmit={submit} noValidate>
      <fieldset>
        <legend className="h3">{text.editLegend(area.name)}</legend>
        {stale && <StaleNotice onReload={onReload} />}
        <ErrorSummary items={errors} />
        <Field id="area-edit-name" label={text.name} value={name} error={errors.find((e) => e.fieldId)?.text} onChange={(e) => setName(e.target.value)} />
        <div className="form-group-checkbox">
          <input type="checkbox" className="form-checkbox" id="area-edit-eligible" checked={eligible} onChange={(e) => setEligible(e.target.checked)} />
          <label className="form-label" htmlFor="area-edit-eligible">
            {text.eligibleLabel}
          </label>
        </div>
        <Button type="submit" busy={busy}>
          {planSetup.save}
        </Button>{' '}
        <Button variant="secondary" onClick={onCancel}>
          {planSetup.cancel}
        </Button>
      </fieldset>
    </form>
  );
}

function AddArea({ planId, onAdded }: { planId: string; onAdded: (a: HousingArea) => void }) {
  const [name, setName] = useState('');
  const [eligible, setEligible] = useState(false);
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setErrors([{ fieldId: 'area-add-name', text: planSetup.required(text.name) }]);
    setErrors([]);
    setBusy(true);
    try {
      onAdded(await addHousingArea(planId, { name: trimmed, jobProgrammeEligible: eligible }, key));
      setName('');
      setEligible(false);
      setKey(crypto.randomUUID());
    } catch (error) {
      setErrors([{ text: failureText(error) }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="setup-edit" onSubmit={submit} noValidate>
      <fieldset>
        <legend className="h3">{text.addLegend}</legend>
        <ErrorSummary items={errors} />
        <Field id="area-add-name" label={text.name} value={name} error={errors.find((e) => e.fieldId)?.text} onChange={(e) => setName(e.target.value)} />
        <div className="form-group-checkbox">
          <input type="checkbox" className="form-checkbox" id="area-add-eligible" checked={eligible} onChange={(e) => setEligible(e.target.checked)} />
          <label className="form-label" htmlFor="area-add-eligible">
            {text.eligibleLabel}
          </label>
        </div>
        <Button type="submit" busy={busy}>
          {text.add}
        </Button>
      </fieldset>
    </form>
  );
}
