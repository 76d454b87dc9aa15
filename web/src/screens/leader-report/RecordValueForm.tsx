import { type FormEvent, useState } from 'react';
import { ApiProblem } from '../../api/problem';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { leaderReport } from '../../text/leader-report';
import { failureText } from '../caseworker/caseworker-api';
import { recordValue, type Indicator, type ReportPeriods } from './leader-report-api';
import { periodName } from './IndicatorCard';
import { parseDanishNumber } from './numbers';

const text = leaderReport.indicators;
const PERIOD = /^\d{4}(-H[12])?$/;

/** Records a period's value; a second value for the same period is a correction, and the first stays in the history. */
export function RecordValueForm({ indicator, plan, onSaved }: { indicator: Indicator; plan: ReportPeriods; onSaved: () => void }) {
  const id = (field: string) => `${field}-${indicator.id}`;
  const suggested = plan.suggested ? `${plan.suggested.year}-H${plan.suggested.half}` : '';
  const [period, setPeriod] = useState(suggested);
  const [value, setValue] = useState('');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const number = parseDanishNumber(value);
    const found: Record<string, string> = {};
    if (!PERIOD.test(period.trim())) found[id('period')] = text.invalidPeriod;
    if (number === null) found[id('value')] = text.invalidValue;
    setErrors(found);
    setSaved(null);
    setFailure(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const recorded = await recordValue(indicator.id, { period: period.trim(), value: number!, ...(source.trim() ? { source: source.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
      setSaved(text.saved(periodName(recorded.period)));
      setValue('');
      setNote('');
      onSaved();
    } catch (error) {
      if (error instanceof ApiProblem && error.fieldErrors.length) {
        setErrors(Object.fromEntries(error.fieldErrors.map((f) => [id(f.field === 'value' ? 'value' : 'period'), failureText(error)])));
      } else setFailure(failureText(error));
    } finally {
      setBusy(false);
    }
  };

  const summary: SummaryItem[] = Object.entries(errors).map(([fieldId, message]) => ({ fieldId, text: message }));
  return (
    <form className="indicator-record" onSubmit={submit} noValidate aria-labelledby={id('record')}>
      <h3 id={id('record')}>{text.recordHeading}</h3>
      <p className="form-hint">{text.recordHint}</p>
      <ErrorSummary items={summary} />
      {failure && <Alert kind="error">{failure}</Alert>}
      {saved && <Alert kind="success">{saved}</Alert>}
      <Field id={id('period')} label={text.periodLabel} hint={text.periodHint} value={period} onChange={(e) => setPeriod(e.target.value)} error={errors[id('period')]} />
      <Field id={id('value')} label={text.valueLabel} hint={text.valueHint} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} error={errors[id('value')]} />
      <Field id={id('source')} label={text.sourceLabel} value={source} onChange={(e) => setSource(e.target.value)} maxLength={200} />
      <Field id={id('note')} label={text.noteLabel} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      <Button type="submit" busy={busy}>
        {text.save}
      </Button>
    </form>
  );
}
