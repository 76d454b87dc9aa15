import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { ApiProblem } from '../../api/problem';
import { formatCalendarDate } from '../../text/format';
import { planSetup } from '../../text/plan-setup';
import { useLoad } from '../../app/use-load';
import { failureText, isStale, onePlan, updatePlan, type Plan } from './plan-setup-api';
import { StaleNotice } from './StaleNotice';

const FIELDS = ['name', 'validFrom', 'validTo'] as const;
type FieldName = (typeof FIELDS)[number];
type Draft = Record<FieldName, string>;
const LABELS: Draft = { name: planSetup.newPlan.name, validFrom: planSetup.newPlan.validFrom, validTo: planSetup.newPlan.validTo };

const draftOf = (plan: Plan): Draft => ({ name: plan.name, validFrom: plan.validFrom, validTo: plan.validTo });

/**
 * The plan's name and period, edited by the admin (/planer/:id) or its leader (/plan/indstillinger).
 * The plan is versioned: if someone else saved first, the form says so and fetches what is there
 * now ("Hent igen") instead of overwriting it.
 */
export function PlanDetailsForm({ plan, onSaved }: { plan: Plan; onSaved: (plan: Plan) => void }) {
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState(plan.version);
  const [draft, setDraft] = useState<Draft>(() => draftOf(plan));
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [stale, setStale] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const fill = (next: Plan) => {
    setDraft(draftOf(next));
    setVersion(next.version);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body = { name: draft.name.trim(), validFrom: draft.validFrom, validTo: draft.validTo };
    const problems: SummaryItem[] = [];
    for (const f of FIELDS) {
      if (!body[f]) problems.push({ fieldId: `edit-plan-${f}`, text: planSetup.required(LABELS[f]) });
      else if (f !== 'name' && !/^\d{4}-\d{2}-\d{2}$/.test(body[f])) problems.push({ fieldId: `edit-plan-${f}`, text: planSetup.newPlan.badDate(LABELS[f]) });
    }
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      const next = await updatePlan(plan.id, { ...body, version });
      fill(next);
      onSaved(next);
      setOpen(false);
      setSaved(true);
    } catch (error) {
      if (isStale(error)) {
        setStale(true);
      } else {
        // plan_period names validTo: the sentence goes to that field.
        const field = error instanceof ApiProblem ? error.fieldErrors.find((e) => e.field && (FIELDS as readonly string[]).includes(e.field))?.field : undefined;
        setErrors([{ fieldId: field ? `edit-plan-${field}` : undefined, text: failureText(error) }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    try {
      const fresh = await onePlan(plan.id);
      fill(fresh);
      onSaved(fresh);
      setStale(false);
      setErrors([]);
    } catch (error) {
      setErrors([{ text: failureText(error) }]);
    }
  };

  const field = (f: FieldName) => (
    <Field
      id={`edit-plan-${f}`}
      label={LABELS[f]}
      type={f === 'name' ? 'text' : 'date'}
      value={draft[f]}
      error={errors.find((e) => e.fieldId === `edit-plan-${f}`)?.text}
      onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
    />
  );

  return (
    <>
      <div aria-live="polite">{saved && <Alert kind="success">{planSetup.plan.saved}</Alert>}</div>
      {!open ? (
        <Button
          variant="secondary"
          onClick={() => {
            fill(plan);
            setSaved(false);
            setOpen(true);
          }}
        >
          {planSetup.plan.editPlan}
        </Button>
      ) : (
        <form className="setup-edit" onSubmit={submit} noValidate>
          <fieldset>
            <legend className="h3">{planSetup.plan.editLegend}</legend>
            {stale && <StaleNotice onReload={reload} />}
            <ErrorSummary items={errors} />
            {field('name')}
            <div className="setup-form-row">
              {field('validFrom')}
              {field('validTo')}
            </div>
            <Button type="submit" busy={busy}>
              {planSetup.save}
            </Button>{' '}
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {planSetup.cancel}
            </Button>
          </fieldset>
        </form>
      )}
    </>
  );
}

/** For the leader's settings page: their plan's name and period, read here since that page reads only the settings. */
export function OwnPlanDetails({ planId }: { planId: string }) {
  const [loaded, replace] = useLoad<Plan>(`${planId}:plan`, () => onePlan(planId));
  return (
    <section aria-labelledby="own-plan-heading">
      <h2 id="own-plan-heading">{planSetup.plan.facts}</h2>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && (
        <>
          <dl>
            <dt>{planSetup.newPlan.name}</dt>
            <dd>{loaded.data.name}</dd>
            <dt>{planSetup.plan.period}</dt>
            <dd>{planSetup.period(formatCalendarDate(loaded.data.validFrom), formatCalendarDate(loaded.data.validTo))}</dd>
          </dl>
          <PlanDetailsForm plan={loaded.data} onSaved={replace} />
        </>
      )}
    </section>
  );
}
