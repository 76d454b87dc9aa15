import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { formatCalendarDate, formatNumber } from '../../text/format';
import { socialWorker } from '../../text/social-worker';
import { ActionStatus } from './ActionStatus';
import { monthsBetween } from './dates';
import { SelectField } from '../../components/SelectField';
import { recordEmployment, type Employer, type Programme, type SchoolHoliday, type Youth } from './social-worker-api';
import { useAction } from './use-action';

const text = socialWorker.employment;

/** The employment: contract signatures, dates, hours; the months it spans and the young-worker warnings in plain Danish. */
export function EmploymentSection({ p, youth, employers, holidays, onChange }: { p: Programme; youth: Youth; employers: Employer[]; holidays: SchoolHoliday[]; onChange: () => Promise<void> }) {
  const e = p.employment;
  const accepted = p.matches.find((m) => m.status === 'accepted');
  const guardians = youth.guardians ?? [];
  const [chosenEmployer, setEmployerId] = useState(e?.employerId ?? '');
  // Until one is chosen, the employment is at the accepted match's employer, as the guards ask.
  const employerId = chosenEmployer || accepted?.employerId || '';
  const [youthSigned, setYouthSigned] = useState(e?.contractSignedByYouthAt ?? '');
  const [guardianSigned, setGuardianSigned] = useState(e?.contractSignedByGuardianAt ?? '');
  const [chosenGuardian, setGuardianId] = useState(e?.contractSignedByGuardianId ?? '');
  const guardianId = chosenGuardian || guardians[0]?.id || '';
  const [startDate, setStartDate] = useState(e?.startDate ?? '');
  const [endDate, setEndDate] = useState(e?.endDate ?? '');
  const [hours, setHours] = useState(e ? formatNumber(e.hoursPerWeek) : '');
  const [exception, setException] = useState(e?.exceptionReason ?? '');
  const [schooling, setSchooling] = useState(e?.inCompulsorySchooling ?? true);
  const action = useAction();
  const nameOf = (id: string) => employers.find((x) => x.id === id)?.name ?? '';
  const submit = () =>
    void action.run(async () => {
      await recordEmployment(p.id, {
        employerId,
        startDate,
        endDate,
        hoursPerWeek: Number(hours.replace(',', '.')),
        inCompulsorySchooling: schooling,
        ...(youthSigned ? { contractSignedByYouthAt: youthSigned } : {}),
        ...(guardianSigned ? { contractSignedByGuardianAt: guardianSigned, contractSignedByGuardianId: guardianId } : {}),
        ...(exception.trim() ? { exceptionReason: exception.trim() } : {}),
      });
      await onChange();
    }, text.saved);
  return (
    <>
      {e ? (
        <dl className="facts">
          <dt>{text.employer}</dt>
          <dd>
            <Link to={`/virksomheder/${e.employerId}`}>{nameOf(e.employerId)}</Link>
          </dd>
          <dt>{text.period}</dt>
          <dd>
            {formatCalendarDate(e.startDate)} – {formatCalendarDate(e.endDate)} ({text.months(formatNumber(monthsBetween(e.startDate, e.endDate)))})
          </dd>
          <dt>{text.hours}</dt>
          <dd>{formatNumber(e.hoursPerWeek)}</dd>
          <dt>{text.signedByYouth}</dt>
          <dd>{e.contractSignedByYouthAt ? formatCalendarDate(e.contractSignedByYouthAt) : text.notSigned}</dd>
          <dt>{text.signedByGuardian}</dt>
          <dd>{e.contractSignedByGuardianAt ? `${formatCalendarDate(e.contractSignedByGuardianAt)} ${guardians.find((g) => g.id === e.contractSignedByGuardianId)?.name ?? ''}` : text.notSigned}</dd>
        </dl>
      ) : (
        <p>{text.none}</p>
      )}
      {e && (
        <>
          <h3>{text.holidays}</h3>
          {duringEmployment(holidays, e.startDate, e.endDate).length === 0 ? (
            <p>{text.noHolidays}</p>
          ) : (
            <ul>
              {duringEmployment(holidays, e.startDate, e.endDate).map((h) => (
                <li key={h.id}>
                  {h.name}: {formatCalendarDate(h.startsOn)} – {formatCalendarDate(h.endsOn)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {e && e.warnings.length > 0 && (
        <Alert kind="warning" heading={text.warnings}>
          <ul>
            {e.warnings.map((w) => (
              <li key={w.rule}>{w.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {p.nextStep && (
        <div className="section-form">
          <ActionStatus action={action} />
          <SelectField id="emp-employer" label={text.employer} empty={socialWorker.programme.chooseEmployer} value={employerId} onChange={(x) => setEmployerId(x.target.value)} options={employers.map((x) => [x.id, x.name] as const)} />
          <Field id="emp-youth-signed" type="date" label={text.signedByYouth} value={youthSigned} onChange={(x) => setYouthSigned(x.target.value)} />
          <Field id="emp-guardian-signed" type="date" label={text.signedByGuardian} value={guardianSigned} onChange={(x) => setGuardianSigned(x.target.value)} />
          <SelectField id="emp-guardian" label={text.signedGuardian} value={guardianId} onChange={(x) => setGuardianId(x.target.value)} options={guardians.map((g) => [g.id, g.name] as const)} />
          <Field id="emp-start" type="date" label={text.startDate} value={startDate} onChange={(x) => setStartDate(x.target.value)} />
          <Field id="emp-end" type="date" label={text.endDate} value={endDate} onChange={(x) => setEndDate(x.target.value)} />
          <Field id="emp-hours" inputMode="decimal" label={text.hours} hint={text.hoursHint} value={hours} onChange={(x) => setHours(x.target.value)} />
          <Field id="emp-exception" label={text.exception} value={exception} onChange={(x) => setException(x.target.value)} />
          <div className="form-group-checkbox">
            <input className="form-checkbox" type="checkbox" id="emp-schooling" checked={schooling} onChange={() => setSchooling(!schooling)} />
            <label htmlFor="emp-schooling">{text.schooling}</label>
          </div>
          <Button busy={action.busy} onClick={submit}>
            {text.button}
          </Button>
        </div>
      )}
    </>
  );
}

/** The school holidays that overlap the employment: weeks in which other young-worker limits apply. */
const duringEmployment = (holidays: SchoolHoliday[], start: string, end: string) => holidays.filter((h) => h.startsOn <= end && h.endsOn >= start).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
