import { type FormEvent, useRef, useState } from 'react';
import { ApiProblem } from '../../api/problem';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { leaderReport } from '../../text/leader-report';
import { failureText } from '../caseworker/caseworker-api';
import { StaleNotice } from '../plan-setup/StaleNotice';
import { addBody, changes, draftOf, emptyDraft, parseDraft, type DraftField, type IndicatorDraft } from './indicator-draft';
import { addIndicator, updateIndicator, type AddIndicator, type Indicator, type UpdateIndicator } from './leader-report-api';

const text = leaderReport.indicators;
const FIELDS: readonly DraftField[] = ['goal', 'indicator', 'unit', 'dataSource', 'baseline', 'baselineYear', 'baselineSource', 'target', 'targetYear', 'targetKind', 'metric', 'description'];

/** The API's sentence for a field it refused, in Danish: the rule says what kind of value the field takes. */
function apiFieldText(field: DraftField, rule: string | undefined, fallback: string): string {
  if (rule === 'indicator_years') return text.yearsOrder;
  if (field === 'baseline' || field === 'target') return text.invalidNumber;
  if (field === 'baselineYear' || field === 'targetYear') return text.invalidYear;
  return fallback;
}

interface Props {
  /** The indicator to correct; without it, the form adds a new one. */
  indicator?: Indicator;
  onSaved: (saved: Indicator) => void;
  onCancel: () => void;
  /** Someone else changed the indicator first: fetch it again. */
  onReload?: () => void;
}

/** Adds an indicator, or corrects one sending only what changed; numbers with the Danish decimal comma. */
export function IndicatorForm({ indicator, onSaved, onCancel, onReload }: Props) {
  const prefix = indicator ? `edit-${indicator.id}` : 'new-indicator';
  const id = (field: string) => `${prefix}-${field}`;
  const [draft, setDraft] = useState<IndicatorDraft>(indicator ? draftOf(indicator) : emptyDraft);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  // The same key for every try of the same indicator, a new one once it is added.
  const key = useRef(crypto.randomUUID());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setStale(false);
    const parsed = parseDraft(draft);
    setErrors(parsed.errors);
    if (Object.keys(parsed.errors).length) return;
    let body: AddIndicator | UpdateIndicator;
    if (indicator) {
      const changed = changes(indicator, parsed.values);
      if (Object.keys(changed).length === 0) return setFailure(text.nothingChanged);
      body = { ...changed, version: indicator.version } as UpdateIndicator;
    } else body = addBody(parsed.values) as AddIndicator;
    setBusy(true);
    try {
      const saved = indicator ? await updateIndicator(indicator.id, body as UpdateIndicator) : await addIndicator(body as AddIndicator, key.current);
      key.current = crypto.randomUUID();
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiProblem && error.code === 'stale_version') return setStale(true);
      const fields = error instanceof ApiProblem ? error.fieldErrors.filter((f) => FIELDS.includes(f.field as DraftField)) : [];
      if (fields.length) setErrors(Object.fromEntries(fields.map((f) => [f.field, apiFieldText(f.field as DraftField, f.rule, failureText(error))])));
      else setFailure(failureText(error));
    } finally {
      setBusy(false);
    }
  };

  const set = (field: DraftField) => (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value });
  const field = (f: DraftField, label: string, hint?: string, extra: { inputMode?: 'decimal' | 'numeric' } = {}) => (
    <Field id={id(f)} label={label} hint={hint} value={draft[f]} onChange={set(f)} error={errors[f]} {...extra} />
  );
  const summary: SummaryItem[] = FIELDS.filter((f) => errors[f]).map((f) => ({ fieldId: id(f), text: errors[f]! }));
  const heading = indicator ? text.editHeading(indicator.indicator) : text.addHeading;

  return (
    <form className="indicator-form" onSubmit={submit} noValidate aria-labelledby={id('heading')}>
      {indicator ? <h3 id={id('heading')}>{heading}</h3> : <h2 id={id('heading')}>{heading}</h2>}
      <ErrorSummary items={summary} />
      {failure && <Alert kind="error">{failure}</Alert>}
      {stale && onReload && <StaleNotice onReload={onReload} />}
      {field('goal', text.goalLabel, text.goalHint)}
      {field('indicator', text.indicatorLabel, text.indicatorHint)}
      {field('unit', text.unitLabel, text.unitHint)}
      {field('dataSource', text.dataSourceLabel, text.dataSourceHint)}
      {indicator ? null : (
        <SelectField
          id={id('metric')}
          label={text.metricLabel}
          hint={text.metricHint}
          value={draft.metric}
          onChange={set('metric')}
          error={errors.metric}
          empty={text.metricNone}
          options={Object.entries(text.metrics)}
        />
      )}
      <fieldset>
        <legend className={indicator ? 'h4' : 'h3'}>{text.baseline}</legend>
        {field('baseline', text.baselineLabel, text.baselineHint, { inputMode: 'decimal' })}
        {field('baselineYear', text.baselineYearLabel, text.yearHint, { inputMode: 'numeric' })}
        {field('baselineSource', text.baselineSourceLabel, text.baselineSourceHint)}
      </fieldset>
      <fieldset>
        <legend className={indicator ? 'h4' : 'h3'}>{text.target}</legend>
        {field('target', text.targetLabel, text.targetHint, { inputMode: 'decimal' })}
        {field('targetYear', text.targetYearLabel, text.targetYearHint, { inputMode: 'numeric' })}
        <SelectField
          id={id('targetKind')}
          label={text.targetKindLabel}
          hint={text.targetKindHint}
          value={draft.targetKind}
          onChange={set('targetKind')}
          error={errors.targetKind}
          empty={indicator ? undefined : text.targetKindAuto}
          options={Object.entries(text.targetKinds)}
        />
      </fieldset>
      {field('description', text.descriptionLabel, text.descriptionHint)}
      <div className="indicator-form-actions">
        <Button type="submit" busy={busy}>
          {indicator ? text.saveEdit : text.saveNew}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {text.cancel}
        </Button>
      </div>
    </form>
  );
}
