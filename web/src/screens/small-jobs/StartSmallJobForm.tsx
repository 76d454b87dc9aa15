import { type FormEvent, useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { smallJobs as text } from '../../text/small-jobs';
import { counsellorResidentName } from './resident-label';
import { todayIso } from '../social-worker/dates';
import { SendStatus } from './SendStatus';
import { employers, searchResidents, startSmallJob, type Employer, type Resident } from './small-jobs-api';
import { useSend } from './use-send';

/** Start a småjob: find the resident among the counsellor's own, pick one of the plan's employers, the first day and the hours. */
export function StartSmallJobForm({ onStarted }: { onStarted: () => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Resident[] | null>(null);
  const [residentId, setResidentId] = useState('');
  const [plansEmployers, setPlansEmployers] = useState<Employer[] | null>(null);
  const [employerId, setEmployerId] = useState('');
  const [startsOn, setStartsOn] = useState(todayIso());
  const [hours, setHours] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const send = useSend();

  useEffect(() => {
    employers().then(setPlansEmployers, () => setPlansEmployers([]));
  }, []);

  const search = (event: FormEvent) => {
    event.preventDefault();
    if (!q.trim()) return;
    void send.run(async () => {
      const residents = await searchResidents(q.trim());
      setFound(residents);
      setResidentId(residents.length === 1 ? residents[0].id : '');
    }, '');
  };

  const submit = () => {
    if (!residentId) return send.fail(text.pickResident);
    if (!employerId) return send.fail(text.pickEmployer);
    void send
      .run(() => startSmallJob({ residentId, employerId, startsOn, hoursPerWeek: Number(hours.replace(',', '.')) }, key), text.started)
      .then((ok) => {
        if (!ok) return;
        setKey(crypto.randomUUID());
        setHours('');
        onStarted();
      });
  };

  return (
    <div className="work-form">
      <h2>{text.startHeading}</h2>
      <SendStatus send={send} />
      <form onSubmit={search} role="search">
        <Field id="small-job-search" label={text.searchField} value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        <Button type="submit" variant="secondary">
          {text.search}
        </Button>
      </form>
      {found !== null && found.length === 0 && <p>{text.noMatches}</p>}
      {found !== null && found.length > 0 && (
        <SelectField
          id="small-job-resident"
          label={text.residentField}
          empty={text.chooseResident}
          value={residentId}
          onChange={(e) => setResidentId(e.target.value)}
          options={found.map((r) => [r.id, counsellorResidentName(r)] as const)}
        />
      )}
      {plansEmployers !== null && plansEmployers.length === 0 && <p>{text.noEmployers}</p>}
      <SelectField
        id="small-job-employer"
        label={text.employerField}
        empty={text.chooseEmployer}
        value={employerId}
        onChange={(e) => setEmployerId(e.target.value)}
        options={(plansEmployers ?? []).map((e) => [e.id, e.name] as const)}
      />
      <Field id="small-job-starts-on" type="date" label={text.startsOn} value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
      <Field id="small-job-hours" inputMode="decimal" label={text.hoursField} hint={text.hoursHint} value={hours} onChange={(e) => setHours(e.target.value)} />
      <Button busy={send.busy} onClick={submit}>
        {text.startSubmit}
      </Button>
    </div>
  );
}
