import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ApiProblem } from '../../api/problem';
import { planSetup } from '../../text/plan-setup';
import { useLoad } from '../../app/use-load';
import { failureText, saveSettings, settings, type Settings, type SettingsBody } from './plan-setup-api';
import { OwnPlanDetails } from './PlanDetailsForm';
import { usePlan } from './use-plan';

const text = planSetup.settings;

/** Each number field: its id (also the API's field path, for refusals at the field), label, and whether it takes one decimal. */
const FIELDS = [
  { id: 'guardianConsentBelowAge', label: text.guardianConsentBelowAge, hint: text.guardianConsentBelowAgeHint },
  { id: 'suppressionThreshold', label: text.suppressionThreshold, hint: text.suppressionThresholdHint },
  { id: 'retentionMonths', label: text.retentionMonths, hint: text.retentionMonthsHint },
  { id: 'jobProgramme.minAge', label: text.minAge },
  { id: 'jobProgramme.maxAge', label: text.maxAge },
  { id: 'jobProgramme.hoursPerWeek.min', label: text.hoursMin, hint: text.hoursHint, decimal: true },
  { id: 'jobProgramme.hoursPerWeek.max', label: text.hoursMax, hint: text.hoursHint, decimal: true },
  { id: 'jobProgramme.months.min', label: text.monthsMin },
  { id: 'jobProgramme.months.max', label: text.monthsMax },
  { id: 'jobProgramme.targetPerYear', label: text.targetPerYear },
  { id: 'deactivateUnusedAccountsAfterDays', label: text.deactivateAfterDays },
] as const;

type FieldId = (typeof FIELDS)[number]['id'];
type Draft = Record<FieldId, string> & { ssoKeepsLocalPassword: boolean };

const GROUPS: { legend: string; ids: FieldId[] }[] = [
  { legend: text.consent, ids: ['guardianConsentBelowAge', 'suppressionThreshold', 'retentionMonths'] },
  {
    legend: text.programme,
    ids: ['jobProgramme.minAge', 'jobProgramme.maxAge', 'jobProgramme.hoursPerWeek.min', 'jobProgramme.hoursPerWeek.max', 'jobProgramme.months.min', 'jobProgramme.months.max', 'jobProgramme.targetPerYear'],
  },
  { legend: text.accounts, ids: ['deactivateUnusedAccountsAfterDays'] },
];

const shown = (n: number) => String(n).replace('.', ',');

function draftOf(s: Settings): Draft {
  const p = s.jobProgramme;
  return {
    guardianConsentBelowAge: shown(s.guardianConsentBelowAge),
    suppressionThreshold: shown(s.suppressionThreshold),
    retentionMonths: shown(s.retentionMonths),
    'jobProgramme.minAge': shown(p.minAge),
    'jobProgramme.maxAge': shown(p.maxAge),
    'jobProgramme.hoursPerWeek.min': shown(p.hoursPerWeek.min),
    'jobProgramme.hoursPerWeek.max': shown(p.hoursPerWeek.max),
    'jobProgramme.months.min': shown(p.months.min),
    'jobProgramme.months.max': shown(p.months.max),
    'jobProgramme.targetPerYear': shown(p.targetPerYear),
    deactivateUnusedAccountsAfterDays: shown(s.deactivateUnusedAccountsAfterDays),
    ssoKeepsLocalPassword: s.ssoKeepsLocalPassword,
  };
}

/** The numbers, or the Danish sentence for each field that is not one (a whole number unless the field takes a decimal). */
function parse(draft: Draft): { values: Record<FieldId, number>; problems: SummaryItem[] } {
  const values = {} as Record<FieldId, number>;
  const problems: SummaryItem[] = [];
  for (const f of FIELDS) {
    const raw = draft[f.id].trim().replace(',', '.');
    const ok = 'decimal' in f ? /^\d+(\.\d)?$/.test(raw) : /^\d+$/.test(raw);
    if (!raw) problems.push({ fieldId: f.id, text: planSetup.required(f.label) });
    else if (!ok) problems.push({ fieldId: f.id, text: 'decimal' in f ? text.notNumber(f.label) : text.notWhole(f.label) });
    else values[f.id] = Number(raw);
  }
  return { values, problems };
}

function bodyOf(v: Record<FieldId, number>, ssoKeepsLocalPassword: boolean): SettingsBody {
  return {
    guardianConsentBelowAge: v.guardianConsentBelowAge,
    suppressionThreshold: v.suppressionThreshold,
    retentionMonths: v.retentionMonths,
    jobProgramme: {
      minAge: v['jobProgramme.minAge'],
      maxAge: v['jobProgramme.maxAge'],
      hoursPerWeek: { min: v['jobProgramme.hoursPerWeek.min'], max: v['jobProgramme.hoursPerWeek.max'] },
      months: { min: v['jobProgramme.months.min'], max: v['jobProgramme.months.max'] },
      targetPerYear: v['jobProgramme.targetPerYear'],
    },
    deactivateUnusedAccountsAfterDays: v.deactivateUnusedAccountsAfterDays,
    ssoKeepsLocalPassword,
  };
}

/** The plan's settings, for its leader (/plan/indstillinger) or the admin (/planer/:id/indstillinger); PUT replaces them all. */
export function SettingsPage() {
  const { planId, asAdmin } = usePlan();
  const [loaded] = useLoad<Settings>(planId, () => settings(planId));
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>{text.heading}</PageHeading>
        <Alert kind="error">{failureText(loaded.error)}</Alert>
      </>
    );
  }
  return (
    <>
      <SettingsForm planId={planId} initial={loaded.data} back={asAdmin ? `/planer/${planId}` : '/plan'} />
      {/* The admin edits the name and period on the plan's own page (/planer/:id). */}
      {!asAdmin && <OwnPlanDetails planId={planId} />}
    </>
  );
}

function SettingsForm({ planId, initial, back }: { planId: string; initial: Settings; back: string }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const { values, problems } = parse(draft);
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      setDraft(draftOf(await saveSettings(planId, bodyOf(values, draft.ssoKeepsLocalPassword))));
      setSaved(true);
    } catch (error) {
      // The API names the field of a range whose max is below its min; the sentence is the code's, at that field.
      const fields = error instanceof ApiProblem ? error.fieldErrors.map((e) => e.field).filter((f): f is string => FIELDS.some((x) => x.id === f)) : [];
      setErrors(fields.length ? fields.map((f) => ({ fieldId: f, text: failureText(error) })) : [{ text: failureText(error) }]);
    } finally {
      setBusy(false);
    }
  };

  const field = (id: FieldId) => {
    const f = FIELDS.find((x) => x.id === id)!;
    return (
      <Field
        key={id}
        id={id}
        label={f.label}
        hint={'hint' in f ? f.hint : undefined}
        inputMode={'decimal' in f ? 'decimal' : 'numeric'}
        value={draft[id]}
        error={errors.find((e) => e.fieldId === id)?.text}
        onChange={(e) => setDraft({ ...draft, [id]: e.target.value })}
      />
    );
  };

  return (
    <>
      <p>
        <Link to={back}>{text.back}</Link>
      </p>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      <div aria-live="polite">{saved && <Alert kind="success">{text.saved}</Alert>}</div>
      <ErrorSummary items={errors} />
      <form onSubmit={submit} noValidate>
        {GROUPS.map((group) => (
          <fieldset key={group.legend}>
            <legend className="h3">{group.legend}</legend>
            {group.ids.map(field)}
            {group.legend === text.accounts && (
              <div className="form-group-checkbox">
                <input
                  type="checkbox"
                  className="form-checkbox"
                  id="ssoKeepsLocalPassword"
                  checked={draft.ssoKeepsLocalPassword}
                  onChange={(e) => setDraft({ ...draft, ssoKeepsLocalPassword: e.target.checked })}
                />
                <label className="form-label" htmlFor="ssoKeepsLocalPassword">
                  {text.ssoKeepsLocalPassword}
                </label>
              </div>
            )}
          </fieldset>
        ))}
        <Button type="submit" busy={busy}>
          {planSetup.save}
        </Button>
      </form>
    </>
  );
}
