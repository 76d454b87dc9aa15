import { useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { todayIso } from './dates';
import { phaseLabel, socialWorker } from '../../text/social-worker';
import { ActionStatus } from './ActionStatus';
import { requirementAction } from './requirement-link';
import { SelectField } from '../../components/SelectField';
import { transition, type Employer, type Programme, type TransitionBody } from './social-worker-api';
import { useAction } from './use-action';

const text = socialWorker.programme;

/** The next phase, what it still needs (each with a link to the form that meets it), the move itself, and ending the programme early. */
export function NextStepPanel({ p, employers, onChange }: { p: Programme; employers: Employer[]; onChange: (p: Programme) => void }) {
  const move = useAction();
  const end = useAction();
  const accepted = p.matches.find((m) => m.status === 'accepted');
  const [chosenEmployer, setEmployerId] = useState('');
  // Until one is chosen, the ordinary job is at the accepted match's employer: usually the one who hires the youth.
  const employerId = chosenEmployer || accepted?.employerId || '';
  const [startedAt, setStartedAt] = useState(todayIso());
  const [reason, setReason] = useState('');
  const next = p.nextStep;
  if (!next) {
    return (
      <>
        <ActionStatus action={move} />
        <ActionStatus action={end} />
        <p>{text.finishedNote}</p>
      </>
    );
  }
  const toOrdinary = next.to === 'ordinary_job';
  const blocking = next.unmet.filter((u) => u.rule !== 'ordinary_job_named');
  const submitMove = () =>
    void move.run(async () => {
      onChange(await transition(p.id, { to: next.to as TransitionBody['to'], version: p.version, ...(toOrdinary ? { employerId, startedAt } : {}) }));
    }, text.moved(phaseLabel[next.to]));
  const submitEnd = () => {
    if (!reason.trim()) return end.fail(text.endReasonMissing);
    void end.run(async () => onChange(await transition(p.id, { to: 'ended', version: p.version, reason: reason.trim() })), text.moved(phaseLabel.ended));
  };
  return (
    <>
      <p>{text.nextPhase(phaseLabel[next.to])}</p>
      {blocking.length === 0 ? (
        <p>{text.ready}</p>
      ) : (
        <ul>
          {blocking.map((u) => {
            const a = requirementAction(p.id, u.rule);
            return (
              <li key={u.rule}>
                {a.need}: <a href={`#${a.anchor}`}>{a.action}</a>
              </li>
            );
          })}
        </ul>
      )}
      <ActionStatus action={move} />
      {toOrdinary && (
        <>
          <SelectField
            id="ordinary-employer"
            label={text.ordinaryEmployer}
            empty={text.chooseEmployer}
            value={employerId}
            onChange={(e) => setEmployerId(e.target.value)}
            options={employers.map((e) => [e.id, e.name] as const)}
          />
          <Field id="ordinary-started" type="date" label={text.ordinaryStarted} value={startedAt} onChange={(e) => setStartedAt(e.target.value)} />
        </>
      )}
      <Button busy={move.busy} disabled={blocking.length > 0} onClick={submitMove}>
        {text.moveTo(phaseLabel[next.to])}
      </Button>

      <details className="section-form">
        <summary>{text.endHeading}</summary>
        <ActionStatus action={end} />
        <Field id="end-reason" label={text.endReason2} value={reason} onChange={(e) => setReason(e.target.value)} />
        <Button variant="secondary" busy={end.busy} onClick={submitEnd}>
          {text.endButton}
        </Button>
      </details>
    </>
  );
}
