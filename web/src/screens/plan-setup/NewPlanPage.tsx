import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { ApiProblem } from '../../api/problem';
import { planSetup } from '../../text/plan-setup';
import { createPlan, failureText } from './plan-setup-api';
import './plan-setup.css';

const text = planSetup.newPlan;
const FIELDS = ['name', 'municipality', 'validFrom', 'validTo'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;
const LABELS: Draft = { name: text.name, municipality: text.municipality, validFrom: text.validFrom, validTo: text.validTo };

/** The admin provisions a plan (/planer/ny); its page then takes the housing areas, organisations and leader. */
export function NewPlanPage() {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>({ name: '', municipality: '', validFrom: '', validTo: '' });
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => crypto.randomUUID());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = { name: draft.name.trim(), municipality: draft.municipality.trim(), validFrom: draft.validFrom, validTo: draft.validTo };
    const problems: SummaryItem[] = [];
    for (const f of FIELDS) {
      if (!trimmed[f]) problems.push({ fieldId: `plan-${f}`, text: planSetup.required(LABELS[f]) });
      else if (f.startsWith('valid') && !/^\d{4}-\d{2}-\d{2}$/.test(trimmed[f])) problems.push({ fieldId: `plan-${f}`, text: text.badDate(LABELS[f]) });
    }
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      const plan = await createPlan(trimmed, key);
      navigate(`/planer/${plan.id}`, { state: { created: true } });
    } catch (error) {
      // plan_period names validTo: the sentence goes to that field.
      const field = error instanceof ApiProblem ? error.fieldErrors.find((e) => e.field && (FIELDS as readonly string[]).includes(e.field))?.field : undefined;
      setErrors([{ fieldId: field ? `plan-${field}` : undefined, text: failureText(error) }]);
      setBusy(false);
    }
  };

  const field = (f: (typeof FIELDS)[number]) => (
    <Field
      id={`plan-${f}`}
      label={LABELS[f]}
      hint={f === 'name' ? text.nameHint : undefined}
      type={f.startsWith('valid') ? 'date' : 'text'}
      value={draft[f]}
      error={errors.find((e) => e.fieldId === `plan-${f}`)?.text}
      onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
    />
  );

  return (
    <>
      <p>
        <Link to="/planer">{text.back}</Link>
      </p>
      <PageHeading>{text.heading}</PageHeading>
      <ErrorSummary items={errors} />
      <form onSubmit={submit} noValidate>
        {field('name')}
        {field('municipality')}
        <div className="setup-form-row">
          {field('validFrom')}
          {field('validTo')}
        </div>
        <Button type="submit" busy={busy}>
          {text.submit}
        </Button>
      </form>
    </>
  );
}
