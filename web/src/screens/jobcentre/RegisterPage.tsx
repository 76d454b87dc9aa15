import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { useLoad } from '../../app/use-load';
import { criteria, jobcentre, targetGroups } from '../../text/jobcentre';
import { failureText, housingAreas, registerAndEnrol, type NewEnrolment } from './jobcentre-api';
import './jobcentre.css';

const text = jobcentre.register;
type Criterion = keyof typeof criteria;

/** Registers a person of the job centre's caseload and enrols them in the effort, in one form. */
export function RegisterPage() {
  const navigate = useNavigate();
  const [areas] = useLoad('areas', housingAreas);
  const [form, setForm] = useState({ firstName: '', lastName: '', birthDate: '', housingAreaId: '', effort: text.effortDefault, targetGroup: '', startedOn: '' });
  const [chosen, setChosen] = useState<Criterion[]>([]);
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  const errorOf = (field: string) => errors.find((e) => e.fieldId === `register-${field}`)?.text;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: SummaryItem[] = (['firstName', 'housingArea', 'effort', 'targetGroup', 'startedOn'] as const)
      .filter((field) => !(field === 'housingArea' ? form.housingAreaId : form[field]).trim())
      .map((field) => ({ fieldId: `register-${field}`, text: text.required[field] }));
    setErrors(missing);
    setFailure(null);
    if (missing.length) return;
    setBusy(true);
    try {
      const person = { firstName: form.firstName.trim(), housingAreaId: form.housingAreaId, ...(form.lastName.trim() ? { lastName: form.lastName.trim() } : {}), ...(form.birthDate ? { birthDate: form.birthDate } : {}) };
      const enrolled = await registerAndEnrol(person, { effort: form.effort.trim(), targetGroup: form.targetGroup as NewEnrolment['targetGroup'], criteriaMet: chosen, startedOn: form.startedOn });
      navigate(`/jobcenter/${enrolled.id}`);
    } catch (error) {
      setFailure(failureText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>
        <Link to="/jobcenter">{text.back}</Link>
      </p>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      <ErrorSummary items={errors} />
      {failure && <Alert kind="error">{failure}</Alert>}
      {areas.state === 'loading' && <Loading />}
      {areas.state === 'failed' && <Alert kind="error">{failureText(areas.error)}</Alert>}
      {areas.state === 'loaded' && (
        <form className="enrolment-form" noValidate onSubmit={submit}>
          <Field id="register-firstName" label={text.firstName} value={form.firstName} onChange={set('firstName')} error={errorOf('firstName')} autoComplete="off" />
          <Field id="register-lastName" label={text.lastName} value={form.lastName} onChange={set('lastName')} autoComplete="off" />
          <Field id="register-birthDate" label={text.birthDate} type="date" value={form.birthDate} onChange={set('birthDate')} />
          <SelectField id="register-housingArea" label={text.housingArea} empty={text.chooseArea} value={form.housingAreaId} onChange={set('housingAreaId')} options={areas.data.map((a) => [a.id, a.name] as const)} error={errorOf('housingArea')} />
          <Field id="register-effort" label={text.effort} hint={text.effortHint} value={form.effort} onChange={set('effort')} maxLength={80} error={errorOf('effort')} />
          <SelectField id="register-targetGroup" label={text.targetGroup} empty={text.chooseTargetGroup} value={form.targetGroup} onChange={set('targetGroup')} options={Object.entries(targetGroups)} error={errorOf('targetGroup')} />
          <fieldset>
            <legend className="form-label">{text.criteria}</legend>
            {(Object.entries(criteria) as [Criterion, string][]).map(([key, label]) => (
              <div className="form-group-checkbox" key={key}>
                <input
                  type="checkbox"
                  className="form-checkbox"
                  id={`register-criterion-${key}`}
                  checked={chosen.includes(key)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, key] : chosen.filter((c) => c !== key))}
                />
                <label htmlFor={`register-criterion-${key}`}>{label}</label>
              </div>
            ))}
          </fieldset>
          <Field id="register-startedOn" label={text.startedOn} hint={text.startedOnHint} type="date" value={form.startedOn} onChange={set('startedOn')} error={errorOf('startedOn')} />
          <Button type="submit" busy={busy}>
            {text.submit}
          </Button>
        </form>
      )}
    </>
  );
}
