import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { ApiProblem } from '../../api/problem';
import { formatCalendarDate } from '../../text/format';
import { socialWorker } from '../../text/social-worker';
import { failureText } from '../caseworker/caseworker-api';
import { ageOn, todayIso } from './dates';
import { youthName } from './RegisterYouthForm';
import { SelectField } from '../../components/SelectField';
import { startProgramme, type Resident, type StartBody } from './social-worker-api';

const text = socialWorker.start;

interface Refusal {
  general: string;
  /** The age refusal, shown at the start date: the age is judged on that day. */
  age?: string;
  /** The housing-area refusal, shown at the youth's housing area. */
  area?: string;
  runningId?: string;
}

/** Starts the chosen youth's programme; an eligibility refusal is said in Danish at the field it concerns. */
export function StartProgrammeForm({ youth, areaName, onOther }: { youth: Resident; areaName: string; onOther: () => void }) {
  const navigate = useNavigate();
  const [startedAt, setStartedAt] = useState(todayIso());
  const [referredFrom, setReferredFrom] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const name = youthName(youth);

  const refusalOf = (e: unknown): Refusal => {
    if (!(e instanceof ApiProblem)) return { general: failureText(e) };
    if (e.code === 'programme_already_running') return { general: text.alreadyRunning, runningId: e.extensions.existingProgrammeId as string | undefined };
    if (e.code !== 'programme_not_eligible') return { general: failureText(e) };
    const rules = e.fieldErrors.map((f) => f.rule);
    const r: Refusal = { general: text.notEligible };
    if (rules.includes('birth_date_needed') || !youth.birthDate) r.age = text.birthDateNeeded;
    else if (rules.includes('programme_age')) r.age = text.ageOutside(ageOn(youth.birthDate, startedAt));
    if (rules.includes('eligible_housing_area')) r.area = text.areaNotEligible(areaName);
    return r;
  };

  const submit = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const body: StartBody = { residentId: youth.id, startedAt };
      if (referredFrom) body.referredFrom = referredFrom as StartBody['referredFrom'];
      const started = await startProgramme(body);
      navigate(`/forloeb/${started.id}`);
    } catch (e) {
      setRefusal(refusalOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      aria-labelledby="start-forloeb"
      className="section-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="start-forloeb">{text.startHeading(name)}</h2>
      {refusal && (
        <Alert kind="error">
          <p>{refusal.general}</p>
          {refusal.runningId && <Link to={`/forloeb/${refusal.runningId}`}>{text.openRunning}</Link>}
        </Alert>
      )}
      <dl className="facts">
        <dt>{text.name}</dt>
        <dd>{name}</dd>
        <dt>{text.birthDate}</dt>
        <dd>{youth.birthDate ? formatCalendarDate(youth.birthDate) : ''}</dd>
      </dl>
      <div className={`form-group${refusal?.area ? ' form-error' : ''}`}>
        <p className="form-label">
          {text.area}
        </p>
        {refusal?.area && (
          <span className="form-error-message" id="start-area-error">
            <span className="sr-only">Fejl: </span>
            {refusal.area}
          </span>
        )}
        <p>{areaName}</p>
      </div>
      <Field id="start-date" type="date" label={text.startedAt} hint={text.startedAtHint} error={refusal?.age} value={startedAt} onChange={(e) => setStartedAt(e.target.value)} />
      <SelectField id="start-referred" label={text.referredFrom} value={referredFrom} onChange={(e) => setReferredFrom(e.target.value)} empty={text.notSaid} options={Object.entries(text.referredLabel)} />
      <div className="button-row">
        <Button type="submit" busy={busy}>
          {text.startButton}
        </Button>
        <Button variant="secondary" onClick={onOther}>
          {text.otherYouth}
        </Button>
      </div>
    </form>
  );
}
